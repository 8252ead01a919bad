import type { PullRequestEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import type { EventBridgeEvent } from '../envelopes/eventbridge.ts';
import { parseActor } from '../parse-actor.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { looseFlag, optionalText, requiredIdentifier, requiredText } from '../shared/loose-schemas.ts';
import { compact, lookup } from '../shared/values.ts';
import { reasonAtPath } from '../shared/zod-reason.ts';
import { parseRepositoryArn } from './repository-arn.ts';

/** The `detail-type` of pull-request events (created, source updated, status changed, merged…). */
export const PULL_REQUEST_STATE_CHANGE = 'CodeCommit Pull Request State Change';

const STATUS_BY_NAME: Readonly<Record<string, PullRequestEvent['status']>> = { OPEN: 'open', CLOSED: 'closed' };

/**
 * `detail` of a pull-request event: `isMerged` is the text `"True"`/`"False"`, `pullRequestId` text,
 * `repositoryNames` an array; dates are Java strings such as `"Tue Feb 9 2019 10:18:42 PDT "`.
 */
const pullRequestDetailSchema = z.object(
  {
    event: requiredText,
    pullRequestId: requiredIdentifier,
    repositoryNames: z.catch(
      z.pipe(
        z.array(z.unknown()),
        z.transform((names) => names.filter((name): name is string => typeof name === 'string' && name.trim() !== '')),
      ),
      [],
    ),
    repositoryName: optionalText,
    title: optionalText,
    description: optionalText,
    pullRequestStatus: optionalText,
    isMerged: z.catch(looseFlag, false),
    author: optionalText,
    callerUserArn: optionalText,
    sourceReference: optionalText,
    destinationReference: optionalText,
    sourceCommit: optionalText,
    destinationCommit: optionalText,
    lastModifiedDate: z.optional(z.unknown()),
  },
  { error: 'must be an object' },
);

/**
 * A "CodeCommit Pull Request State Change" (EventBridge or notification rule) → a pull-request event.
 * The actor is who caused the event (`callerUserArn`), else the pull request's author.
 *
 * @example
 * parsePullRequestEvent(event, {});
 * // { ok: true, event: { kind: 'codecommit.pull-request', repository: 'MyDemoRepo', pullRequestId: '1', merged: false, ... } }
 */
export function parsePullRequestEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const subject = PULL_REQUEST_STATE_CHANGE;
  const result = pullRequestDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${subject}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;

  const arn = event.resources.map(parseRepositoryArn).find((repositoryArn) => repositoryArn !== undefined);
  const repository = detail.repositoryNames[0] ?? detail.repositoryName ?? arn?.repository;
  if (repository === undefined) return failed(`${subject}: detail.repositoryNames must name a repository`);
  const { region, account } = resolveOrigin({
    regions: [event.region],
    accounts: [event.account],
    arns: event.resources,
    delivery,
  });
  if (region === undefined) return failed(`${subject}: region must be a non-empty string`);

  const actorArn = detail.callerUserArn ?? detail.author;
  const pullRequest: PullRequestEvent = {
    kind: 'codecommit.pull-request',
    via: event.via,
    region,
    account,
    time: toIsoTime(event.time) ?? toIsoTime(detail.lastModifiedDate),
    eventId: event.id,
    repository,
    pullRequestId: detail.pullRequestId,
    event: detail.event,
    title: detail.title,
    description: detail.description,
    status: lookup(STATUS_BY_NAME, detail.pullRequestStatus?.trim().toUpperCase() ?? ''),
    merged: detail.isMerged,
    actor: actorArn === undefined ? undefined : parseActor(actorArn),
    sourceReference: detail.sourceReference,
    destinationReference: detail.destinationReference,
    sourceCommit: detail.sourceCommit,
    destinationCommit: detail.destinationCommit,
  };
  return parsed(compact(pullRequest));
}
