export {
  parseHeraldConfig,
  parseHeraldConfigJson,
  defaultHeraldConfig,
  heraldConfigSchema,
  defaultBranchColors,
  eventSources,
  ConfigError,
} from './config/herald-config.ts';
export type {
  HeraldConfig,
  HeraldConfigInput,
  RouteConfig,
  TargetConfig,
  WebhookSource,
  DeploymentGroupConfig,
} from './config/herald-config.ts';
export { describeEvent } from './describe/describe-event.ts';
export { describePush } from './describe/describe-push.ts';
export { describeDeployment } from './describe/describe-deployment.ts';
export { describeDeploymentInstance } from './describe/describe-deployment-instance.ts';
export { describePipelineExecution } from './describe/describe-pipeline-execution.ts';
export { describeApproval } from './describe/describe-approval.ts';
export { describeBuild } from './describe/describe-build.ts';
export { describePullRequest } from './describe/describe-pull-request.ts';
export { describeComment } from './describe/describe-comment.ts';
export { executionOutcome, outcomeSinceEvent, outcomeSinceNotice } from './describe/outcome-since-event.ts';
export type { PipelineOutcome } from './describe/outcome-since-event.ts';
export { statusColors } from './describe/status-style.ts';
export { routeNotification } from './route/route-notification.ts';
export type { RoutedTarget } from './route/route-notification.ts';
export { matchesGlob } from './glob.ts';
