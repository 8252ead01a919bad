import type { CodeCommitPushEvent, ReferenceChange, ReferenceKind, ReferenceUpdate } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import type { EventBridgeEvent } from '../envelopes/eventbridge.ts';
import { parseActor } from '../parse-actor.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalText, requiredText } from '../shared/loose-schemas.ts';
import { compact, lookup, quote } from '../shared/values.ts';
import { reasonAtPath } from '../shared/zod-reason.ts';
import { describeReferenceName, fullReferenceName, meaningfulCommitId } from './reference-name.ts';
import { parseRepositoryArn } from './repository-arn.ts';

/** The `detail-type` of CodeCommit branch and tag events. */
export const REPOSITORY_STATE_CHANGE = 'CodeCommit Repository State Change';

const CHANGE_BY_EVENT: Readonly<Record<string, ReferenceChange>> = {
  referenceCreated: 'created',
  referenceUpdated: 'updated',
  referenceDeleted: 'deleted',
};

/**
 * `detail` of a "CodeCommit Repository State Change": `referenceCreated` carries `commitId`,
 * `referenceUpdated` `commitId` + `oldCommitId` (+ the merge fields when a pull request was merged),
 * `referenceDeleted` only `oldCommitId`.
 */
const referenceDetailSchema = z.object(
  {
    event: requiredText,
    repositoryName: optionalText,
    referenceType: optionalText,
    referenceName: optionalText,
    referenceFullName: optionalText,
    commitId: optionalText,
    oldCommitId: optionalText,
    sourceCommitId: optionalText,
    destinationCommitId: optionalText,
    baseCommitId: optionalText,
    mergeOption: optionalText,
    callerUserArn: optionalText,
  },
  { error: 'must be an object' },
);

type ReferenceDetail = z.infer<typeof referenceDetailSchema>;

/**
 * A branch or tag created, updated or deleted, as reported by EventBridge (or a notification rule) →
 * a push of that one reference.
 *
 * @example
 * parseCodeCommitReferenceEvent(event, {});
 * // { ok: true, event: { kind: 'codecommit.push', via: 'eventbridge', repository: 'MyDemoRepo', ... } }
 */
export function parseCodeCommitReferenceEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const subject = REPOSITORY_STATE_CHANGE;
  const result = referenceDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${subject}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;

  const change = lookup(CHANGE_BY_EVENT, detail.event);
  if (change === undefined) return failed(`unsupported event: ${subject} ${quote(detail.event)}`);

  const arn = parseRepositoryArn(event.resources.find((resource) => parseRepositoryArn(resource) !== undefined));
  const repository = detail.repositoryName ?? arn?.repository;
  if (repository === undefined) return failed(`${subject}: detail.repositoryName must be a non-empty string`);
  const { region, account } = resolveOrigin({
    regions: [event.region, arn?.region],
    accounts: [event.account, arn?.account],
    delivery,
  });
  if (region === undefined) return failed(`${subject}: region must be a non-empty string`);

  const reference = toReferenceUpdate(detail, change);
  if (reference === undefined) {
    return failed(`${subject}: detail.referenceName or detail.referenceFullName must be a non-empty string`);
  }

  const push: CodeCommitPushEvent = {
    kind: 'codecommit.push',
    via: 'eventbridge',
    region,
    account,
    repository,
    references: [reference],
    actor: detail.callerUserArn === undefined ? undefined : parseActor(detail.callerUserArn),
    time: toIsoTime(event.time),
    isTest: false,
    eventId: event.id,
  };
  return parsed(compact(push));
}

function toReferenceUpdate(detail: ReferenceDetail, change: ReferenceChange): ReferenceUpdate | undefined {
  const fullName = referenceFullName(detail);
  if (fullName === undefined) return undefined;
  const oldCommitId = meaningfulCommitId(detail.oldCommitId);
  const commitId = meaningfulCommitId(detail.commitId) ?? (change === 'deleted' ? oldCommitId : undefined);
  return compact({
    ...describeReferenceName(fullName),
    change,
    commitId,
    oldCommitId,
    merge: toMerge(detail),
  });
}

function referenceFullName(detail: ReferenceDetail): string | undefined {
  if (detail.referenceFullName !== undefined) return detail.referenceFullName;
  if (detail.referenceName === undefined) return undefined;
  return fullReferenceName(toReferenceKind(detail.referenceType), detail.referenceName);
}

function toReferenceKind(referenceType: string | undefined): ReferenceKind {
  return referenceType?.toLowerCase() === 'tag' ? 'tag' : 'branch';
}

function toMerge(detail: ReferenceDetail): ReferenceUpdate['merge'] {
  const merge = compact({
    sourceCommitId: meaningfulCommitId(detail.sourceCommitId),
    destinationCommitId: meaningfulCommitId(detail.destinationCommitId),
    baseCommitId: meaningfulCommitId(detail.baseCommitId),
    mergeOption: detail.mergeOption,
  });
  return Object.keys(merge).length === 0 ? undefined : merge;
}
