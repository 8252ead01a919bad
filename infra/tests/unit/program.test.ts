import { parseHeraldConfigJson } from '@herald/notify';
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/index.ts';
import { arn, jsonInput, planHerald, resource, resourcesOfType } from '../support/herald-plan.ts';

const apps = ['codecommit-notifier', 'codedeploy-notifier', 'codepipeline-notifier'];

let plan: Plan;

beforeAll(async () => {
  // Mocks and config are set, then the program imported (see planHerald), with infra/Pulumi.example.yaml.
  plan = await planHerald();
});

describe('Herald program: notifiers', () => {
  it('deploys each notifier from its built bundle only, on nodejs24.x arm64 with the extension layer', async () => {
    // Prepare
    const functions = resourcesOfType(plan.resources, 'aws:lambda/function:Function');

    // Act
    const deployed = await Promise.all(
      functions.map(async (fn) => {
        const code = fn.inputs['code'] as pulumi.asset.AssetArchive;
        const assets = (await code.assets) as Record<string, pulumi.asset.FileAsset>;
        return {
          name: fn.inputs['name'],
          files: Object.keys(assets),
          bundle: await assets['handler.cjs']?.path,
          handler: fn.inputs['handler'],
          runtime: fn.inputs['runtime'],
          architectures: fn.inputs['architectures'],
          layers: fn.inputs['layers'],
          memorySize: fn.inputs['memorySize'],
          timeout: fn.inputs['timeout'],
        };
      }),
    );

    // Assess
    expect(deployed.map((fn) => fn.name).sort()).toEqual(apps.map((app) => `herald-test-${app}`));
    for (const fn of deployed) {
      const app = String(fn.name).replace('herald-test-', '');
      expect(fn).toMatchObject({
        files: ['handler.cjs'],
        handler: 'handler.handler',
        runtime: 'nodejs24.x',
        architectures: ['arm64'],
        layers: ['arn:aws:lambda:eu-west-1:015030872274:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:11'],
        memorySize: 256,
        timeout: 60,
      });
      expect(fn.bundle).toMatch(new RegExp(`/dist/apps/${app}/handler\\.cjs$`));
    }
  });

  it('gives every function HERALD_CONFIG that the Lambdas accept, naming parameters and no URL', () => {
    // Prepare
    const functions = resourcesOfType(plan.resources, 'aws:lambda/function:Function');

    for (const fn of functions) {
      // Act
      const variables = (fn.inputs['environment'] as { variables: Record<string, string> }).variables;
      const config = parseHeraldConfigJson(variables['HERALD_CONFIG']!, 'HERALD_CONFIG');

      // Assess
      expect(Object.keys(variables)).toEqual(['HERALD_CONFIG']);
      expect(config.targets).toEqual({
        'team-slack': { type: 'slack', webhook: { ssmParameter: '/herald/example/team-slack' } },
        releases: { type: 'discord', webhook: { ssmParameter: '/herald/example/releases' } },
      });
    }
  });

  it('creates each log group as /aws/lambda/<function> with the retention, and logs the function there', () => {
    for (const app of apps) {
      // Act
      const logGroup = resource(plan.resources, 'aws:cloudwatch/logGroup:LogGroup', `herald-${app}-logs`);
      const fn = resource(plan.resources, 'aws:lambda/function:Function', `herald-${app}-function`);

      // Assess
      expect(logGroup.inputs).toEqual({ name: `/aws/lambda/herald-test-${app}`, retentionInDays: 30 });
      expect(fn.inputs['loggingConfig']).toEqual({ logFormat: 'Text', logGroup: `/aws/lambda/herald-test-${app}` });
    }
  });

  it('parks failed asynchronous invocations, after 2 retries, in an encrypted queue kept 14 days', () => {
    for (const app of apps) {
      // Act
      const invokeConfig = resource(
        plan.resources,
        'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig',
        `herald-${app}-async`,
      );
      const queue = resource(plan.resources, 'aws:sqs/queue:Queue', `herald-${app}-dlq`);

      // Assess
      expect(invokeConfig.inputs).toMatchObject({
        functionName: `herald-test-${app}`,
        maximumRetryAttempts: 2,
        destinationConfig: { onFailure: { destination: arn.queue(app) } },
      });
      expect(queue.inputs).toEqual({
        name: `herald-test-${app}-dlq`,
        sqsManagedSseEnabled: true,
        messageRetentionSeconds: 14 * 24 * 60 * 60,
      });
    }
  });

  it('alarms on any visible message in a dead-letter queue, notifying the alarm topic', () => {
    for (const app of apps) {
      // Act
      const alarm = resource(plan.resources, 'aws:cloudwatch/metricAlarm:MetricAlarm', `herald-${app}-dead-letters`);

      // Assess
      expect(alarm.inputs).toMatchObject({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensions: { QueueName: `herald-test-${app}-dlq` },
        comparisonOperator: 'GreaterThanThreshold',
        threshold: 0,
        alarmActions: ['arn:aws:sns:eu-west-1:123456789012:ops-alarms'],
      });
    }
  });
});

