import { loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { rawSnsNotification, sqsEvent } from '../helpers/aws-event-builders.ts';
import { approvalMessage, snsTriggerEvent } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const TOKEN = 'db70b4c2-89a9-4257-aa81-6c4d3cfa064b';
const CONSOLE_URL = 'https://console.aws.amazon.com/codesuite/codepipeline/pipelines/tf-jenkins-update-apply-pipeline/view?region=us-east-1';

/** What the approval of the fixture says, whatever envelope it comes in. */
const APPROVAL = {
  kind: 'codepipeline.approval',
  region: 'us-east-1',
  pipeline: 'tf-jenkins-update-apply-pipeline',
  stage: 'Approval',
  action: 'Approval',
  token: TOKEN,
  expires: '2021-10-06T17:37:00.000Z',
  reviewUrl: `${CONSOLE_URL}#/Approval/Approval/approve/${TOKEN}`,
  consoleUrl: CONSOLE_URL,
  customData: 'CustomData',
  externalEntityLink:
    'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logStream:group=/aws/codebuild/tf-jenkins-update-plan;streamFilter=typeLogStreamPrefix',
} as const;

describe('parseManualApproval', () => {
  it('parses the fixture into its full approval, with the SNS message id, time and topic account', () => {
    // Prepare
    const input = loadFixture('codepipeline/codepipeline-manual-approval-sns-lambda.json');

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codepipeline.approval');

    // Assess
    expect(event).toStrictEqual({
      ...APPROVAL,
      account: '123456789012',
      time: '2021-09-29T17:37:37.563Z',
      eventId: 'a4dfec92-3bea-5bac-8887-b55c9d4b9264',
    });
  });

  it('reads the bare message, which has no id, time or account of its own', () => {
    // Prepare
    const input = approvalMessage();

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codepipeline.approval');

    // Assess
    expect(event).toStrictEqual(APPROVAL);
  });

  it.each([
    ['a raw SNS body', rawSnsNotification(approvalMessage(), { Subject: 'APPROVAL NEEDED: AWS CodePipeline tf-jenkins-update-apply-... for action Approval' })],
    ['SNS through SQS', sqsEvent(rawSnsNotification(approvalMessage()))],
    ['a Message that is JSON text of JSON text', rawSnsNotification(JSON.stringify(JSON.stringify(approvalMessage())))],
  ])('reads an approval delivered as %s', (_label, input) => {
    // Prepare, Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codepipeline.approval');

    // Assess
    expect(event).toStrictEqual({
      ...APPROVAL,
      account: '123456789012',
      time: '2024-05-01T12:34:57.000Z',
      eventId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    });
  });

  it('reads an approve link when a message carries one, and an approval sent as JSON text', () => {
    // Prepare
    const approval = { ...approvalMessage({ approveLink: 'https://example.com/approve' })['approval'] as object };
    const input = approvalMessage({}, { approval: JSON.stringify(approval) });

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codepipeline.approval');

    // Assess
    expect(event.approveUrl).toBe('https://example.com/approve');
    expect(event.pipeline).toBe('tf-jenkins-update-apply-pipeline');
  });

  it('leaves out what it cannot read: blank custom data, an unreadable expiry, missing links', () => {
    // Prepare
    const message = approvalMessage(
      { customData: '  ', expires: 'next week', token: undefined, approvalReviewLink: undefined, externalEntityLink: null },
      { consoleLink: undefined },
    );

    // Act
    const event = expectOneEvent(parseLambdaEvent(message), 'codepipeline.approval');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codepipeline.approval',
      region: 'us-east-1',
      pipeline: 'tf-jenkins-update-apply-pipeline',
      stage: 'Approval',
      action: 'Approval',
    });
  });

  it('takes the region from the SNS topic when the message names none, and keeps untrusted text as sent', () => {
    // Prepare
    const message = approvalMessage({ customData: 'Please check <!channel> & *merge*' }, { region: undefined });

    // Act
    const event = expectOneEvent(parseLambdaEvent(snsTriggerEvent(message, null)), 'codepipeline.approval');

    // Assess
    expect(event.region).toBe('eu-west-1');
    expect(event.customData).toBe('Please check <!channel> & *merge*');
  });

  it.each([
    [{ pipelineName: undefined }, 'CodePipeline manual approval: approval.pipelineName must be a non-empty string'],
    [{ stageName: '' }, 'CodePipeline manual approval: approval.stageName must be a non-empty string'],
    [{ actionName: 3 }, 'CodePipeline manual approval: approval.actionName must be a non-empty string'],
  ])('rejects an approval with %j: %s', (approvalOverrides, reason) => {
    // Prepare
    const input = approvalMessage(approvalOverrides);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it.each([
    [null, 'CodePipeline manual approval: approval must be an object'],
    ['pending', 'CodePipeline manual approval: approval must be an object'],
  ])('rejects an approval that is %j', (approval, reason) => {
    // Prepare
    const input = approvalMessage({}, { approval });

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it('rejects a bare message that names no region', () => {
    // Prepare
    const input = approvalMessage({}, { region: undefined });

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual(['CodePipeline manual approval: region must be a non-empty string']);
  });
});
