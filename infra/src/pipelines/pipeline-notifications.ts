import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { regionalArn, type AwsAccount } from '../aws/index.ts';
import { subscribeNotifier, targetNotifier, type DeadLetterSource, type Notifier } from '../notifier/index.ts';

export interface PipelineNotificationsArgs {
  /** Existing CodePipeline pipelines to watch. */
  pipelines: string[];
  /** Existing CodeBuild projects to watch, besides the builds the pipelines start. */
  buildProjects: string[];
  /** The codepipeline notifier. */
  notifier: Notifier;
}

/** The EventBridge detail types of pipeline, stage and action executions. */
export const pipelineDetailTypes = [
  'CodePipeline Pipeline Execution State Change',
  'CodePipeline Stage Execution State Change',
  'CodePipeline Action Execution State Change',
];

/** The EventBridge detail type of a build's state changes. */
export const buildDetailType = 'CodeBuild Build State Change';

/**
 * Which builds to report: those of the named projects, and those the watched pipelines start. Either kind
 * alone is a plain pattern; both are alternatives under `$or`.
 */
function buildEventPattern(pipelines: string[], buildProjects: string[]): Record<string, unknown> {
  const common = { source: ['aws.codebuild'], 'detail-type': [buildDetailType] };
  const byProject = buildProjects.length > 0 ? [{ detail: { 'project-name': buildProjects } }] : [];
  // A build started by CodePipeline names its initiator `codepipeline/<pipeline name>`.
  const byPipeline =
    pipelines.length > 0
      ? [{ detail: { 'additional-information': { initiator: pipelines.map((pipeline) => `codepipeline/${pipeline}`) } } }]
      : [];
  const alternatives = [...byProject, ...byPipeline];
  const [only] = alternatives;
  return alternatives.length === 1 && only ? { ...common, ...only } : { ...common, $or: alternatives };
}

/**
 * Sends the executions of existing pipelines (pipeline, stage and action state changes) and the builds of
 * those pipelines and of named CodeBuild projects to the codepipeline notifier, through EventBridge rules.
 *
 * Manual approvals: CodePipeline announces an approval action by publishing to the SNS topic named in that
 * action's configuration (`NotificationArn`), not to EventBridge. This component creates that topic, exported
 * as `approvalTopicArn`, subscribed by the notifier; set it as the approval action's notification ARN and allow
 * the pipeline's service role `sns:Publish` on it.
 *
 * @example
 * new PipelineNotifications('herald-pipelines', { pipelines: ['web-release'], buildProjects: [], notifier });
 */
export class PipelineNotifications extends pulumi.ComponentResource {
  readonly approvalTopicArn: pulumi.Output<string> | undefined;
  readonly executionRuleArn: pulumi.Output<string> | undefined;
  readonly buildRuleArn: pulumi.Output<string> | undefined;
  readonly deadLetterSources: { notifier: Notifier; source: DeadLetterSource }[] = [];

  constructor(name: string, args: PipelineNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('herald:index:PipelineNotifications', name, {}, opts);
    const addSource = (source: DeadLetterSource) => this.deadLetterSources.push({ notifier: args.notifier, source });

    if (args.pipelines.length > 0) {
      const executions = new aws.cloudwatch.EventRule(
        `${name}-executions`,
        {
          description: 'Herald: pipeline, stage and action executions of the watched pipelines',
          eventPattern: pulumi.jsonStringify({
            source: ['aws.codepipeline'],
            'detail-type': pipelineDetailTypes,
            detail: { pipeline: args.pipelines },
          }),
        },
        { parent: this },
      );
      addSource(targetNotifier(`${name}-executions`, executions, args.notifier, this));
      this.executionRuleArn = executions.arn;

      // Encrypted with the AWS-managed aws/sns key: the pipeline's service role publishes through SNS, which
      // that key allows for principals of the account. Approval messages carry the approval token.
      const approvals = new aws.sns.Topic(
        `${name}-approvals`,
        { displayName: 'Herald manual approvals', kmsMasterKeyId: 'alias/aws/sns' },
        { parent: this },
      );
      addSource(subscribeNotifier(`${name}-approvals`, approvals.arn, args.notifier, this));
      this.approvalTopicArn = approvals.arn;
    }

    if (args.pipelines.length + args.buildProjects.length > 0) {
      const builds = new aws.cloudwatch.EventRule(
        `${name}-builds`,
        {
          description: 'Herald: builds of the watched projects and pipelines',
          eventPattern: JSON.stringify(buildEventPattern(args.pipelines, args.buildProjects)),
        },
        { parent: this },
      );
      addSource(targetNotifier(`${name}-builds`, builds, args.notifier, this));
      this.buildRuleArn = builds.arn;
    }

    this.registerOutputs({
      approvalTopicArn: this.approvalTopicArn,
      executionRuleArn: this.executionRuleArn,
      buildRuleArn: this.buildRuleArn,
    });
  }
}

/**
 * What a notifier reads to describe a pipeline run — the execution and its source revision, the failing
 * action — on the named pipelines only.
 */
export function pipelineReadStatements(account: AwsAccount, pipelines: string[]): aws.iam.PolicyStatement[] {
  if (pipelines.length === 0) return [];
  return [
    {
      Sid: 'ReadWatchedPipelines',
      Effect: 'Allow',
      Action: ['codepipeline:GetPipelineExecution', 'codepipeline:ListActionExecutions', 'codepipeline:GetPipelineState'],
      Resource: pipelines.map((pipeline) => regionalArn(account, 'codepipeline', pipeline)),
    },
  ];
}