describe('Herald program: repositories', () => {
  it('triggers on all events of each repository into the topic the codecommit notifier is subscribed to', () => {
    // Act
    const triggers = resourcesOfType(plan.resources, 'aws:codecommit/trigger:Trigger');
    const subscription = resource(
      plan.resources,
      'aws:sns/topicSubscription:TopicSubscription',
      'herald-repositories-triggers-subscription',
    );
    const permission = resource(plan.resources, 'aws:lambda/permission:Permission', 'herald-repositories-triggers-invoke');

    // Assess
    const topicArn = arn.topic('herald-repositories-triggers');
    expect(triggers.map((trigger) => trigger.inputs)).toEqual(
      ['web-shop', 'payments-api'].map((repositoryName) => ({
        repositoryName,
        triggers: [{ name: 'herald-test', events: ['all'], destinationArn: topicArn }],
      })),
    );
    expect(subscription.inputs).toMatchObject({
      topic: topicArn,
      protocol: 'lambda',
      endpoint: arn.function('codecommit-notifier'),
    });
    expect(permission.inputs).toEqual({
      action: 'lambda:InvokeFunction',
      function: 'herald-test-codecommit-notifier',
      principal: 'sns.amazonaws.com',
      sourceArn: topicArn,
    });
  });

  it('sends pull request and comment events of the watched repositories to the codepipeline notifier', () => {
    // Act
    const rule = resource(plan.resources, 'aws:cloudwatch/eventRule:EventRule', 'herald-repositories-pull-requests');
    const target = resource(plan.resources, 'aws:cloudwatch/eventTarget:EventTarget', 'herald-repositories-pull-requests-target');
    const permission = resource(plan.resources, 'aws:lambda/permission:Permission', 'herald-repositories-pull-requests-invoke');

    // Assess
    expect(jsonInput(rule, 'eventPattern')).toEqual({
      source: ['aws.codecommit'],
      'detail-type': ['CodeCommit Pull Request State Change', 'CodeCommit Comment on Pull Request', 'CodeCommit Comment on Commit'],
      resources: [arn.repository('web-shop'), arn.repository('payments-api')],
    });
    expect(target.inputs).toMatchObject({ rule: 'herald-repositories-pull-requests', arn: arn.function('codepipeline-notifier') });
    expect(permission.inputs).toEqual({
      action: 'lambda:InvokeFunction',
      function: 'herald-test-codepipeline-notifier',
      principal: 'events.amazonaws.com',
      sourceArn: arn.rule('herald-repositories-pull-requests'),
    });
  });
});

describe('Herald program: deployments', () => {
  it('sends the state changes of exactly the named deployment groups to the codedeploy notifier', () => {
    // Act
    const rule = resource(plan.resources, 'aws:cloudwatch/eventRule:EventRule', 'herald-deployments-deployments');
    const target = resource(plan.resources, 'aws:cloudwatch/eventTarget:EventTarget', 'herald-deployments-deployments-target');
    const permission = resource(plan.resources, 'aws:lambda/permission:Permission', 'herald-deployments-deployments-invoke');

    // Assess
    expect(jsonInput(rule, 'eventPattern')).toEqual({
      source: ['aws.codedeploy'],
      'detail-type': ['CodeDeploy Deployment State-change Notification'],
      resources: ['arn:aws:codedeploy:eu-west-1:123456789012:deploymentgroup:web-shop/production'],
    });
    expect(target.inputs).toMatchObject({ rule: 'herald-deployments-deployments', arn: arn.function('codedeploy-notifier') });
    expect(permission.inputs).toMatchObject({
      function: 'herald-test-codedeploy-notifier',
      principal: 'events.amazonaws.com',
      sourceArn: arn.rule('herald-deployments-deployments'),
    });
  });
});

