import { beforeEach, describe, expect, it, vi } from 'vitest';
import { arn, exampleSettings, jsonInput, planHerald, resource, resourcesOfType } from '../support/herald-plan.ts';

beforeEach(() => {
  // Each case imports the program afresh, under its own mocks and configuration.
  vi.resetModules();
});

describe('Herald program: what is watched decides what is deployed', () => {
  it('deploys only the codedeploy notifier and its rule when only deployment groups are watched', async () => {
    // Prepare
    const settings = exampleSettings({
      'herald:repositories': undefined,
      'herald:pipelines': undefined,
      'herald:buildProjects': undefined,
      'herald:alarmTopicArn': undefined,
    });

    // Act
    const plan = await planHerald(settings);

    // Assess
    expect(resourcesOfType(plan.resources, 'aws:lambda/function:Function').map((fn) => fn.inputs['name'])).toEqual([
      'herald-test-codedeploy-notifier',
    ]);
    expect(resourcesOfType(plan.resources, 'aws:sns/topic:Topic')).toEqual([]);
    expect(resourcesOfType(plan.resources, 'aws:codecommit/trigger:Trigger')).toEqual([]);
    expect(resourcesOfType(plan.resources, 'aws:cloudwatch/eventRule:EventRule').map((rule) => rule.name)).toEqual([
      'herald-deployments-deployments',
    ]);
    expect(plan.outputs).toEqual({
      functionNames: { 'codedeploy-notifier': 'herald-test-codedeploy-notifier' },
      deadLetterQueueUrls: { 'codedeploy-notifier': arn.queueUrl('codedeploy-notifier') },
    });
    expect(
      resource(plan.resources, 'aws:cloudwatch/metricAlarm:MetricAlarm', 'herald-codedeploy-notifier-dead-letters').inputs[
        'alarmActions'
      ],
    ).toEqual([]);
  });

  it('lets the codepipeline notifier read no pipeline when it only receives pull requests', async () => {
    // Prepare
    const settings = exampleSettings({
      'herald:pipelines': undefined,
      'herald:buildProjects': undefined,
      'herald:deploymentGroups': undefined,
    });

    // Act
    const plan = await planHerald(settings);

    // Assess
    const policy = jsonInput(
      resource(plan.resources, 'aws:iam/rolePolicy:RolePolicy', 'herald-codepipeline-notifier-policy'),
      'policy',
    );
    const sids = (policy['Statement'] as { Sid: string }[]).map((statement) => statement.Sid);
    expect(sids).toEqual(['WriteOwnLogs', 'ParkFailedInvocations', 'ReadWebhookParameters', 'DecryptWebhookParameters']);
    expect(resourcesOfType(plan.resources, 'aws:lambda/function:Function').map((fn) => fn.inputs['name'])).toEqual([
      'herald-test-codecommit-notifier',
      'herald-test-codepipeline-notifier',
    ]);
    expect(plan.outputs).not.toHaveProperty('approvalTopicArn');
    expect(plan.outputs['repositoryTopicArn']).toBe(arn.topic('herald-repositories-triggers'));
  });

  it('matches builds of the watched projects alone when no pipeline is watched', async () => {
    // Prepare
    const settings = exampleSettings({ 'herald:pipelines': undefined });

    // Act
    const plan = await planHerald(settings);

    // Assess
    expect(jsonInput(resource(plan.resources, 'aws:cloudwatch/eventRule:EventRule', 'herald-pipelines-builds'), 'eventPattern')).toEqual({
      source: ['aws.codebuild'],
      'detail-type': ['CodeBuild Build State Change'],
      detail: { 'project-name': ['nightly-integration-tests'] },
    });
    expect(resourcesOfType(plan.resources, 'aws:cloudwatch/eventRule:EventRule').map((rule) => rule.name)).not.toContain(
      'herald-pipelines-executions',
    );
  });
});

describe('Herald program: a bad stack config', () => {
  it('stops the program with a message naming the field', async () => {
    // Prepare
    const settings = exampleSettings({ 'herald:deploymentGroups': ['web-shop'] });

    // Act
    const planned = planHerald(settings);

    // Assess
    await expect(planned).rejects.toThrow(
      'invalid stack config: herald:deploymentGroups[0]: must be "application/deployment-group" (no wildcards)',
    );
  });
});
