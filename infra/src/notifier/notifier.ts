import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { assumedByService, policyJson, type PolicyStatement } from '../aws/index.ts';

export interface NotifierArgs {
  /** The function's name; its log group and dead-letter queue are named after it. */
  functionName: string;
  description: string;
  /** The built bundle, `dist/apps/<app>/handler.cjs`. Only this file is packaged. */
  bundlePath: string;
  /** `HERALD_CONFIG`: the routing config, naming webhook parameters, never URLs. */
  heraldConfigJson: string;
  /** The arm64 AWS Parameters and Secrets Lambda Extension layer of the stack's region. */
  parametersSecretsExtensionLayerArn: string;
  /** Reading (and decrypting) the webhook parameters, and nothing else of Parameter Store. */
  webhookReadStatements: pulumi.Input<PolicyStatement>[];
  /** The AWS reads this notifier's enrichment makes, scoped to the watched resources. */
  readStatements: pulumi.Input<PolicyStatement>[];
  logRetentionDays: number;
  /** Where the dead-letter alarm notifies; without it, the alarm only changes state. */
  alarmTopicArn?: string;
}

/*
 * 256 MB: Lambda gives CPU in proportion to memory, and a cold start (loading the bundle, building SDK
 * clients, TLS handshakes to AWS and to the webhook) is CPU-bound, while the memory a notification needs is
 * small. Billing is per GB-second, so a faster start costs little more.
 */
const memorySizeMb = 256;
/*
 * 60 s: a delivery makes up to 4 attempts of at most 5 s each, with exponential backoff and Retry-After waits
 * (Slack and Discord ask for seconds to tens of seconds), after enrichment calls to AWS. The handler stops
 * retrying 3 s before the timeout, so a failure is reported and retried rather than cut off.
 */
const timeoutSeconds = 60;
/** Lambda's own retries of a failed asynchronous invocation, before the event goes to the queue. */
const asyncRetryAttempts = 2;
/*
 * A chat message an hour late is rarely wanted any more; after that, an event Lambda could not run (throttled)
 * is parked in the queue for a person to replay or drop, instead of arriving hours late.
 */
const maximumEventAgeSeconds = 3600;
/** SQS keeps messages for at most 14 days: the time anyone has to look at a failed notification. */
const deadLetterRetentionSeconds = 14 * 24 * 60 * 60;

/**
 * One Herald Lambda function with everything it needs to run and to fail loudly: its role (only the reads
 * it makes), its log group with retention, the Parameters and Secrets extension layer for webhook URLs, and
 * an encrypted dead-letter queue with an alarm for events that still fail after Lambda's retries.
 *
 * @example
 * const notifier = new Notifier('herald-codecommit-notifier', {
 *   functionName: 'herald-prod-codecommit-notifier',
 *   bundlePath: 'dist/apps/codecommit-notifier/handler.cjs',
 *   …
 * });
 */
export class Notifier extends pulumi.ComponentResource {
  readonly functionName: pulumi.Output<string>;
  readonly functionArn: pulumi.Output<string>;
  readonly roleName: pulumi.Output<string>;
  readonly deadLetterQueueArn: pulumi.Output<string>;
  readonly deadLetterQueueUrl: pulumi.Output<string>;

  constructor(name: string, args: NotifierArgs, opts?: pulumi.ComponentResourceOptions) {
    super('herald:index:Notifier', name, {}, opts);

    // Created before the function, with a retention: otherwise Lambda creates it on first log line and keeps
    // logs forever, and the function's role would need logs:CreateLogGroup.
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      { name: `/aws/lambda/${args.functionName}`, retentionInDays: args.logRetentionDays },
      { parent: this },
    );

    // SSE-SQS rather than a KMS key: encrypted at rest, and Lambda, EventBridge and SNS can all send to it
    // without key policy grants.
    const deadLetterQueue = new aws.sqs.Queue(
      `${name}-dlq`,
      {
        name: `${args.functionName}-dlq`,
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: deadLetterRetentionSeconds,
      },
      { parent: this },
    );

    const role = new aws.iam.Role(
      `${name}-role`,
      { assumeRolePolicy: assumedByService('lambda.amazonaws.com'), description: `Runs ${args.functionName}` },
      { parent: this },
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-policy`,
      {
        role: role.name,
        policy: policyJson([
          {
            Sid: 'WriteOwnLogs',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: pulumi.interpolate`${logGroup.arn}:*`,
          },
          // Lambda sends failed asynchronous invocations to the on-failure destination with the function's role.
          {
            Sid: 'ParkFailedInvocations',
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Resource: deadLetterQueue.arn,
          },
          ...args.webhookReadStatements,
          ...args.readStatements,
        ]),
      },
      { parent: this },
    );

    const fn = new aws.lambda.Function(
      `${name}-function`,
      {
        name: args.functionName,
        description: args.description,
        role: role.arn,
        runtime: 'nodejs24.x',
        architectures: ['arm64'],
        handler: 'handler.handler',
        // The bundle is self-contained (dependencies included): nothing else from the repository is shipped.
        code: new pulumi.asset.AssetArchive({ 'handler.cjs': new pulumi.asset.FileAsset(args.bundlePath) }),
        memorySize: memorySizeMb,
        timeout: timeoutSeconds,
        // The handler reads webhook URLs from the extension on localhost:2773 instead of bundling SSM clients.
        layers: [args.parametersSecretsExtensionLayerArn],
        environment: { variables: { HERALD_CONFIG: args.heraldConfigJson } },
        loggingConfig: { logFormat: 'Text', logGroup: logGroup.name },
      },
      // The role's policy must exist before the first invocation can log or read a webhook.
      { parent: this, dependsOn: [rolePolicy] },
    );

    // Lambda checks at creation that the role may send to the destination, hence the policy first.
    new aws.lambda.FunctionEventInvokeConfig(
      `${name}-async`,
      {
        functionName: fn.name,
        maximumRetryAttempts: asyncRetryAttempts,
        maximumEventAgeInSeconds: maximumEventAgeSeconds,
        destinationConfig: { onFailure: { destination: deadLetterQueue.arn } },
      },
      { parent: this, dependsOn: [rolePolicy] },
    );

    // Any message in the queue is a notification nobody received.
    new aws.cloudwatch.MetricAlarm(
      `${name}-dead-letters`,
      {
        name: `${args.functionName}-dead-letters`,
        alarmDescription: `Events ${args.functionName} could not deliver are waiting in ${args.functionName}-dlq; see infra/README.md to inspect and replay them.`,
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: deadLetterQueue.name },
        statistic: 'Maximum',
        period: 300,
        evaluationPeriods: 1,
        threshold: 0,
        comparisonOperator: 'GreaterThanThreshold',
        treatMissingData: 'notBreaching',
        alarmActions: args.alarmTopicArn ? [args.alarmTopicArn] : [],
        okActions: args.alarmTopicArn ? [args.alarmTopicArn] : [],
      },
      { parent: this },
    );

    this.functionName = fn.name;
    this.functionArn = fn.arn;
    this.roleName = role.name;
    this.deadLetterQueueArn = deadLetterQueue.arn;
    this.deadLetterQueueUrl = deadLetterQueue.url;
    this.registerOutputs({
      functionName: this.functionName,
      functionArn: this.functionArn,
      deadLetterQueueUrl: this.deadLetterQueueUrl,
    });
  }

}