describe('Herald program: pipelines', () => {
  it('sends pipeline, stage and action executions of the named pipelines to the codepipeline notifier', () => {
    // Act
    const rule = resource(plan.resources, 'aws:cloudwatch/eventRule:EventRule', 'herald-pipelines-executions');
    const target = resource(plan.resources, 'aws:cloudwatch/eventTarget:EventTarget', 'herald-pipelines-executions-target');
    const permission = resource(plan.resources, 'aws:lambda/permission:Permission', 'herald-pipelines-executions-invoke');

    // Assess
    expect(jsonInput(rule, 'eventPattern')).toEqual({
      source: ['aws.codepipeline'],
      'detail-type': [
        'CodePipeline Pipeline Execution State Change',
        'CodePipeline Stage Execution State Change',
        'CodePipeline Action Execution State Change',
      ],
      detail: { pipeline: ['web-shop-release'] },
    });
    expect(target.inputs).toMatchObject({ arn: arn.function('codepipeline-notifier') });
    expect(permission.inputs).toMatchObject({ principal: 'events.amazonaws.com', sourceArn: arn.rule('herald-pipelines-executions') });
  });

  it('sends builds of the named projects and of builds the pipelines start to the codepipeline notifier', () => {
    // Act
    const rule = resource(plan.resources, 'aws:cloudwatch/eventRule:EventRule', 'herald-pipelines-builds');
    const target = resource(plan.resources, 'aws:cloudwatch/eventTarget:EventTarget', 'herald-pipelines-builds-target');

    // Assess
    expect(jsonInput(rule, 'eventPattern')).toEqual({
      source: ['aws.codebuild'],
      'detail-type': ['CodeBuild Build State Change'],
      $or: [
        { detail: { 'project-name': ['nightly-integration-tests'] } },
        { detail: { 'additional-information': { initiator: ['codepipeline/web-shop-release'] } } },
      ],
    });
    expect(target.inputs).toMatchObject({ arn: arn.function('codepipeline-notifier') });
  });

  it('creates an encrypted approval topic subscribed by the codepipeline notifier, and exports it', () => {
    // Act
    const topic = resource(plan.resources, 'aws:sns/topic:Topic', 'herald-pipelines-approvals');
    const subscription = resource(
      plan.resources,
      'aws:sns/topicSubscription:TopicSubscription',
      'herald-pipelines-approvals-subscription',
    );
    const permission = resource(plan.resources, 'aws:lambda/permission:Permission', 'herald-pipelines-approvals-invoke');

    // Assess
    expect(topic.inputs).toMatchObject({ kmsMasterKeyId: 'alias/aws/sns' });
    expect(subscription.inputs).toMatchObject({
      topic: arn.topic('herald-pipelines-approvals'),
      protocol: 'lambda',
      endpoint: arn.function('codepipeline-notifier'),
    });
    expect(permission.inputs).toMatchObject({ principal: 'sns.amazonaws.com', sourceArn: arn.topic('herald-pipelines-approvals') });
    expect(plan.outputs['approvalTopicArn']).toBe(arn.topic('herald-pipelines-approvals'));
  });
});

describe('Herald program: undeliverable events', () => {
  it('gives every rule target and topic subscription the notifier dead-letter queue, and lets only those sources send to it', () => {
    // Prepare
    const targets = resourcesOfType(plan.resources, 'aws:cloudwatch/eventTarget:EventTarget');
    const subscriptions = resourcesOfType(plan.resources, 'aws:sns/topicSubscription:TopicSubscription');

    // Act
    const queuePolicy = (app: string) =>
      jsonInput(resource(plan.resources, 'aws:sqs/queuePolicy:QueuePolicy', `herald-${app}-dlq-policy`), 'policy');

    // Assess
    for (const target of targets) {
      const app = String(target.inputs['arn']).split(':function:herald-test-')[1]!;
      expect(target.inputs['deadLetterConfig']).toEqual({ arn: arn.queue(app) });
      expect(target.inputs['retryPolicy']).toEqual({ maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 185 });
    }
    for (const subscription of subscriptions) {
      const app = String(subscription.inputs['endpoint']).split(':function:herald-test-')[1]!;
      expect(JSON.parse(String(subscription.inputs['redrivePolicy']))).toEqual({ deadLetterTargetArn: arn.queue(app) });
    }
    expect(queuePolicy('codepipeline-notifier')['Statement']).toEqual([
      {
        Sid: 'UndeliveredFromRules',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: arn.queue('codepipeline-notifier'),
        Condition: {
          ArnEquals: {
            'aws:SourceArn': [
              arn.rule('herald-repositories-pull-requests'),
              arn.rule('herald-pipelines-executions'),
              arn.rule('herald-pipelines-builds'),
            ],
          },
        },
      },
      {
        Sid: 'UndeliveredFromTopics',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: arn.queue('codepipeline-notifier'),
        Condition: { ArnEquals: { 'aws:SourceArn': [arn.topic('herald-pipelines-approvals')] } },
      },
    ]);
  });
});

describe('Herald program: outputs', () => {
  it('exports the topics, the function names and the dead-letter queue URLs', () => {
    // Assess
    expect(plan.outputs).toEqual({
      repositoryTopicArn: arn.topic('herald-repositories-triggers'),
      approvalTopicArn: arn.topic('herald-pipelines-approvals'),
      functionNames: Object.fromEntries(apps.map((app) => [app, `herald-test-${app}`])),
      deadLetterQueueUrls: Object.fromEntries(apps.map((app) => [app, arn.queueUrl(app)])),
    });
  });

  it('registers every resource under the Herald components', () => {
    // Act
    const components = resourcesOfType(plan.resources, 'herald:index:Notifier').map((component) => component.name);
    const types = new Set(plan.resources.map((planned) => planned.type));

    // Assess
    expect(components.sort()).toEqual(apps.map((app) => `herald-${app}`));
    expect([...types].filter((type) => type.startsWith('herald:')).sort()).toEqual([
      'herald:index:DeploymentNotifications',
      'herald:index:Herald',
      'herald:index:Notifier',
      'herald:index:PipelineNotifications',
      'herald:index:RepositoryNotifications',
      'herald:index:WebhookParameters',
    ]);
  });
});
