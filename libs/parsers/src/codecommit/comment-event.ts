import type { CommentEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import type { EventBridgeEvent } from '../envelopes/eventbridge.ts';
import { parseActor } from '../parse-actor.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalIdentifier, optionalText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';
import { reasonAtPath } from '../shared/zod-reason.ts';
import { parseRepositoryArn } from './repository-arn.ts';

/** The `detail-type` of comments on a pull request. */
export const COMMENT_ON_PULL_REQUEST = 'CodeCommit Comment on Pull Request';
/** The `detail-type` of comments on a commit. */
export const COMMENT_ON_COMMIT = 'CodeCommit Comment on Commit';

/** `notificationBody` is AWS's own prose about the comment, with a console URL in it. */
const commentDetailSchema = z.object(
  {
    repositoryName: optionalText,
    pullRequestId: optionalIdentifier,
    commentId: optionalText,
    afterCommitId: optionalText,
    callerUserArn: optionalText,
    notificationBody: optionalText,
  },
  { error: 'must be an object' },
);

/**
 * A "CodeCommit Comment on Pull Request" or "CodeCommit Comment on Commit" (EventBridge or notification
 * rule) → a comment event. `commitId` is the commit the comment was made on (`afterCommitId`).
 *
 * @example
 * parseCommentEvent(event, {});
 * // { ok: true, event: { kind: 'codecommit.comment', on: 'pull-request', repository: 'MyDemoRepo', pullRequestId: '201', ... } }
 */
export function parseCommentEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const subject = event.detailType;
  const result = commentDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${subject}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;

  const arn = event.resources.map(parseRepositoryArn).find((repositoryArn) => repositoryArn !== undefined);
  const repository = detail.repositoryName ?? arn?.repository;
  if (repository === undefined) return failed(`${subject}: detail.repositoryName must be a non-empty string`);
  const { region, account } = resolveOrigin({
    regions: [event.region],
    accounts: [event.account],
    arns: event.resources,
    delivery,
  });
  if (region === undefined) return failed(`${subject}: region must be a non-empty string`);

  const comment: CommentEvent = {
    kind: 'codecommit.comment',
    via: event.via,
    region,
    account,
    time: toIsoTime(event.time),
    eventId: event.id,
    repository,
    on: subject === COMMENT_ON_COMMIT ? 'commit' : 'pull-request',
    pullRequestId: detail.pullRequestId,
    commitId: detail.afterCommitId,
    commentId: detail.commentId,
    actor: detail.callerUserArn === undefined ? undefined : parseActor(detail.callerUserArn),
    notificationBody: detail.notificationBody,
  };
  return parsed(compact(comment));
}
