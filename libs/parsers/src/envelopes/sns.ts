import * as z from 'zod/mini';
import { optionalText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';
import { joinPath, reasonAtPath } from '../shared/zod-reason.ts';
import type { EnvelopeContent } from './envelope-content.ts';

/**
 * SNS notifications in both forms AWS delivers them:
 * - to Lambda, as `Records[].Sns` with `EventSource: "aws:sns"` (`SigningCertUrl` spelling);
 * - to HTTP(S) endpoints and SQS queues, as the raw body with top-level `Type`, `Message`, `SigningCertURL`.
 *
 * Only what Herald reads is checked; signature fields are optional (FIFO topics may omit them).
 */
const snsNotificationSchema = z.object(
  {
    Type: optionalText,
    MessageId: optionalText,
    TopicArn: optionalText,
    // null, "" and absent all occur in real deliveries and all mean "no subject".
    Subject: optionalText,
    Timestamp: optionalText,
    Message: z.string({ error: 'must be a string' }),
  },
  { error: 'must be an object' },
);

/** Types of SNS message that carry no event (an HTTP endpoint receives them when (un)subscribing). */
const CONTROL_MESSAGE_TYPES = new Set(['SubscriptionConfirmation', 'UnsubscribeConfirmation']);

/** A `Records[]` entry delivered by SNS to Lambda. */
export function isSnsLambdaRecord(record: Record<string, unknown>): boolean {
  return record['EventSource'] === 'aws:sns' || 'Sns' in record;
}

/** The raw notification body an HTTP(S) or SQS subscriber receives. */
export function isSnsNotification(value: Record<string, unknown>): boolean {
  if (!('Message' in value)) return false;
  return (
    typeof value['Type'] === 'string' ||
    'TopicArn' in value ||
    'SigningCertURL' in value ||
    'SigningCertUrl' in value
  );
}

/** Opens `Records[i].Sns`; `location` is where the record sits, e.g. `Records[0]`. */
export function openSnsLambdaRecord(record: Record<string, unknown>, location: string): EnvelopeContent {
  return openNotification(record['Sns'], joinPath(location, 'Sns'));
}

/** Opens a raw notification body; `location` is where it sits (empty for the whole input). */
export function openSnsNotification(value: Record<string, unknown>, location: string): EnvelopeContent {
  return openNotification(value, location);
}

function openNotification(value: unknown, location: string): EnvelopeContent {
  const result = snsNotificationSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: reasonAtPath(location, result.error) };
  const { Type: type, Message: message, MessageId: messageId, TopicArn: topicArn, Subject: subject } = result.data;
  if (type !== undefined && CONTROL_MESSAGE_TYPES.has(type)) {
    return { ok: false, reason: `${location || 'input'} is an SNS ${type}, not an event` };
  }
  const delivery = compact({ messageId, topicArn, subject, timestamp: result.data.Timestamp });
  return { ok: true, content: message, location: joinPath(location, 'Message'), delivery };
}
