import type { PipelineExecutionEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import type { EventBridgeEvent } from '../envelopes/eventbridge.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { parseArn } from '../shared/arn.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalText, optionalWholeNumber, requiredText } from '../shared/loose-schemas.ts';
import { compact, compactOrUndefined, lookup } from '../shared/values.ts';
import { reasonAtPath } from '../shared/zod-reason.ts';
import { executionResultSchema, readActionOutcome } from './execution-result.ts';
import { readNotificationAttributes } from './notification-attributes.ts';
import { toPipelineState } from './pipeline-state.ts';

/** The `detail-type` of each level of CodePipeline execution events. */
export const PIPELINE_EXECUTION_STATE_CHANGE = 'CodePipeline Pipeline Execution State Change';
export const STAGE_EXECUTION_STATE_CHANGE = 'CodePipeline Stage Execution State Change';
export const ACTION_EXECUTION_STATE_CHANGE = 'CodePipeline Action Execution State Change';

type Level = PipelineExecutionEvent['level'];

const LEVEL_BY_DETAIL_TYPE: Readonly<Record<string, Level>> = {
  [PIPELINE_EXECUTION_STATE_CHANGE]: 'pipeline',
  [STAGE_EXECUTION_STATE_CHANGE]: 'stage',
  [ACTION_EXECUTION_STATE_CHANGE]: 'action',
};

/** Nice-to-have groups of fields: unreadable means left out, never a failure. */
const actionTypeSchema = z.catch(
  z.optional(z.object({ owner: optionalText, provider: optionalText, category: optionalText })),
  undefined,
);
const executionTriggerSchema = z.catch(
  z.optional(z.object({ 'trigger-type': optionalText, 'trigger-detail': optionalText })),
  undefined,
);

/** `detail` of the three levels; `version` is a number, a float (`1.0`) or text (`"1"`) depending on the producer. */
const executionDetailSchema = z.object(
  {
    pipeline: optionalText,
    'execution-id': requiredText,
    state: requiredText,
    stage: optionalText,
    action: optionalText,
    region: optionalText,
    type: actionTypeSchema,
    'execution-trigger': executionTriggerSchema,
    'execution-result': executionResultSchema,
    version: optionalWholeNumber,
  },
  { error: 'must be an object' },
);

/**
 * A pipeline, stage or action execution event, from EventBridge or a notification rule → an execution
 * event. The level comes from the `detail-type`; a notification rule's `additionalAttributes` add the
 * failed actions and source revisions.
 *
 * @example
 * parseCodePipelineEvent(event, {});
 * // { ok: true, event: { kind: 'codepipeline.execution', level: 'pipeline', pipeline: 'myPipeline', state: 'failed', ... } }
 */
export function parseCodePipelineEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const subject = event.detailType;
  const level = lookup(LEVEL_BY_DETAIL_TYPE, subject) ?? 'pipeline';
  const result = executionDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${subject}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;

  const pipeline = detail.pipeline ?? pipelineFromResources(event.resources);
  if (pipeline === undefined) return failed(`${subject}: detail.pipeline must be a non-empty string`);
  const { region, account } = resolveOrigin({
    regions: [event.region, detail.region],
    accounts: [event.account],
    arns: event.resources,
    delivery,
  });
  if (region === undefined) return failed(`${subject}: region must be a non-empty string`);

  const state = toPipelineState(detail.state);
  const actionType = compactOrUndefined({ ...detail.type });
  const trigger = detail['execution-trigger'];
  const outcome = readActionOutcome(
    detail['execution-result'],
    detail.action,
    state === 'succeeded' && actionType?.category?.toLowerCase() === 'source',
  );
  const attributes = readNotificationAttributes(event.additionalAttributes, {
    stage: detail.stage,
    action: detail.action,
    isFailure: state === 'failed',
  });
  const sourceRevisions = [...(outcome.sourceRevision ? [outcome.sourceRevision] : []), ...attributes.sourceRevisions];

  const execution: PipelineExecutionEvent = {
    kind: 'codepipeline.execution',
    via: event.via,
    level,
    region,
    account,
    time: toIsoTime(event.time),
    eventId: event.id,
    pipeline,
    executionId: detail['execution-id'],
    state,
    rawState: detail.state,
    stage: detail.stage,
    action: detail.action,
    actionType,
    trigger: compactOrUndefined({ type: trigger?.['trigger-type'], detail: trigger?.['trigger-detail'] }),
    result: outcome.result,
    failedActions: attributes.failedActions.length === 0 ? undefined : attributes.failedActions,
    sourceRevisions: sourceRevisions.length === 0 ? undefined : sourceRevisions,
    pipelineVersion: detail.version,
  };
  return parsed(compact(execution));
}

/** `arn:aws:codepipeline:<region>:<account>:<pipeline>` */
function pipelineFromResources(resources: readonly string[]): string | undefined {
  return resources.map(parseArn).find((arn) => arn?.service === 'codepipeline')?.resource;
}
