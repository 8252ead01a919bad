import { parseCodeBuildEvent, BUILD_PHASE_CHANGE, BUILD_STATE_CHANGE } from './codebuild/codebuild-event.ts';
import { parseCodeCommitReferenceEvent, REPOSITORY_STATE_CHANGE } from './codecommit/codecommit-reference-event.ts';
import { COMMENT_ON_COMMIT, COMMENT_ON_PULL_REQUEST, parseCommentEvent } from './codecommit/comment-event.ts';
import { parsePullRequestEvent, PULL_REQUEST_STATE_CHANGE } from './codecommit/pull-request-event.ts';
import {
  DEPLOYMENT_STATE_CHANGE,
  INSTANCE_STATE_CHANGE,
  parseCodeDeployDeploymentEvent,
  parseCodeDeployInstanceEvent,
} from './codedeploy/codedeploy-eventbridge.ts';
import {
  ACTION_EXECUTION_STATE_CHANGE,
  parseCodePipelineEvent,
  PIPELINE_EXECUTION_STATE_CHANGE,
  STAGE_EXECUTION_STATE_CHANGE,
} from './codepipeline/codepipeline-event.ts';
import type { Delivery } from './envelopes/delivery.ts';
import { readEventBridgeEvent, type EventBridgeEvent } from './envelopes/eventbridge.ts';
import { failed, type ParseOutcome } from './parse-error.ts';
import { unsupportedDetailTypeReason } from './unsupported-event.ts';

type EventBridgeParser = (event: EventBridgeEvent, delivery: Delivery) => ParseOutcome;

/** Every `detail-type` Herald reads, with the parser for it (a Map: detail types are untrusted keys). */
const PARSER_BY_DETAIL_TYPE = new Map<string, EventBridgeParser>([
  [REPOSITORY_STATE_CHANGE, parseCodeCommitReferenceEvent],
  [PULL_REQUEST_STATE_CHANGE, parsePullRequestEvent],
  [COMMENT_ON_PULL_REQUEST, parseCommentEvent],
  [COMMENT_ON_COMMIT, parseCommentEvent],
  [DEPLOYMENT_STATE_CHANGE, parseCodeDeployDeploymentEvent],
  [INSTANCE_STATE_CHANGE, parseCodeDeployInstanceEvent],
  [PIPELINE_EXECUTION_STATE_CHANGE, parseCodePipelineEvent],
  [STAGE_EXECUTION_STATE_CHANGE, parseCodePipelineEvent],
  [ACTION_EXECUTION_STATE_CHANGE, parseCodePipelineEvent],
  [BUILD_STATE_CHANGE, parseCodeBuildEvent],
  [BUILD_PHASE_CHANGE, parseCodeBuildEvent],
]);

/**
 * An EventBridge event or notification-rule message → the event its `detail-type` names; other detail
 * types are reported as unsupported, by name.
 *
 * @example
 * parseEventBridgeEvent({ 'detail-type': 'CodeBuild Build State Change', detail: { … }, … }, {});
 * // { ok: true, event: { kind: 'codebuild.build', via: 'eventbridge', ... } }
 */
export function parseEventBridgeEvent(value: Record<string, unknown>, delivery: Delivery): ParseOutcome {
  const read = readEventBridgeEvent(value, '');
  if (!read.ok) return failed(read.reason);
  const parse = PARSER_BY_DETAIL_TYPE.get(read.event.detailType);
  if (parse === undefined) return failed(unsupportedDetailTypeReason(read.event.detailType));
  return parse(read.event, delivery);
}
