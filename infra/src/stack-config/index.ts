export {
  loadStackConfig,
  pulumiStackConfigSource,
  stackConfigNamespace,
  StackConfigError,
} from './stack-config.ts';
export type { DeploymentGroupName, StackConfig, StackConfigSource, WebhookSecret } from './stack-config.ts';
export { logRetentionPeriods, stackConfigKeys } from './stack-config-schema.ts';
export type { StackConfigKey } from './stack-config-schema.ts';
