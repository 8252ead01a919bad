import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { regionalArn, type AwsAccount } from '../aws/index.ts';
import { targetNotifier, type DeadLetterSource, type Notifier } from '../notifier/index.ts';
import type { DeploymentGroupName } from '../stack-config/index.ts';

export interface DeploymentNotificationsArgs {
  /** Existing CodeDeploy deployment groups to watch. */
  deploymentGroups: DeploymentGroupName[];
  /** The codedeploy notifier. */
  notifier: Notifier;
  account: AwsAccount;
}

/** The EventBridge detail type of a deployment's state changes. */
export const deploymentDetailType = 'CodeDeploy Deployment State-change Notification';

/**
 * Sends the deployment state changes of existing CodeDeploy deployment groups to the codedeploy notifier.
 * The rule matches on the deployment group's ARN, which CodeDeploy puts in every event's `resources`, so an
 * application/group pair matches exactly (separate application and group lists would also match their
 * cross product).
 *
 * @example
 * new DeploymentNotifications('herald-deployments', { deploymentGroups: [{ application: 'web', group: 'prod' }], … });
 */
export class DeploymentNotifications extends pulumi.ComponentResource {
  readonly ruleArn: pulumi.Output<string>;
  readonly deadLetterSources: { notifier: Notifier; source: DeadLetterSource }[];

  constructor(name: string, args: DeploymentNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('herald:index:DeploymentNotifications', name, {}, opts);

    const rule = new aws.cloudwatch.EventRule(
      `${name}-deployments`,
      {
        description: 'Herald: deployment state changes of the watched deployment groups',
        eventPattern: pulumi.jsonStringify({
          source: ['aws.codedeploy'],
          'detail-type': [deploymentDetailType],
          resources: args.deploymentGroups.map(({ application, group }) =>
            regionalArn(args.account, 'codedeploy', `deploymentgroup:${application}/${group}`),
          ),
        }),
      },
      { parent: this },
    );
    const source = targetNotifier(`${name}-deployments`, rule, args.notifier, this);

    this.ruleArn = rule.arn;
    this.deadLetterSources = [{ notifier: args.notifier, source }];
    this.registerOutputs({ ruleArn: this.ruleArn });
  }
}
