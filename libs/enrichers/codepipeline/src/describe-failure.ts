import { describeFailure as describeAwsFailure, type Failure, type ServiceFailureWords } from '@herald/enricher-kit';

export { IncompleteAnswerError, WORTH_ANOTHER_OPERATION } from '@herald/enricher-kit';
export type { Failure, FailureKind } from '@herald/enricher-kit';

const codePipelineWords: ServiceFailureWords = (name) => {
  if (name === 'PipelineNotFoundException') return { kind: 'not-found', words: 'pipeline not found' };
  if (name === 'PipelineExecutionNotFoundException') return { kind: 'not-found', words: 'pipeline execution not found' };
  return undefined;
};

/**
 * A CodePipeline call's failure in a few words plus the AWS error name.
 *
 * @example
 * ```ts
 * describeFailure(error).text; // 'pipeline not found (PipelineNotFoundException)'
 * ```
 */
export const describeFailure = (error: unknown): Failure => describeAwsFailure(error, codePipelineWords);
