import { describeFailure as describeAwsFailure, type Failure, type ServiceFailureWords } from '@herald/enricher-kit';

export { IncompleteAnswerError } from '@herald/enricher-kit';
export type { Failure, FailureKind } from '@herald/enricher-kit';

const codeCommitWords: ServiceFailureWords = (name) => {
  if (name === 'RepositoryDoesNotExistException') return { kind: 'not-found', words: 'repository not found' };
  if (/^Commit(Id)?DoesNotExist/.test(name)) return { kind: 'not-found', words: 'commit not found' };
  if (/^InvalidCommit(Id)?Exception$|^CommitIdRequired/.test(name)) return { kind: 'invalid', words: 'invalid commit id' };
  return undefined;
};

/**
 * A CodeCommit call's failure in a few words plus the AWS error name.
 *
 * @example
 * ```ts
 * describeFailure(error).text; // 'commit not found (CommitIdDoesNotExistException)'
 * ```
 */
export const describeFailure = (error: unknown): Failure => describeAwsFailure(error, codeCommitWords);
