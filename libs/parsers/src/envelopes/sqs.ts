import * as z from 'zod/mini';
import { joinPath, reasonAtPath } from '../shared/zod-reason.ts';
import type { EnvelopeContent } from './envelope-content.ts';

/**
 * SQS records delivered to Lambda (`Records[]` with `eventSource: "aws:sqs"`): the `body` is the message as
 * sent, e.g. a raw SNS notification (SNS → SQS) or an EventBridge event (rule → SQS target).
 */
const sqsRecordSchema = z.object({ body: z.string({ error: 'must be a string' }) });

export function isSqsRecord(record: Record<string, unknown>): boolean {
  return record['eventSource'] === 'aws:sqs' || ('body' in record && 'receiptHandle' in record);
}

/** Opens `Records[i].body`; `location` is where the record sits, e.g. `Records[0]`. */
export function openSqsRecord(record: Record<string, unknown>, location: string): EnvelopeContent {
  const result = sqsRecordSchema.safeParse(record);
  if (!result.success) return { ok: false, reason: reasonAtPath(location, result.error) };
  return { ok: true, content: result.data.body, location: joinPath(location, 'body') };
}
