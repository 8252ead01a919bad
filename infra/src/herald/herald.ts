import { join } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { lookUpAwsAccount, type PolicyStatement } from '../aws/index.ts';
import { DeploymentNotifications } from '../deployments/index.ts';
import { deadLetterQueuePolicy, Notifier, type DeadLetterSource } from '../notifier/index.ts';
import { PipelineNotifications, pipelineReadStatements } from '../pipelines/index.ts';
import { RepositoryNotifications, repositoryReadStatements } from '../repositories/index.ts';
import type { StackConfig } from '../stack-config/index.ts';
import { WebhookParameters } from '../webhooks/index.ts';

/** The Lambda apps Herald deploys, each built to `dist/apps/<app>/handler.cjs`. */
export const notifierApps = ['codecommit-notifier', 'codedeploy-notifier', 'codepipeline-notifier'] as const;
export type NotifierApp = (typeof notifierApps)[number];

export interface HeraldArgs {
  stack: StackConfig;
  /** Where the notifier bundles are built: the repository's `dist/apps`. */
  bundleDirectory: string;
  /** Starts every physical name (functions, queues, alarms, triggers), e.g. `herald-prod`. */
  namePrefix: string;
}

const descriptions: Record<NotifierApp, string> = {
  'codecommit-notifier': 'Herald: CodeCommit pushes to Slack and Discord',
  'codedeploy-notifier': 'Herald: CodeDeploy deployments to Slack and Discord',
  'codepipeline-notifier': 'Herald: pipelines, approvals, builds and pull requests to Slack and Discord',
};

/**
 * Everything `pulumi up` deploys for one stack configuration: the webhook parameters, a notifier per kind of
 * source that has something to watch, and the triggers, topics and rules that feed them.
 *
 * @example
 * const herald = new Herald('herald', { stack: loadStackConfig(source), bundleDirectory: 'dist/apps', namePrefix: 'herald-prod' });
 */
export class Herald extends pulumi.ComponentResource {
  readonly repositoryTopicArn: pulumi.Output<string> | undefined;
  readonly approvalTopicArn: pulumi.Output<string> | undefined;
  readonly functionNames: pulumi.Output<Partial<Record<NotifierApp, string>>>;
  readonly deadLetterQueueUrls: pulumi.Output<Partial<Record<NotifierApp, string>>>;

  constructor(name: string, args: HeraldArgs, opts?: pulumi.ComponentResourceOptions) {
    super('herald:index:Herald', name, {}, opts);
    const { stack } = args;
    const account = lookUpAwsAccount({ parent: this });
    const webhooks = new WebhookParameters(`${name}-webhooks`, { webhooks: stack.webhooks, account }, { parent: this });

    const notifiers = new Map<NotifierApp, Notifier>();
    const createNotifier = (app: NotifierApp, readStatements: PolicyStatement[]) => {
      const notifier = new Notifier(
        `${name}-${app}`,
        {
          functionName: `${args.namePrefix}-${app}`,
          description: descriptions[app],
          bundlePath: join(args.bundleDirectory, app, 'handler.cjs'),
          heraldConfigJson: stack.heraldConfigJson,
          parametersSecretsExtensionLayerArn: stack.parametersSecretsExtensionLayerArn,
          webhookReadStatements: webhooks.readStatements,
          readStatements,
          logRetentionDays: stack.logRetentionDays,
          ...(stack.alarmTopicArn !== undefined ? { alarmTopicArn: stack.alarmTopicArn } : {}),
        },
        { parent: this },
      );
      notifiers.set(app, notifier);
      return notifier;
    };

    // A notifier exists only when something feeds it.
    const codecommit =
      stack.repositories.length > 0
        ? createNotifier('codecommit-notifier', repositoryReadStatements(account, stack.repositories))
        : undefined;
    // Pipelines, builds, approvals and also pull requests of the watched repositories.
    const codepipeline =
      stack.pipelines.length + stack.buildProjects.length + stack.repositories.length > 0
        ? createNotifier('codepipeline-notifier', pipelineReadStatements(account, stack.pipelines))
        : undefined;
    // A deployment names its revision through the pipeline that deployed it (config `deploymentGroups`).
    const deploymentPipelines = [
      ...new Set(
        stack.deploymentGroups.flatMap(
          ({ application, group }) => stack.herald.deploymentGroups[`${application}/${group}`]?.pipeline ?? [],
        ),
      ),
    ];
    const codedeploy =
      stack.deploymentGroups.length > 0
        ? createNotifier('codedeploy-notifier', pipelineReadStatements(account, deploymentPipelines))
        : undefined;

    const deadLetterSources: { notifier: Notifier; source: DeadLetterSource }[] = [];
    if (codecommit && codepipeline) {
      const repositories = new RepositoryNotifications(
        `${name}-repositories`,
        {
          repositories: stack.repositories,
          triggerName: args.namePrefix,
          pushNotifier: codecommit,
          pullRequestNotifier: codepipeline,
          account,
        },
        { parent: this },
      );
      deadLetterSources.push(...repositories.deadLetterSources);
      this.repositoryTopicArn = repositories.topicArn;
    }
    if (codedeploy) {
      const deployments = new DeploymentNotifications(
        `${name}-deployments`,
        { deploymentGroups: stack.deploymentGroups, notifier: codedeploy, account },
        { parent: this },
      );
      deadLetterSources.push(...deployments.deadLetterSources);
    }
    if (codepipeline && stack.pipelines.length + stack.buildProjects.length > 0) {
      const pipelines = new PipelineNotifications(
        `${name}-pipelines`,
        { pipelines: stack.pipelines, buildProjects: stack.buildProjects, notifier: codepipeline },
        { parent: this },
      );
      deadLetterSources.push(...pipelines.deadLetterSources);
      this.approvalTopicArn = pipelines.approvalTopicArn;
    }

    // Each queue's policy names sources of several components, so it is made here, once they all exist.
    for (const [app, notifier] of notifiers) {
      deadLetterQueuePolicy(
        `${name}-${app}-dlq-policy`,
        notifier,
        deadLetterSources.filter((entry) => entry.notifier === notifier).map((entry) => entry.source),
        this,
      );
    }

    const byApp = (pick: (notifier: Notifier) => pulumi.Output<string>) =>
      pulumi.output(Object.fromEntries([...notifiers].map(([app, notifier]) => [app, pick(notifier)]))) as pulumi.Output<
        Partial<Record<NotifierApp, string>>
      >;
    this.functionNames = byApp((notifier) => notifier.functionName);
    this.deadLetterQueueUrls = byApp((notifier) => notifier.deadLetterQueueUrl);
    this.registerOutputs({
      repositoryTopicArn: this.repositoryTopicArn,
      approvalTopicArn: this.approvalTopicArn,
      functionNames: this.functionNames,
      deadLetterQueueUrls: this.deadLetterQueueUrls,
    });
  }
}

/** The longest prefix that keeps `<prefix>-codepipeline-notifier` within Lambda's 64 characters. */
const maxNamePrefixLength = 64 - '-codepipeline-notifier'.length;

/**
 * `herald-<stack>`: physical names carry the stack, so two stacks (staging, prod) can share an account.
 * Characters Lambda and SQS names refuse become `-`.
 */
export function namePrefixFor(stackName: string): string {
  const prefix = `herald-${stackName.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (prefix.length > maxNamePrefixLength) {
    throw new pulumi.RunError(
      `stack name "${stackName}" is too long: function names are "herald-<stack>-<app>", at most 64 characters ` +
        `(stack names up to ${maxNamePrefixLength - 'herald-'.length} characters fit)`,
    );
  }
  return prefix;
}
