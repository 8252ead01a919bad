import type { DevEvent } from '@herald/model';
import { listFixtures, loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { rawSnsNotification, sqsEvent } from '../helpers/aws-event-builders.ts';
import { deploymentTriggerMessage, instanceTriggerMessage, snsTriggerEvent } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const MAIN_DEPLOYMENT = {
  region: 'eu-west-2',
  account: '677183322136',
  application: 'temporary-status',
  deploymentGroup: 'temporary-status-deployment',
  triggerName: 'send-deploy-events',
} as const;

/** What each CodeDeploy trigger fixture must parse to, in full. */
const EXPECTED_BY_FIXTURE: Record<string, DevEvent> = {
  'codedeploy/codedeploy-trigger-sns-lambda-deployment-created.json': {
    kind: 'codedeploy.deployment',
    via: 'trigger',
    ...MAIN_DEPLOYMENT,
    time: '2022-10-13T15:50:46.039Z',
    eventId: '8e47610a-4eb4-5514-a42d-3ac878a21958',
    deploymentId: 'd-MainDeployment',
    status: 'created',
    rawStatus: 'CREATED',
    createTime: '2022-10-13T15:50:45.000Z',
  },
  'codedeploy/codedeploy-trigger-sns-lambda-deployment-succeeded.json': {
    kind: 'codedeploy.deployment',
    via: 'trigger',
    ...MAIN_DEPLOYMENT,
    time: '2022-10-13T15:59:37.312Z',
    eventId: 'c9527cbc-683e-5463-bae7-277e5017ff1d',
    deploymentId: 'd-MainDeployment',
    status: 'succeeded',
    rawStatus: 'SUCCEEDED',
    createTime: '2022-10-13T15:50:45.000Z',
    completeTime: '2022-10-13T15:59:37.000Z',
    overview: { succeeded: 1, failed: 0, skipped: 0, inProgress: 0, pending: 0 },
  },
  'codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json': {
    kind: 'codedeploy.deployment',
    via: 'trigger',
    ...MAIN_DEPLOYMENT,
    time: '2022-10-14T08:46:19.105Z',
    eventId: 'd29fdec1-9819-5ac0-b9c2-8502bc0284e5',
    deploymentId: 'd-MainDeployment',
    status: 'failed',
    rawStatus: 'FAILED',
    createTime: '2022-10-14T08:38:46.000Z',
    completeTime: '2022-10-14T08:46:18.000Z',
    overview: { succeeded: 1, failed: 0, skipped: 0, inProgress: 0, pending: 0 },
    error: { code: 'ECS_UPDATE_ERROR', message: 'CodeDeploy detected that the replacement task set is unhealthy.' },
  },
  'codedeploy/codedeploy-trigger-sns-lambda-rollback-created.json': {
    kind: 'codedeploy.deployment',
    via: 'trigger',
    ...MAIN_DEPLOYMENT,
    time: '2022-10-14T08:46:19.571Z',
    eventId: 'e6474cdd-2d2b-587e-9c78-171e09309f15',
    deploymentId: 'd-RollbackDeploy',
    status: 'created',
    rawStatus: 'CREATED',
    createTime: '2022-10-14T08:46:19.000Z',
    rollback: {
      message: 'Deployment d-RollbackDeploy is triggered to roll back deployment d-MainDeployment.',
      triggeringDeploymentId: 'd-MainDeployment',
    },
  },
  'codedeploy/codedeploy-trigger-message-deployment-awsdocs.json': {
    kind: 'codedeploy.deployment',
    via: 'trigger',
    region: 'us-west-1',
    account: '111222333444',
    time: '2015-11-05T17:23:10.402Z',
    application: 'ProductionApp-us-west-3',
    deploymentGroup: 'dep-group-def-456',
    deploymentId: 'd-75I7MBT7C',
    status: 'failed',
    rawStatus: 'Failed',
    createTime: '2015-11-05T17:23:08.595Z',
    completeTime: '2015-11-05T17:23:10.402Z',
    overview: { succeeded: 0, failed: 10, skipped: 0, inProgress: 0, pending: 0 },
    error: { code: 'IAM_ROLE_MISSING', message: 'IAM Role is missing for deployment group: dep-group-def-456' },
    triggerName: 'Trigger-group-us-west-3-deploy-failed',
  },
  'codedeploy/codedeploy-trigger-message-instance-awsdocs.json': {
    kind: 'codedeploy.instance',
    via: 'trigger',
    region: 'us-east-2',
    account: '111222333444',
    time: '2015-11-05T17:23:27.564Z',
    deploymentId: 'd-75I7MBT7C',
    instanceId: 'arn:aws:ec2:us-east-2:444455556666:instance/i-496589f7',
    status: 'succeeded',
    rawStatus: 'Succeeded',
    lifecycleEvents: [
      { name: 'ApplicationStop', status: 'Succeeded', startTime: '2015-11-05T17:23:08.595Z', endTime: '2015-11-05T17:23:08.711Z' },
      { name: 'BeforeInstall', status: 'Succeeded', startTime: '2015-11-05T17:23:09.827Z', endTime: '2015-11-05T17:23:10.402Z' },
    ],
  },
};

const triggerFixtures = listFixtures('codedeploy', 'codedeploy-trigger-');

/** The deployment event of a trigger message delivered by SNS with the given Subject. */
function parseDeployment(message: Record<string, unknown>, subject: string | null = 'FAILED: AWS CodeDeploy d-MainDeployment in eu-west-2 to temporary-status') {
  return expectOneEvent(parseLambdaEvent(snsTriggerEvent(message, subject)), 'codedeploy.deployment');
}

describe('parseCodeDeployTrigger', () => {
  it('has an expectation for every trigger fixture', () => {
    // Prepare
    const expected = Object.keys(EXPECTED_BY_FIXTURE).sort();

    // Act
    const found = [...triggerFixtures].sort();

    // Assess
    expect(found).toEqual(expected);
  });

  it.each(triggerFixtures)('parses the fixture %s into its full event', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([undefined]);
    expect(outcomes[0]?.ok && outcomes[0].event).toStrictEqual(EXPECTED_BY_FIXTURE[fixture]);
  });

  it('reads a stopped deployment, with its overview and the time SNS published it', () => {
    // Prepare
    const message = deploymentTriggerMessage({
      status: 'STOPPED',
      completeTime: 'Fri Oct 14 08:40:02 UTC 2022',
      deploymentOverview: '{"Succeeded":0,"Failed":0,"Skipped":2,"InProgress":0,"Pending":1}',
      errorInformation: '{"ErrorCode":"DEPLOYMENT_STOPPED","ErrorMessage":"The deployment was stopped by a user."}',
    });

    // Act
    const event = parseDeployment(message, 'STOPPED: AWS CodeDeploy d-MainDeployment in eu-west-2 to temporary-status');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codedeploy.deployment',
      via: 'trigger',
      ...MAIN_DEPLOYMENT,
      time: '2024-05-01T12:35:00.000Z',
      eventId: '95df01b4-ee98-5cb9-9903-4c221d41eb50',
      deploymentId: 'd-MainDeployment',
      status: 'stopped',
      rawStatus: 'STOPPED',
      createTime: '2022-10-14T08:38:46.000Z',
      completeTime: '2022-10-14T08:40:02.000Z',
      overview: { succeeded: 0, failed: 0, skipped: 2, inProgress: 0, pending: 1 },
      error: { code: 'DEPLOYMENT_STOPPED', message: 'The deployment was stopped by a user.' },
    });
  });

  it.each([
    ['CREATED', 'created'],
    ['IN_PROGRESS', 'started'],
    ['InProgress', 'started'],
    ['SUCCEEDED', 'succeeded'],
    ['Succeeded', 'succeeded'],
    ['FAILED', 'failed'],
    ['Failed', 'failed'],
    ['failed', 'failed'],
    ['STOPPED', 'stopped'],
    ['READY', 'ready'],
    ['BAKING', 'unknown'],
    ['constructor', 'unknown'],
  ])('reads the status %s as %s and keeps it as sent', (status, expected) => {
    // Prepare
    const message = deploymentTriggerMessage({ status });

    // Act
    const event = parseDeployment(message);

    // Assess
    expect([event.status, event.rawStatus]).toEqual([expected, status]);
  });

  it.each([
    ['JSON text with numbers', '{"Succeeded":3,"Failed":1,"Skipped":0,"InProgress":2,"Pending":4}', { succeeded: 3, failed: 1, skipped: 0, inProgress: 2, pending: 4 }],
    ['an object with numeric text', { Succeeded: '3', Failed: '1', Skipped: '0', InProgress: '2', Pending: '4' }, { succeeded: 3, failed: 1, skipped: 0, inProgress: 2, pending: 4 }],
    ['camelCase keys', { succeeded: 5, failed: 0 }, { succeeded: 5, failed: 0, skipped: 0, inProgress: 0, pending: 0 }],
    ['empty JSON text', '{}', undefined],
    ['unreadable counts', { Succeeded: 'many', Failed: -1 }, undefined],
    ['text that is not JSON', 'Succeeded: 1', undefined],
    ['null', null, undefined],
  ])('reads a deploymentOverview given as %s', (_label, deploymentOverview, expected) => {
    // Prepare
    const message = deploymentTriggerMessage({ deploymentOverview });

    // Act
    const event = parseDeployment(message);

    // Assess
    expect(event.overview).toEqual(expected);
    expect('overview' in event).toBe(expected !== undefined);
  });

  it.each([
    ['JSON text', '{"ErrorCode":"HEALTH_CONSTRAINTS","ErrorMessage":"Too many instances failed."}', { code: 'HEALTH_CONSTRAINTS', message: 'Too many instances failed.' }],
    ['an object', { ErrorCode: 'TIMEOUT' }, { code: 'TIMEOUT' }],
    ['empty JSON text', '{}', undefined],
    ['a number', 42, undefined],
  ])('reads errorInformation given as %s', (_label, errorInformation, expected) => {
    // Prepare
    const message = deploymentTriggerMessage({ errorInformation });

    // Act
    const event = parseDeployment(message);

    // Assess
    expect(event.error).toEqual(expected);
  });

  it.each([
    [
      'the deployment that was rolled back',
      '{"RollbackMessage":"Deployment d-MainDeployment was rolled back by d-RollbackDeploy.","RollbackDeploymentId":"d-RollbackDeploy"}',
      { message: 'Deployment d-MainDeployment was rolled back by d-RollbackDeploy.', rollbackDeploymentId: 'd-RollbackDeploy' },
    ],
    ['an object', { RollbackTriggeringDeploymentId: 'd-MainDeployment' }, { triggeringDeploymentId: 'd-MainDeployment' }],
    ['empty JSON text', '{}', undefined],
  ])('reads rollbackInformation of %s', (_label, rollbackInformation, expected) => {
    // Prepare
    const message = deploymentTriggerMessage({ rollbackInformation });

    // Act
    const event = parseDeployment(message);

    // Assess
    expect(event.rollback).toEqual(expected);
  });

  it('reads epoch times and leaves out times it cannot read', () => {
    // Prepare
    const message = deploymentTriggerMessage({ createTime: '1446744188.595', completeTime: 'later' });

    // Act
    const event = parseDeployment(message);

    // Assess
    expect(event.createTime).toBe('2015-11-05T17:23:08.595Z');
    expect('completeTime' in event).toBe(false);
  });

  it('takes the status, application and region from the Subject when the message leaves them out', () => {
    // Prepare
    const message = deploymentTriggerMessage({ status: undefined, applicationName: undefined, region: undefined });

    // Act
    const event = parseDeployment(message, 'SUCCEEDED: AWS CodeDeploy d-MainDeployment in ap-south-1 to checkout');

    // Assess
    expect(event).toMatchObject({ status: 'succeeded', rawStatus: 'SUCCEEDED', application: 'checkout', region: 'ap-south-1' });
  });

  it('takes the region and account from the SNS topic when neither the message nor the Subject names them', () => {
    // Prepare
    const message = deploymentTriggerMessage({ region: undefined, accountId: undefined });

    // Act
    const event = parseDeployment(message, null);

    // Assess
    expect([event.region, event.account]).toEqual(['eu-west-1', '123456789012']);
  });

  it('keeps every untrusted string exactly as sent', () => {
    // Prepare
    const message = deploymentTriggerMessage({
      applicationName: '<!channel> app *bold*',
      deploymentGroupName: '@everyone group',
      errorInformation: JSON.stringify({ ErrorCode: 'X', ErrorMessage: '<https://evil.example|click> & <@U012AB3CD>\nline two' }),
    });

    // Act
    const event = parseDeployment(message);

    // Assess
    expect(event.application).toBe('<!channel> app *bold*');
    expect(event.deploymentGroup).toBe('@everyone group');
    expect(event.error?.message).toBe('<https://evil.example|click> & <@U012AB3CD>\nline two');
  });

  it.each([
    ['a raw SNS body', rawSnsNotification(deploymentTriggerMessage(), { MessageId: 'raw-1', Subject: 'FAILED: AWS CodeDeploy d-MainDeployment in eu-west-2 to temporary-status' })],
    ['SNS through SQS', sqsEvent(rawSnsNotification(deploymentTriggerMessage(), { MessageId: 'raw-1' }))],
    ['a Message that is JSON text of JSON text', rawSnsNotification(JSON.stringify(JSON.stringify(deploymentTriggerMessage())), { MessageId: 'raw-1' })],
  ])('reads a trigger message delivered as %s, with the SNS message id as its id', (_label, input) => {
    // Prepare, Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.deployment');

    // Assess
    expect(event).toMatchObject({ deploymentId: 'd-MainDeployment', status: 'failed', eventId: 'raw-1', time: '2024-05-01T12:34:57.000Z' });
  });

  it.each([
    [{ deploymentId: '' }, 'Records[0].Sns.Message: CodeDeploy trigger: deploymentId must be a non-empty string'],
    [{ deploymentId: 7 }, 'Records[0].Sns.Message: CodeDeploy trigger: deploymentId must be a non-empty string'],
    [{ status: undefined }, 'Records[0].Sns.Message: CodeDeploy trigger: status must be a non-empty string'],
    [{ applicationName: null }, 'Records[0].Sns.Message: CodeDeploy trigger: applicationName must be a non-empty string'],
  ])('rejects a message with %j: %s', (overrides, reason) => {
    // Prepare
    const input = snsTriggerEvent(deploymentTriggerMessage(overrides), null);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it('rejects a bare message that names no region anywhere', () => {
    // Prepare
    const input = deploymentTriggerMessage({ region: undefined });

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual(['CodeDeploy trigger: region must be a non-empty string']);
  });
});

