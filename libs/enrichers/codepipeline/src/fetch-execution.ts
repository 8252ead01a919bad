import { GetPipelineExecutionCommand, type CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { PipelineEnrichment, SourceRevision } from '@herald/model';
import { IncompleteAnswerError } from './describe-failure.ts';
import { toSourceRevision } from './source-revision.ts';

export interface ExecutionDetails {
  /** The execution's own source revisions, in the order AWS lists them. */
  revisions: SourceRevision[];
  execution: NonNullable<PipelineEnrichment['execution']>;
}

/**
 * Reads one pipeline execution with `GetPipelineExecution`: the source revisions it ran and how it was
 * started (`triggerDetail` is kept as text: a user or role ARN, a webhook ARN, or a JSON string). Rejects
 * with the SDK's error when CodePipeline refuses.
 *
 * @example
 * ```ts
 * const { revisions, execution } = await fetchExecution(client, 'myPipeline', '12345678-1234-5678-abcd-12345678abcd', 10);
 * ```
 */
export async function fetchExecution(
  client: CodePipelineClient,
  pipelineName: string,
  pipelineExecutionId: string,
  bodyMaxLines: number,
): Promise<ExecutionDetails> {
  const { pipelineExecution } = await client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }));
  if (!pipelineExecution) throw new IncompleteAnswerError(`GetPipelineExecution answered without an execution for ${pipelineExecutionId}`);
  const { status, trigger } = pipelineExecution;
  const type = trigger?.triggerType;
  const detail = trigger?.triggerDetail;
  return {
    revisions: (pipelineExecution.artifactRevisions ?? []).map((revision) => toSourceRevision(revision, bodyMaxLines)),
    execution: {
      ...(status ? { status } : {}),
      ...(type || detail ? { trigger: { ...(type ? { type } : {}), ...(detail ? { detail } : {}) } } : {}),
    },
  };
}
