import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { PipelineEnrichment, PipelineExecutionEvent } from '@herald/model';
import { describeFailure } from './describe-failure.ts';
import { fetchExecution, type ExecutionDetails } from './fetch-execution.ts';
import { findActionExecution } from './find-action-execution.ts';
import { completeFailure, failureFromEvent, isFailureOf } from './pipeline-failure.ts';

export interface ExecutionLimits {
  bodyMaxLines: number;
  /** Pages of one execution's action executions read when looking for the failed one. */
  maxFailurePages: number;
}

type Outcome<T> = { value: T } | { failure: unknown };

const settle = <T>(task: () => Promise<T>): Promise<Outcome<T>> =>
  Promise.resolve()
    .then(task)
    .then(
      (value) => ({ value }),
      (failure: unknown) => ({ failure }),
    );

/**
 * Enriches a pipeline, stage or action event with its own execution's source revisions and trigger
 * (`GetPipelineExecution`) and, when it failed, the failing action (`ListActionExecutions`), both at once.
 * Rejects only when something unexpected is thrown outside the two lookups.
 *
 * @example
 * ```ts
 * const enrichment = await enrichExecution(event, () => client, { bodyMaxLines: 10, maxFailurePages: 5 });
 * ```
 */
export async function enrichExecution(
  event: PipelineExecutionEvent,
  client: () => CodePipelineClient,
  limits: ExecutionLimits,
): Promise<PipelineEnrichment> {
  const pipelineName = event.pipeline?.trim();
  const executionId = event.executionId?.trim();
  const known = event.state === 'failed' ? failureFromEvent(event) : undefined;
  const base = { kind: 'codepipeline.execution' as const, revisions: [], ...(known ? { failure: known } : {}) };
  if (!pipelineName || !executionId) return { ...base, missing: ['source revision: the event names no pipeline execution'] };

  const [details, failed] = await Promise.all([
    settle<ExecutionDetails>(() => fetchExecution(client(), pipelineName, executionId, limits.bodyMaxLines)),
    event.state === 'failed'
      ? settle(() =>
          findActionExecution(client(), { pipelineName, pipelineExecutionId: executionId, maxPages: limits.maxFailurePages, matches: isFailureOf(known) }),
        )
      : undefined,
  ]);

  const missing: string[] = [];
  if ('failure' in details) missing.push(`source revision: ${describeFailure(details.failure).text}`);
  if (failed && 'failure' in failed) missing.push(`failure details: ${describeFailure(failed.failure).text}`);
  const failure = failed && 'value' in failed ? completeFailure({ event, known, found: failed.value }) : known;
  return {
    kind: 'codepipeline.execution',
    revisions: 'value' in details ? details.value.revisions : [],
    ...('value' in details && Object.keys(details.value.execution).length > 0 ? { execution: details.value.execution } : {}),
    ...(failure ? { failure } : {}),
    missing,
  };
}
