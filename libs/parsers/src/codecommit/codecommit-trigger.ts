import type { CodeCommitPushEvent, ReferenceChange, ReferenceUpdate } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import { parseActor } from '../parse-actor.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { looseFlag, optionalCount, optionalText, requiredText } from '../shared/loose-schemas.ts';
import { compact, quote } from '../shared/values.ts';
import { reasonFromZodError } from '../shared/zod-reason.ts';
import { describeReferenceName, meaningfulCommitId } from './reference-name.ts';
import { parseRepositoryArn } from './repository-arn.ts';

/**
 * A CodeCommit repository trigger record (`Records[]` with `eventSource: "aws:codecommit"`), delivered to
 * Lambda directly or as the JSON `Message` of an SNS notification.
 *
 * `created`/`deleted` appear only when true, sometimes as strings; `customData` may be missing, `null`, `""`
 * or a string; `eventPartNumber`/`eventTotalParts` may be numbers or numeric strings.
 */
const triggerReferenceSchema = z.object(
  {
    ref: requiredText,
    commit: optionalText,
    created: looseFlag,
    deleted: looseFlag,
  },
  { error: 'must be an object' },
);

const triggerRecordSchema = z.object(
  {
    eventSourceARN: optionalText,
    awsRegion: optionalText,
    codecommit: z.object(
      {
        references: z
          .array(triggerReferenceSchema, { error: 'must be an array' })
          .check(z.minLength(1, { error: 'must not be empty' })),
      },
      { error: 'must be an object' },
    ),
    customData: optionalText,
    eventId: optionalText,
    eventName: optionalText,
    eventTime: z.optional(z.unknown()),
    eventPartNumber: optionalCount,
    eventTotalParts: optionalCount,
    userIdentityARN: optionalText,
  },
  { error: 'must be an object' },
);

type TriggerReference = z.infer<typeof triggerReferenceSchema>;

/** The event name of the console's "Test trigger" button. */
const TEST_EVENT_NAME = 'TriggerEventTest';

/** A `Records[]` entry sent by a CodeCommit trigger (directly, or inside an SNS message). */
export function isCodeCommitTriggerRecord(record: Record<string, unknown>): boolean {
  return record['eventSource'] === 'aws:codecommit' || 'codecommit' in record;
}

/**
 * One trigger record → one push with every reference it changed.
 *
 * @example
 * parseCodeCommitTriggerRecord(message.Records[0], 0);
 * // { ok: true, event: { kind: 'codecommit.push', via: 'trigger', repository: 'test', references: [...] } }
 */
export function parseCodeCommitTriggerRecord(record: unknown, index: number): ParseOutcome {
  const subject = `CodeCommit record ${index}`;
  const result = triggerRecordSchema.safeParse(record);
  if (!result.success) return failed(reasonFromZodError(subject, result.error));
  const trigger = result.data;

  const arn = parseRepositoryArn(trigger.eventSourceARN);
  if (arn === undefined) {
    const found = trigger.eventSourceARN === undefined ? 'is missing' : `is not one: ${quote(trigger.eventSourceARN)}`;
    return failed(`${subject}: eventSourceARN must be a CodeCommit repository ARN, ${found}`);
  }
  const region = trigger.awsRegion ?? arn.region;
  if (region === undefined) return failed(`${subject}: awsRegion is missing and eventSourceARN names no region`);

  const event: CodeCommitPushEvent = {
    kind: 'codecommit.push',
    via: 'trigger',
    region,
    account: arn.account,
    repository: arn.repository,
    references: trigger.codecommit.references.map(toReferenceUpdate),
    actor: trigger.userIdentityARN === undefined ? undefined : parseActor(trigger.userIdentityARN),
    time: toIsoTime(trigger.eventTime),
    customData: trigger.customData,
    isTest: trigger.eventName === TEST_EVENT_NAME,
    eventId: trigger.eventId,
    part: toPart(trigger.eventPartNumber, trigger.eventTotalParts),
  };
  return parsed(compact(event));
}

function toReferenceUpdate(reference: TriggerReference): ReferenceUpdate {
  // For a deleted reference, `commit` is where the reference pointed before it was deleted.
  return compact({
    ...describeReferenceName(reference.ref),
    change: toChange(reference),
    commitId: meaningfulCommitId(reference.commit),
  });
}

function toChange({ created, deleted }: TriggerReference): ReferenceChange {
  // Both flags at once would mean the reference came and went within the push: it no longer exists.
  if (deleted) return 'deleted';
  if (created) return 'created';
  return 'updated';
}

function toPart(number: number | undefined, total: number | undefined): CodeCommitPushEvent['part'] {
  return number === undefined || total === undefined ? undefined : { number, total };
}
