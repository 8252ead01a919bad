import { isCodeCommitTriggerRecord, parseCodeCommitTriggerRecord } from './codecommit/codecommit-trigger.ts';
import { isCodeDeployInstanceTrigger, parseCodeDeployInstanceTrigger } from './codedeploy/codedeploy-instance-trigger.ts';
import { isCodeDeployDeploymentTrigger, parseCodeDeployTrigger } from './codedeploy/codedeploy-trigger.ts';
import { isManualApprovalMessage, parseManualApproval } from './codepipeline/manual-approval.ts';
import { NO_DELIVERY, type Delivery } from './envelopes/delivery.ts';
import type { EnvelopeContent } from './envelopes/envelope-content.ts';
import { isEventBridgeEvent } from './envelopes/eventbridge.ts';
import { isSnsLambdaRecord, isSnsNotification, openSnsLambdaRecord, openSnsNotification } from './envelopes/sns.ts';
import { isSqsRecord, openSqsRecord } from './envelopes/sqs.ts';
import { parseEventBridgeEvent } from './parse-eventbridge-event.ts';
import { failed, locateFailures, type ParseOutcome } from './parse-error.ts';
import { parseJsonText } from './shared/loose-fields.ts';
import { describeType, isRecord, quote } from './shared/values.ts';
import { unsupportedEventReason } from './unsupported-event.ts';

/** How many JSON strings and envelopes may wrap an event before the input is judged broken. */
const MAX_NESTING = 8;

/**
 * Turns whatever a Lambda function was invoked with into typed events, one outcome per event found:
 * SNS notifications (Lambda `Records[].Sns` form and raw HTTP/SQS body form), SQS records, EventBridge
 * events (`detail-type`) and notification-rule messages (`detailType`) of CodeCommit, CodeDeploy,
 * CodePipeline and CodeBuild, CodeCommit trigger records, CodeDeploy trigger messages, CodePipeline
 * manual-approval messages, and any of these as a JSON string, once or nested.
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
    return parseContent(input, '', 0, NO_DELIVERY);
  } catch (error) {
    // Only hostile inputs get here (throwing getters, proxies); say so without echoing them.
    return [failed(`input could not be read: ${describeThrown(error)}`)];
  }
}

/**
 * Parses a payload found at `location` (empty for the whole input): an object, or JSON text of one.
 * `delivery` is what the nearest SNS envelope around it said.
 */
function parseContent(content: unknown, location: string, depth: number, delivery: Delivery): ParseOutcome[] {
  const where = location || 'input';
  if (depth > MAX_NESTING) return [failed(`${where} is wrapped in more than ${MAX_NESTING} layers of JSON`)];
  if (typeof content === 'string') {
    const json = parseJsonText(content);
    if (json === undefined) return [failed(`${where} ${content.trim() === '' ? 'is empty' : 'is not JSON'}`)];
    return parseContent(json.value, location, depth + 1, delivery);
  }
  if (!isRecord(content)) return [failed(`${where} must be an object, got ${describeType(content)}`)];
  return locateFailures(location, parseObject(content, depth, delivery));
}

function parseObject(value: Record<string, unknown>, depth: number, delivery: Delivery): ParseOutcome[] {
  if ('Records' in value) return parseRecords(value['Records'], depth, delivery);
  if (isSnsNotification(value)) return parseEnvelopeContent(openSnsNotification(value, ''), depth, delivery);
  if (isEventBridgeEvent(value)) return [parseEventBridgeEvent(value, delivery)];
  if (isCodeCommitTriggerRecord(value)) return [parseCodeCommitTriggerRecord(value, 0)];
  if (isCodeDeployInstanceTrigger(value)) return [parseCodeDeployInstanceTrigger(value, delivery)];
  if (isCodeDeployDeploymentTrigger(value)) return [parseCodeDeployTrigger(value, delivery)];
  if (isManualApprovalMessage(value)) return [parseManualApproval(value, delivery)];
  return [failed(unsupportedEventReason(value))];
}

function parseRecords(records: unknown, depth: number, delivery: Delivery): ParseOutcome[] {
  if (!Array.isArray(records)) return [failed(`Records must be an array, got ${describeType(records)}`)];
  if (records.length === 0) return [failed('Records is empty')];
  return records.flatMap((record: unknown, index) => parseRecord(record, index, depth, delivery));
}

function parseRecord(record: unknown, index: number, depth: number, delivery: Delivery): ParseOutcome[] {
  const location = `Records[${index}]`;
  if (!isRecord(record)) return [failed(`${location} must be an object, got ${describeType(record)}`)];
  if (isCodeCommitTriggerRecord(record)) return [parseCodeCommitTriggerRecord(record, index)];
  if (isSnsLambdaRecord(record)) return parseEnvelopeContent(openSnsLambdaRecord(record, location), depth, delivery);
  if (isSqsRecord(record)) return parseEnvelopeContent(openSqsRecord(record, location), depth, delivery);
  return [failed(`${location} is not a supported record (${describeEventSource(record)})`)];
}

/** Parses what an envelope carries; an SNS envelope's delivery replaces the one around it. */
function parseEnvelopeContent(opened: EnvelopeContent, depth: number, delivery: Delivery): ParseOutcome[] {
  if (!opened.ok) return [failed(opened.reason)];
  return parseContent(opened.content, opened.location, depth + 1, opened.delivery ?? delivery);
}

function describeEventSource(record: Record<string, unknown>): string {
  const source = record['eventSource'] ?? record['EventSource'];
  return typeof source === 'string' ? `eventSource ${quote(source, 40)}` : 'no eventSource';
}

function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? quote(`${error.name}: ${error.message}`) : describeType(error);
  } catch {
    return 'unreadable error';
  }
}
