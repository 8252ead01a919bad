import { loadFixture } from '@herald/testing';
import { rawSnsNotification, snsLambdaEvent, sqsEvent } from './aws-event-builders.ts';

/**
 * Builders for CodeDeploy, CodePipeline, CodeBuild and CodeCommit pull-request events in the shapes the
 * fixtures do not hold, starting from real messages where there is one.
 */

export const ACCOUNT = '123456789012';
export const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:herald';

const SOURCE_BY_PREFIX: Readonly<Record<string, string>> = {
  CodeDeploy: 'aws.codedeploy',
  CodePipeline: 'aws.codepipeline',
  CodeBuild: 'aws.codebuild',
  CodeCommit: 'aws.codecommit',
};

function sourceOf(detailType: string): string {
  return SOURCE_BY_PREFIX[detailType.split(' ')[0] ?? ''] ?? 'aws.unknown';
}

/** An EventBridge event as a rule delivers it. */
export function eventBridgeEvent(
  detailType: string,
  detail: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': detailType,
    source: sourceOf(detailType),
    account: ACCOUNT,
    time: '2024-05-01T12:34:56Z',
    region: 'eu-west-1',
    resources: [],
    detail,
    ...overrides,
  };
}

/** The message a notification rule publishes: `detailType`, no id, `notificationRuleArn`, `additionalAttributes`. */
export function notificationRuleMessage(
  detailType: string,
  detail: unknown,
  additionalAttributes: unknown = {},
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    account: ACCOUNT,
    detailType,
    region: 'eu-west-1',
    source: sourceOf(detailType),
    time: '2024-05-01T12:34:56Z',
    notificationRuleArn: `arn:aws:codestar-notifications:eu-west-1:${ACCOUNT}:notificationrule/0123456789abcdef`,
    detail,
    resources: [],
    additionalAttributes,
    ...overrides,
  };
}

interface SnsRecordFixture {
  Records: { Sns: { Message: string; Subject: string; MessageId: string } }[];
}

function snsMessageOf(fixture: string): Record<string, unknown> {
  const record = loadFixture<SnsRecordFixture>(fixture).Records[0];
  if (record === undefined) throw new Error(`${fixture} has no record`);
  return JSON.parse(record.Sns.Message) as Record<string, unknown>;
}

/** The Message of the real failed-deployment trigger, with overrides (`undefined` removes a field). */
export function deploymentTriggerMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return withOverrides(snsMessageOf('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json'), overrides);
}

/** The documented instance-level trigger message, with overrides. */
export function instanceTriggerMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return withOverrides(loadFixture('codedeploy/codedeploy-trigger-message-instance-awsdocs.json'), overrides);
}

/** The Message of the real manual-approval notification, with overrides of its `approval`. */
export function approvalMessage(
  approvalOverrides: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const message = snsMessageOf('codepipeline/codepipeline-manual-approval-sns-lambda.json');
  const approval = message['approval'] as Record<string, unknown>;
  return withOverrides({ ...message, approval: withOverrides(approval, approvalOverrides) }, overrides);
}

/** SNS → Lambda delivery of one trigger message, with the Subject and topic a trigger publishes with. */
export function snsTriggerEvent(
  message: unknown,
  subject: string | null,
  topicArn = TOPIC_ARN,
): ReturnType<typeof snsLambdaEvent> {
  const event = snsLambdaEvent(message);
  const record = event.Records[0];
  if (record) Object.assign(record.Sns, { Subject: subject, TopicArn: topicArn, Timestamp: '2024-05-01T12:35:00.000Z' });
  return event;
}

/** Every way an event or message reaches the Lambda function. */
export const deliveryForms = [
  'as sent',
  'JSON text',
  'JSON text of JSON text',
  'SNS to Lambda',
  'raw SNS body',
  'SNS Message as JSON text twice',
  'SQS record',
  'raw SNS body in an SQS record',
] as const;

export type DeliveryForm = (typeof deliveryForms)[number];

/** The event or message wrapped as the given delivery form. */
export function deliverAs(form: DeliveryForm, event: unknown): unknown {
  switch (form) {
    case 'as sent':
      return event;
    case 'JSON text':
      return JSON.stringify(event);
    case 'JSON text of JSON text':
      return JSON.stringify(JSON.stringify(event));
    case 'SNS to Lambda':
      return snsLambdaEvent(event);
    case 'raw SNS body':
      return rawSnsNotification(event, { Subject: null });
    case 'SNS Message as JSON text twice':
      return rawSnsNotification(JSON.stringify(JSON.stringify(event)), { Subject: null });
    case 'SQS record':
      return sqsEvent(event);
    case 'raw SNS body in an SQS record':
      return sqsEvent(rawSnsNotification(event, { Subject: null }));
  }
}

function withOverrides(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete result[key];
  return result;
}
