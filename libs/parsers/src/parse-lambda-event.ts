import { parseCodeCommitReferenceEvent, REPOSITORY_STATE_CHANGE } from './codecommit/codecommit-reference-event.ts';
import { isCodeCommitTriggerRecord, parseCodeCommitTriggerRecord } from './codecommit/codecommit-trigger.ts';
import type { EnvelopeContent } from './envelopes/envelope-content.ts';
import { isEventBridgeEvent, readEventBridgeEvent } from './envelopes/eventbridge.ts';
import { isSnsLambdaRecord, isSnsNotification, openSnsLambdaRecord, openSnsNotification } from './envelopes/sns.ts';
import { isSqsRecord, openSqsRecord } from './envelopes/sqs.ts';
import { failed, locateFailures, type ParseOutcome } from './parse-error.ts';
import { describeType, isRecord, quote } from './shared/values.ts';
import { unsupportedDetailTypeReason, unsupportedEventReason } from './unsupported-event.ts';

/** How many JSON strings and envelopes may wrap an event before the input is judged broken. */
const MAX_NESTING = 8;

/**
 * Turns whatever a Lambda function was invoked with into typed events, one outcome per event found:
 * SNS notifications (Lambda `Records[].Sns` form and raw HTTP/SQS body form), SQS records, EventBridge
 * events (`detail-type`) and notification-rule messages (`detailType`), CodeCommit trigger records invoked
 * directly, and any of these as a JSON string, once or nested.
 *
 * Never throws. Every batch entry gets its own outcome, so a malformed record never hides a good one; an
 * input with nothing usable yields one failed outcome whose reason says what is wrong and where.
 *
 * @example
 * const outcomes = parseLambdaEvent(lambdaEvent);
 * const events = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.event] : []));
 * const problems = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error.reason]));
 */
export function parseLambdaEvent(input: unknown): ParseOutcome[] {
  try {
    return parseContent(input, '', 0);
  } catch (error) {
    // Only hostile inputs get here (throwing getters, proxies); say so without echoing them.
    return [failed(`input could not be read: ${describeThrown(error)}`)];
  }
}

/** Parses a payload found at `location` (empty for the whole input): an object, or JSON text of one. */
function parseContent(content: unknown, location: string, depth: number): ParseOutcome[] {
  const where = location || 'input';
  if (depth > MAX_NESTING) return [failed(`${where} is wrapped in more than ${MAX_NESTING} layers of JSON`)];
  if (typeof content === 'string') {
    const json = parseJson(content);
    if (json === undefined) return [failed(`${where} ${content.trim() === '' ? 'is empty' : 'is not JSON'}`)];
    return parseContent(json.value, location, depth + 1);
  }
  if (!isRecord(content)) return [failed(`${where} must be an object, got ${describeType(content)}`)];
  return locateFailures(location, parseObject(content, depth));
}

function parseObject(value: Record<string, unknown>, depth: number): ParseOutcome[] {
  if ('Records' in value) return parseRecords(value['Records'], depth);
  if (isSnsNotification(value)) return parseEnvelopeContent(openSnsNotification(value, ''), depth);
  if (isEventBridgeEvent(value)) return [parseEventBridgeEvent(value)];
  if (isCodeCommitTriggerRecord(value)) return [parseCodeCommitTriggerRecord(value, 0)];
  return [failed(unsupportedEventReason(value))];
}

function parseRecords(records: unknown, depth: number): ParseOutcome[] {
  if (!Array.isArray(records)) return [failed(`Records must be an array, got ${describeType(records)}`)];
  if (records.length === 0) return [failed('Records is empty')];
  return records.flatMap((record: unknown, index) => parseRecord(record, index, depth));
}

function parseRecord(record: unknown, index: number, depth: number): ParseOutcome[] {
  const location = `Records[${index}]`;
  if (!isRecord(record)) return [failed(`${location} must be an object, got ${describeType(record)}`)];
  if (isCodeCommitTriggerRecord(record)) return [parseCodeCommitTriggerRecord(record, index)];
  if (isSnsLambdaRecord(record)) return parseEnvelopeContent(openSnsLambdaRecord(record, location), depth);
  if (isSqsRecord(record)) return parseEnvelopeContent(openSqsRecord(record, location), depth);
  return [failed(`${location} is not a supported record (${describeEventSource(record)})`)];
}

function parseEnvelopeContent(opened: EnvelopeContent, depth: number): ParseOutcome[] {
  if (!opened.ok) return [failed(opened.reason)];
  return parseContent(opened.content, opened.location, depth + 1);
}

function parseEventBridgeEvent(value: Record<string, unknown>): ParseOutcome {
  const read = readEventBridgeEvent(value, '');
  if (!read.ok) return failed(read.reason);
  if (read.event.detailType === REPOSITORY_STATE_CHANGE) return parseCodeCommitReferenceEvent(read.event);
  return failed(unsupportedDetailTypeReason(read.event.detailType));
}

function describeEventSource(record: Record<string, unknown>): string {
  const source = record['eventSource'] ?? record['EventSource'];
  return typeof source === 'string' ? `eventSource ${quote(source, 40)}` : 'no eventSource';
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? quote(`${error.name}: ${error.message}`) : describeType(error);
  } catch {
    return 'unreadable error';
  }
}
