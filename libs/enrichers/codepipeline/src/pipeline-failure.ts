import type { ActionExecutionDetail } from '@aws-sdk/client-codepipeline';
import type { PipelineExecutionEvent, PipelineFailure } from '@herald/model';
import { codeBuildLogUrl } from './codebuild-log-url.ts';

const webUrl = (text: string | undefined): string | undefined => (text && /^https?:\/\/\S+$/i.test(text.trim()) ? text.trim() : undefined);

const nonEmpty = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

function compact(failure: PipelineFailure): PipelineFailure {
  return Object.fromEntries(Object.entries(failure).filter(([, value]) => value !== undefined)) as PipelineFailure;
}

/**
 * What a failed event itself says about the failure: an action event's stage, action and result; a stage or
 * pipeline notification's first failed action. `undefined` when it says nothing.
 *
 * @example
 * ```ts
 * failureFromEvent(actionFailedEvent);
 * // { stage: 'Deploy', action: 'Deploy', code: 'JobFailed', message: 'Deployment d-… failed', externalUrl: '…' }
 * ```
 */
export function failureFromEvent(event: PipelineExecutionEvent): PipelineFailure | undefined {
  const failedAction = event.failedActions?.[0];
  const failure = compact({
    stage: nonEmpty(event.stage) ?? nonEmpty(failedAction?.stage),
    action: (event.level === 'action' ? nonEmpty(event.action) : undefined) ?? nonEmpty(failedAction?.action),
    code: nonEmpty(event.result?.errorCode),
    message: nonEmpty(event.result?.summary) ?? nonEmpty(failedAction?.info),
    externalUrl: webUrl(event.result?.url),
  });
  return Object.keys(failure).length > 0 ? failure : undefined;
}

/** Whether an action execution is the failure the event describes (any failed one when it names none). */
export function isFailureOf(known: PipelineFailure | undefined): (detail: ActionExecutionDetail) => boolean {
  return (detail) =>
    detail.status === 'Failed' &&
    (known?.stage === undefined || detail.stageName === known.stage) &&
    (known?.action === undefined || detail.actionName === known.action);
}

export interface FailureContext {
  event: PipelineExecutionEvent;
  /** The event's own account of the failure, preferred where both say something. */
  known: PipelineFailure | undefined;
  /** The failed action execution found with `ListActionExecutions`, if any. */
  found: ActionExecutionDetail | undefined;
}

/**
 * The failure as the event tells it, completed with the failed action execution: its error code, its
 * error message (preferred to the event's summary, which only repeats the summary line), the external
 * execution page and, for CodeBuild, the build log page. Some SDK versions have no `errorDetails` on the
 * execution result; the external execution summary then stands in for the message.
 *
 * @example
 * ```ts
 * const failure = completeFailure({ event, known: failureFromEvent(event), found: failedActionExecution });
 * ```
 */
export function completeFailure({ event, known, found }: FailureContext): PipelineFailure | undefined {
  if (!found) return known;
  const result = found.output?.executionResult;
  const provider = found.input?.actionTypeId?.provider ?? (event.level === 'action' ? event.actionType?.provider : undefined);
  const buildId = result?.externalExecutionId ?? event.result?.externalId;
  const logUrl =
    provider === 'CodeBuild' && buildId
      ? codeBuildLogUrl({ region: found.input?.region ?? event.region, buildId, ...(event.account ? { account: event.account } : {}) })
      : undefined;
  return compact({
    stage: known?.stage ?? nonEmpty(found.stageName),
    action: known?.action ?? nonEmpty(found.actionName),
    code: known?.code ?? nonEmpty(result?.errorDetails?.code),
    message: nonEmpty(result?.errorDetails?.message) ?? known?.message ?? nonEmpty(result?.externalExecutionSummary),
    externalUrl: known?.externalUrl ?? webUrl(result?.externalExecutionUrl),
    logUrl,
  });
}
