export { fixturesRoot, loadFixture, listFixtures } from './fixtures.ts';
export { startAwsStandIn, AwsStandInError } from './aws-stand-in.ts';
export type { AwsStandIn, AwsCall, AwsOperationHandler, AwsOperationHandlers } from './aws-stand-in.ts';
export { startWebhookSink, defaultWebhookSinkAnswer, NEVER_ANSWERS_PATH } from './webhook-sink.ts';
export type {
  WebhookSink,
  WebhookSinkOptions,
  WebhookSinkRequest,
  WebhookSinkReply,
  WebhookSinkHang,
  WebhookSinkAnswer,
  WebhookSinkResponder,
} from './webhook-sink.ts';
export {
  CodeCommitWorld,
  codeCommitHandlers,
  codeCommitTarget,
  demoCodeCommitWorld,
  fakeCommitId,
  startCodeCommitStandIn,
  toGitDate,
} from './codecommit-stand-in.ts';
export type {
  CodeCommitOperation,
  CodeCommitFileSpec,
  CodeCommitPersonSpec,
  CodeCommitCommitSpec,
  CodeCommitRepositorySpec,
  CodeCommitFault,
  CodeCommitCallRecord,
  StoredRepository,
  StoredCommit,
} from './codecommit-stand-in.ts';
export { startParametersSecretsExtensionStandIn } from './parameters-secrets-extension-stand-in.ts';
export type {
  ParametersSecretsExtensionStandIn,
  ParametersSecretsExtensionStandInOptions,
} from './parameters-secrets-extension-stand-in.ts';
export {
  CodePipelineWorld,
  codePipelineHandlers,
  codePipelineTarget,
  demoCodePipelineWorld,
  demoDeploymentGroupPipelines,
  fakeExecutionId,
  startCodePipelineStandIn,
  toEpochSeconds,
} from './codepipeline-stand-in.ts';
export type {
  CodePipelineOperation,
  CodePipelineExecutionStatus,
  CodePipelineActionStatus,
  CodePipelineActionCategory,
  CodePipelineActionSpec,
  CodePipelineStageSpec,
  CodePipelineArtifactRevisionSpec,
  CodePipelineActionRunSpec,
  CodePipelineExecutionSpec,
  CodePipelineSpec,
  CodePipelineFault,
  CodePipelineCallRecord,
  StoredPipeline,
  StoredExecution,
  StoredActionRun,
  StoredArtifactRevision,
} from './codepipeline-stand-in.ts';
export { startNotifierHarness, HARNESS_SLACK_PATH, HARNESS_DISCORD_PATH } from './notifier-harness.ts';
export type { NotifierHarness } from './notifier-harness.ts';
