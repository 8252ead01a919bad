import { GetPipelineStateCommand, type ActionState, type CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { SourceRevision } from '@herald/model';
import { toSourceRevision } from './source-revision.ts';

/**
 * The summary of a source action's latest run is its commit message only when that run fetched the
 * current revision; a failed run's summary is an error.
 */
function summaryOfCurrentRevision(action: ActionState, revisionId: string): string | undefined {
  const latest = action.latestExecution;
  if (latest?.status !== 'Succeeded') return undefined;
  if (latest.externalExecutionId && latest.externalExecutionId !== revisionId) return undefined;
  return latest.summary;
}

/**
 * The pipeline's current source revision, from `GetPipelineState`: the first action, in stage order, that
 * reports a `currentRevision` (CodePipeline's first stage holds its source actions). This is what the
 * pipeline last fetched, not necessarily what a given deployment deployed. Rejects with the SDK's error
 * when CodePipeline refuses.
 *
 * @example
 * ```ts
 * const current = await fetchCurrentRevision(client, 'temporary-status-pipeline', 10);
 * ```
 */
export async function fetchCurrentRevision(client: CodePipelineClient, name: string, bodyMaxLines: number): Promise<SourceRevision | undefined> {
  const { stageStates } = await client.send(new GetPipelineStateCommand({ name }));
  for (const stage of stageStates ?? []) {
    for (const action of stage.actionStates ?? []) {
      const revisionId = action.currentRevision?.revisionId;
      if (!revisionId) continue;
      const summary = summaryOfCurrentRevision(action, revisionId);
      return toSourceRevision(
        {
          ...(action.actionName ? { name: action.actionName } : {}),
          revisionId,
          ...(summary !== undefined ? { revisionSummary: summary } : {}),
          ...(action.revisionUrl ? { revisionUrl: action.revisionUrl } : {}),
        },
        bodyMaxLines,
      );
    }
  }
  return undefined;
}
