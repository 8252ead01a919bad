export { describeFailure, IncompleteAnswerError, WORTH_ANOTHER_OPERATION } from './describe-failure.ts';
export type { Failure, FailureKind, ServiceFailureWords } from './describe-failure.ts';
