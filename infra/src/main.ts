/**
 * The Pulumi program (`npx pulumi up` in infra/): reads the stack configuration, fails with the name of the
 * first bad field, and deploys Herald. The exports are the stack outputs.
 */
import { resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { Herald, namePrefixFor } from './herald/index.ts';
import { loadStackConfig, pulumiStackConfigSource } from './stack-config/index.ts';

const herald = new Herald('herald', {
  stack: loadStackConfig(pulumiStackConfigSource()),
  // Built by `nx run-many -t build` (the infra `preview` and `up` targets build them first).
  bundleDirectory: resolve(import.meta.dirname, '..', '..', 'dist', 'apps'),
  namePrefix: namePrefixFor(pulumi.getStack()),
});

/** The topic CodeCommit triggers publish to (when repositories are watched). */
export const repositoryTopicArn = herald.repositoryTopicArn;
/** Set it as the `NotificationArn` of manual approval actions (when pipelines are watched). */
export const approvalTopicArn = herald.approvalTopicArn;
/** Per notifier app, its Lambda function name. */
export const functionNames = herald.functionNames;
/** Per notifier app, the dead-letter queue of events it could not deliver. */
export const deadLetterQueueUrls = herald.deadLetterQueueUrls;
