import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { regionalArn, type AwsAccount } from '../aws/index.ts';
import { subscribeNotifier, targetNotifier, type DeadLetterSource, type Notifier } from '../notifier/index.ts';

export interface RepositoryNotificationsArgs {
  /** Existing CodeCommit repositories to watch. */
  repositories: string[];
  /** The repository trigger's name, the same in every repository. */
  triggerName: string;
  /** Receives pushes, branch and tag changes: the codecommit notifier. */
  pushNotifier: Notifier;
  /** Receives pull request and comment events: the codepipeline notifier. */
  pullRequestNotifier: Notifier;
  account: AwsAccount;
}

/** The EventBridge detail types of pull requests and comments. */
export const pullRequestDetailTypes = [
  'CodeCommit Pull Request State Change',
  'CodeCommit Comment on Pull Request',
  'CodeCommit Comment on Commit',
];

/**
 * Connects existing CodeCommit repositories to Herald. Pushes go through a repository trigger for all
 * repository events to an SNS topic the codecommit notifier is subscribed to: a trigger names every
 * reference of a push, which EventBridge's one-event-per-reference form does not group. Pull request and
 * comment events only exist in EventBridge, so a rule sends those of these repositories to the codepipeline
 * notifier.
 *
 * A CodeCommit repository has one set of triggers: this replaces any triggers the repository already has.
 *
 * @example
 * new RepositoryNotifications('herald-repositories', { repositories: ['payments'], triggerName: 'herald-prod', … });
 */
export class RepositoryNotifications extends pulumi.ComponentResource {
  readonly topicArn: pulumi.Output<string>;
  readonly pullRequestRuleArn: pulumi.Output<string>;
  /** Where undelivered messages come from, per notifier, for their dead-letter queue policies. */
  readonly deadLetterSources: { notifier: Notifier; source: DeadLetterSource }[];

  constructor(name: string, args: RepositoryNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('herald:index:RepositoryNotifications', name, {}, opts);
    const repositoryArns = args.repositories.map((repository) => regionalArn(args.account, 'codecommit', repository));

    // Not encrypted with the AWS-managed aws/sns key: its key policy cannot be extended to the CodeCommit
    // service that publishes trigger messages. They carry repository, branch and commit ids, not secrets.
    const topic = new aws.sns.Topic(`${name}-triggers`, { displayName: 'Herald repository triggers' }, { parent: this });
    const pushSource = subscribeNotifier(`${name}-triggers`, topic.arn, args.pushNotifier, this);

    for (const repository of args.repositories) {
      new aws.codecommit.Trigger(
        `${name}-${repository}`,
        {
          repositoryName: repository,
          triggers: [{ name: args.triggerName, events: ['all'], destinationArn: topic.arn }],
        },
        { parent: this },
      );
    }

    const pullRequests = new aws.cloudwatch.EventRule(
      `${name}-pull-requests`,
      {
        description: 'Herald: pull requests and comments of the watched repositories',
        eventPattern: pulumi.jsonStringify({
          source: ['aws.codecommit'],
          'detail-type': pullRequestDetailTypes,
          resources: repositoryArns,
        }),
      },
      { parent: this },
    );
    const pullRequestSource = targetNotifier(`${name}-pull-requests`, pullRequests, args.pullRequestNotifier, this);

    this.topicArn = topic.arn;
    this.pullRequestRuleArn = pullRequests.arn;
    this.deadLetterSources = [
      { notifier: args.pushNotifier, source: pushSource },
      { notifier: args.pullRequestNotifier, source: pullRequestSource },
    ];
    this.registerOutputs({ topicArn: this.topicArn, pullRequestRuleArn: this.pullRequestRuleArn });
  }
}

/**
 * What the codecommit notifier reads to describe a push — the commit, its changed files, the commits in
 * between — on the watched repositories only.
 */
export function repositoryReadStatements(account: AwsAccount, repositories: string[]): aws.iam.PolicyStatement[] {
  if (repositories.length === 0) return [];
  return [
    {
      Sid: 'ReadWatchedRepositories',
      Effect: 'Allow',
      Action: ['codecommit:GetCommit', 'codecommit:GetDifferences'],
      Resource: repositories.map((repository) => regionalArn(account, 'codecommit', repository)),
    },
  ];
}
