import { loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { deliverAs, deliveryForms, eventBridgeEvent, TOPIC_ARN } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';
import { rawSnsNotification } from '../helpers/aws-event-builders.ts';

const DEPLOYMENT_FIXTURE = 'codedeploy/codedeploy-eventbridge-deployment-state-change.json';
const DEPLOYMENT_STATE_CHANGE = 'CodeDeploy Deployment State-change Notification';
const INSTANCE_STATE_CHANGE = 'CodeDeploy Instance State-change Notification';

const RESOURCES = [
  'arn:aws:codedeploy:eu-west-1:123456789012:application:checkout',
  'arn:aws:codedeploy:eu-west-1:123456789012:deploymentgroup:checkout/production',
];

/** An instance that failed its deployment, as EventBridge reports it. */
const INSTANCE_FAILURE = eventBridgeEvent(
  INSTANCE_STATE_CHANGE,
  {
    instanceGroupId: '9fd2fbef-2157-40d8-91e7-6845af69e2d2',
    instanceId: 'i-0a1b2c3d4e5f67890',
    region: 'eu-west-1',
    application: 'checkout',
    deploymentId: 'd-8UX2PC5SE',
    state: 'FAILURE',
    deploymentGroup: 'production',
  },
  { resources: [...RESOURCES, 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f67890'] },
);

describe('parseCodeDeployDeploymentEvent', () => {
  it('parses the fixture into its full deployment event', () => {
    // Prepare
    const input = loadFixture(DEPLOYMENT_FIXTURE);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.deployment');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codedeploy.deployment',
      via: 'eventbridge',
      region: 'us-east-1',
      account: '123456789012',
      time: '2016-06-30T22:06:31.000Z',
      eventId: 'c071bfbf-83c4-49ca-a6ff-3df053957145',
      application: 'myApplication',
      deploymentGroup: 'myDeploymentGroup',
      deploymentId: 'd-123456789',
      status: 'succeeded',
      rawStatus: 'SUCCESS',
    });
  });

  it.each([
    ['START', 'started'],
    ['SUCCESS', 'succeeded'],
    ['FAILURE', 'failed'],
    ['STOP', 'stopped'],
    ['READY', 'ready'],
    ['ROLLBACK_PENDING', 'unknown'],
  ])('reads the state %s as %s', (state, status) => {
    // Prepare
    const input = eventBridgeEvent(DEPLOYMENT_STATE_CHANGE, { application: 'checkout', deploymentId: 'd-1', state });

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.deployment');

    // Assess
    expect([event.status, event.rawStatus]).toEqual([status, state]);
  });

  it('takes the application and deployment group from the resources when the detail leaves them out', () => {
    // Prepare
    const input = eventBridgeEvent(DEPLOYMENT_STATE_CHANGE, { deploymentId: 'd-1', state: 'START' }, { resources: RESOURCES });

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.deployment');

    // Assess
    expect([event.application, event.deploymentGroup]).toEqual(['checkout', 'production']);
  });

  it.each(deliveryForms)('reads the event delivered as %s exactly like the event itself', (form) => {
    // Prepare
    const event = loadFixture(DEPLOYMENT_FIXTURE);

    // Act
    const outcomes = parseLambdaEvent(deliverAs(form, event));

    // Assess
    expect(outcomes).toStrictEqual(parseLambdaEvent(event));
  });

  it('takes the region and account from the SNS topic when the event names neither', () => {
    // Prepare
    const event = eventBridgeEvent(DEPLOYMENT_STATE_CHANGE, { application: 'checkout', deploymentId: 'd-1', state: 'STOP' }, { region: undefined, account: undefined });
    const input = rawSnsNotification(event, { TopicArn: TOPIC_ARN.replace('eu-west-1', 'sa-east-1') });

    // Act
    const deployment = expectOneEvent(parseLambdaEvent(input), 'codedeploy.deployment');

    // Assess
    expect([deployment.region, deployment.account]).toEqual(['sa-east-1', '123456789012']);
  });

  it.each([
    [{ application: 'checkout', deploymentId: 'd-1' }, `${DEPLOYMENT_STATE_CHANGE}: detail.state must be a non-empty string`],
    [{ application: 'checkout', state: 'START' }, `${DEPLOYMENT_STATE_CHANGE}: detail.deploymentId must be a non-empty string`],
    [{ deploymentId: 'd-1', state: 'START' }, `${DEPLOYMENT_STATE_CHANGE}: detail.application must be a non-empty string`],
    ['START', `${DEPLOYMENT_STATE_CHANGE}: detail must be an object`],
  ])('rejects the detail %j: %s', (detail, reason) => {
    // Prepare
    const input = eventBridgeEvent(DEPLOYMENT_STATE_CHANGE, detail);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it('rejects an event that names no region anywhere', () => {
    // Prepare
    const input = eventBridgeEvent(DEPLOYMENT_STATE_CHANGE, { application: 'a', deploymentId: 'd-1', state: 'STOP' }, { region: undefined });

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([`${DEPLOYMENT_STATE_CHANGE}: region must be a non-empty string`]);
  });
});

describe('parseCodeDeployInstanceEvent', () => {
  it('reads an instance that failed its deployment', () => {
    // Prepare
    const input = INSTANCE_FAILURE;

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.instance');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codedeploy.instance',
      via: 'eventbridge',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      deploymentId: 'd-8UX2PC5SE',
      application: 'checkout',
      deploymentGroup: 'production',
      instanceId: 'i-0a1b2c3d4e5f67890',
      status: 'failed',
      rawStatus: 'FAILURE',
      lifecycleEvents: [],
    });
  });

  it('reads an instance event inside an SQS record', () => {
    // Prepare
    const input = deliverAs('SQS record', INSTANCE_FAILURE);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.instance');

    // Assess
    expect([event.instanceId, event.status]).toEqual(['i-0a1b2c3d4e5f67890', 'failed']);
  });

  it('takes the application and group from the resources when the detail leaves them out', () => {
    // Prepare
    const input = eventBridgeEvent(INSTANCE_STATE_CHANGE, { instanceId: 'i-1', deploymentId: 'd-1', state: 'READY' }, { resources: RESOURCES });

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codedeploy.instance');

    // Assess
    expect(event).toMatchObject({ application: 'checkout', deploymentGroup: 'production', status: 'ready' });
  });

  it.each([
    [{ deploymentId: 'd-1', state: 'START' }, `${INSTANCE_STATE_CHANGE}: detail.instanceId must be a non-empty string`],
    [{ instanceId: 'i-1', state: 'START' }, `${INSTANCE_STATE_CHANGE}: detail.deploymentId must be a non-empty string`],
    [{ instanceId: 'i-1', deploymentId: 'd-1', state: null }, `${INSTANCE_STATE_CHANGE}: detail.state must be a non-empty string`],
  ])('rejects the detail %j: %s', (detail, reason) => {
    // Prepare
    const input = eventBridgeEvent(INSTANCE_STATE_CHANGE, detail);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });
});
