import type { PipelineState } from '@herald/model';

/** How a pipeline execution ended. */
export type PipelineOutcome = 'succeeded' | 'failed' | 'stopped' | 'cancelled' | 'superseded';

/** `GetPipelineExecution` statuses (`Succeeded`, `Cancelled`, …) and event states (`SUCCEEDED`, `CANCELED`, …). */
const outcomes: Readonly<Record<string, PipelineOutcome>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  stopped: 'stopped',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  superseded: 'superseded',
};

/**
 * The outcome an execution status names, or `undefined` while the execution is still going
 * (`InProgress`, `Stopping`) or the status is unknown.
 *
 * @example
 * executionOutcome('Succeeded'); // 'succeeded'
 * executionOutcome('InProgress'); // undefined
 */
export function executionOutcome(status: string | undefined): PipelineOutcome | undefined {
  return status === undefined ? undefined : outcomes[status.trim().toLowerCase()];
}

/**
 * Events arrive at least once and out of order: the outcome the execution has reached since the event,
 * when it differs from what the event says. `undefined` when the execution is still going, its status is
 * unknown, or it ended the way the event says.
 *
 * A STARTED event read after the run succeeded gives `succeeded`; a FAILED event read after a retry of the
 * same execution succeeded gives `succeeded`; a stage's SUCCEEDED event in a run that later failed gives
 * `failed`.
 *
 * @example
 * outcomeSinceEvent('started', 'Succeeded'); // 'succeeded'
 * outcomeSinceEvent('failed', 'Failed');     // undefined
 * outcomeSinceEvent('started', 'InProgress'); // undefined
 */
export function outcomeSinceEvent(state: PipelineState, executionStatus: string | undefined): PipelineOutcome | undefined {
  const outcome = executionOutcome(executionStatus);
  if (outcome === undefined || outcomes[state] === outcome) return undefined;
  return outcome;
}

const sinceWords: Readonly<Record<PipelineOutcome, string>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  stopped: 'been stopped',
  cancelled: 'been canceled',
  superseded: 'been superseded by a newer run',
};

/**
 * The notice saying what the run has done since the event, with where it happened when known.
 *
 * @example
 * outcomeSinceNotice('failed'); // 'This run has since failed.'
 * outcomeSinceNotice('failed', 'in stage Deploy'); // 'This run has since failed in stage Deploy.'
 */
export function outcomeSinceNotice(outcome: PipelineOutcome, where?: string): string {
  return `This run has since ${sinceWords[outcome]}${where ? ` ${where}` : ''}.`;
}

/** The same, as a remark for one-line texts: `this run has since failed`. */
export function outcomeSinceRemark(outcome: PipelineOutcome): string {
  return `this run has since ${sinceWords[outcome]}`;
}