describe('parseCodeDeployInstanceTrigger', () => {
  it('reads lifecycle events sent as JSON text, leaving out entries without a name', () => {
    // Prepare
    const message = instanceTriggerMessage({
      instanceStatus: 'Failed',
      applicationName: 'checkout',
      deploymentGroupName: 'prod',
      lifecycleEvents: JSON.stringify([
        { LifecycleEvent: 'DownloadBundle', LifecycleEventStatus: 'Succeeded', StartTime: 'Fri Oct 14 08:38:50 UTC 2022', EndTime: 'Fri Oct 14 08:38:51 UTC 2022' },
        { LifecycleEvent: 'ValidateService', LifecycleEventStatus: 'Failed', StartTime: 1665736740 },
        { LifecycleEventStatus: 'Pending' },
        'garbage',
      ]),
    });

    // Act
    const event = expectOneEvent(parseLambdaEvent(snsTriggerEvent(message, null)), 'codedeploy.instance');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codedeploy.instance',
      via: 'trigger',
      region: 'us-east-2',
      account: '111222333444',
      time: '2015-11-05T17:23:27.564Z',
      eventId: '95df01b4-ee98-5cb9-9903-4c221d41eb50',
      deploymentId: 'd-75I7MBT7C',
      application: 'checkout',
      deploymentGroup: 'prod',
      instanceId: 'arn:aws:ec2:us-east-2:444455556666:instance/i-496589f7',
      status: 'failed',
      rawStatus: 'Failed',
      lifecycleEvents: [
        { name: 'DownloadBundle', status: 'Succeeded', startTime: '2022-10-14T08:38:50.000Z', endTime: '2022-10-14T08:38:51.000Z' },
        { name: 'ValidateService', status: 'Failed', startTime: '2022-10-14T08:39:00.000Z' },
      ],
    });
  });

  it.each([
    ['missing', undefined],
    ['not a list', 'ApplicationStop'],
    ['null', null],
  ])('reads lifecycle events that are %s as none', (_label, lifecycleEvents) => {
    // Prepare
    const message = instanceTriggerMessage({ lifecycleEvents });

    // Act
    const event = expectOneEvent(parseLambdaEvent(message), 'codedeploy.instance');

    // Assess
    expect(event.lifecycleEvents).toEqual([]);
  });

  it('takes the region from the instance ARN when the message names none', () => {
    // Prepare
    const message = instanceTriggerMessage({ region: undefined, accountId: undefined });

    // Act
    const event = expectOneEvent(parseLambdaEvent(message), 'codedeploy.instance');

    // Assess
    expect([event.region, event.account]).toEqual(['us-east-2', '444455556666']);
  });

  it.each([
    [{ instanceStatus: undefined }, 'CodeDeploy instance trigger: instanceStatus must be a non-empty string'],
    [{ instanceId: undefined, instanceStatus: 'Failed' }, 'CodeDeploy instance trigger: instanceId must be a non-empty string'],
    [{ deploymentId: ' ' }, 'CodeDeploy instance trigger: deploymentId must be a non-empty string'],
  ])('rejects a message with %j: %s', (overrides, reason) => {
    // Prepare
    const input = instanceTriggerMessage(overrides);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });
});
