import { ListActionExecutionsCommand, type ActionExecutionDetail, type CodePipelineClient } from '@aws-sdk/client-codepipeline';

/** The most a `ListActionExecutions` page holds. */
export const ACTION_EXECUTIONS_PAGE_SIZE = 100;

export interface ActionExecutionSearch {
  pipelineName: string;
  /** Only this execution's actions (`filter.pipelineExecutionId`); otherwise the pipeline's whole history. */
  pipelineExecutionId?: string;
  /** Stop after this many pages. */
  maxPages: number;
  matches(detail: ActionExecutionDetail): boolean;
}

/**
 * Pages through `ListActionExecutions` (newest first) until an action execution matches, the pages run
 * out, or `maxPages` pages were read. Rejects with the SDK's error when CodePipeline refuses.
 *
 * @example
 * ```ts
 * const failed = await findActionExecution(client, {
 *   pipelineName: 'meerkat', pipelineExecutionId, maxPages: 5, matches: (detail) => detail.status === 'Failed',
 * });
 * ```
 */
export async function findActionExecution(client: CodePipelineClient, search: ActionExecutionSearch): Promise<ActionExecutionDetail | undefined> {
  const { pipelineName, pipelineExecutionId, maxPages, matches } = search;
  let nextToken: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await client.send(
      new ListActionExecutionsCommand({
        pipelineName,
        ...(pipelineExecutionId ? { filter: { pipelineExecutionId } } : {}),
        maxResults: ACTION_EXECUTIONS_PAGE_SIZE,
        nextToken,
      }),
    );
    const found = answer.actionExecutionDetails?.find(matches);
    if (found) return found;
    // A token that does not move on would page forever.
    if (!answer.nextToken || answer.nextToken === nextToken) return undefined;
    nextToken = answer.nextToken;
  }
  return undefined;
}
