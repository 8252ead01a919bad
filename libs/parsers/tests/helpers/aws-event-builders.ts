import { loadFixture } from '@herald/testing';

/** Builders for event shapes the fixtures do not hold, starting from real envelopes where there is one. */

export interface TriggerReferenceInput {
  ref: unknown;
  commit?: unknown;
  created?: unknown;
  deleted?: unknown;
}

export const REPOSITORY_ARN = 'arn:aws:codecommit:eu-west-1:123456789012:herald-demo';

/** A CodeCommit trigger record as AWS sends it, with the given references and field overrides. */
export function triggerRecord(
  references: TriggerReferenceInput[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    awsRegion: 'eu-west-1',
    codecommit: { references },
    customData: null,
    eventId: '7c4d2b8e-0000-4000-8000-000000000001',
    eventName: 'ReferenceChanges',
    eventPartNumber: 1,
    eventSource: 'aws:codecommit',
    eventSourceARN: REPOSITORY_ARN,
    eventTime: '2024-05-01T12:34:56.789+0000',
    eventTotalParts: 1,
    eventTriggerConfigId: '7c4d2b8e-0000-4000-8000-000000000002',
    eventTriggerName: 'herald',
    eventVersion: '1.0',
    userIdentityARN: 'arn:aws:iam::123456789012:user/dev/alice',
    ...overrides,
  };
}

/** The JSON document a trigger publishes to SNS (and passes to Lambda directly): `{ Records: [...] }`. */
export function triggerMessage(...records: Record<string, unknown>[]): { Records: Record<string, unknown>[] } {
  return { Records: records };
}

interface SnsLambdaEnvelope {
  Records: { EventSource: string; Sns: Record<string, unknown> }[];
}

/**
 * SNS → Lambda delivery (the Powertools sample envelope), one record per message. A message that is not a
 * string is sent as its JSON, as SNS does.
 */
export function snsLambdaEvent(...messages: unknown[]): SnsLambdaEnvelope {
  const envelope = loadFixture<SnsLambdaEnvelope>('sns/sns-lambda-envelope-powertools.json');
  const [template] = envelope.Records;
  if (template === undefined) throw new Error('the SNS envelope fixture has no record');
  return {
    Records: messages.map((message, index) => ({
      ...template,
      Sns: {
        ...template.Sns,
        MessageId: `95df01b4-ee98-5cb9-9903-4c221d41eb5${index}`,
        Message: typeof message === 'string' ? message : JSON.stringify(message),
      },
    })),
  };
}

/** The raw SNS body an HTTP(S) endpoint or SQS queue receives (`SigningCertURL` spelling). */
export function rawSnsNotification(message: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'Notification',
    MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
    TopicArn: 'arn:aws:sns:eu-west-1:123456789012:herald',
    Subject: 'UPDATE: AWS CodeCommit eu-west-1 push: herald-demo',
    Message: typeof message === 'string' ? message : JSON.stringify(message),
    Timestamp: '2024-05-01T12:34:57.000Z',
    SignatureVersion: '1',
    Signature: 'EXAMPLE',
    SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-EXAMPLE.pem',
    UnsubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=EXAMPLE',
    ...overrides,
  };
}

/** SQS → Lambda delivery of one message body per record. */
export function sqsEvent(...bodies: unknown[]): { Records: Record<string, unknown>[] } {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `059f36b4-87a3-44ab-83d2-66197534640${index}`,
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:herald',
      awsRegion: 'eu-west-1',
    })),
  };
}

/** An EventBridge "CodeCommit Repository State Change" event with the given detail fields. */
export function referenceEvent(detail: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: '01234567-0000-4000-8000-0000000000ab',
    'detail-type': 'CodeCommit Repository State Change',
    source: 'aws.codecommit',
    account: '123456789012',
    time: '2024-05-01T12:34:56Z',
    region: 'eu-west-1',
    resources: [REPOSITORY_ARN],
    detail: {
      repositoryName: 'herald-demo',
      repositoryId: '12345678-1234-5678-abcd-12345678abcd',
      callerUserArn: 'arn:aws:sts::123456789012:assumed-role/Developer/bob',
      ...detail,
    },
    ...overrides,
  };
}
