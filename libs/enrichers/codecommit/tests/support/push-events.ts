import type { CodeCommitPushEvent, ReferenceChange, ReferenceUpdate } from '@herald/model';
import { loadFixture } from '@herald/testing';

interface TriggerReference {
  commit: string;
  ref: string;
  created?: boolean;
  deleted?: boolean;
}

interface TriggerRecord {
  awsRegion: string;
  eventSourceARN: string;
  eventName: string;
  eventId?: string;
  customData?: string | null;
  codecommit: { references: TriggerReference[] };
}

interface RepositoryStateChange {
  id: string;
  region: string;
  account: string;
  detail: {
    event: string;
    repositoryName: string;
    referenceFullName: string;
    commitId?: string;
    oldCommitId?: string;
    baseCommitId?: string;
    sourceCommitId?: string;
    destinationCommitId?: string;
    mergeOption?: string;
  };
}

/** A reference update as the parser describes one. */
export function reference(fullName: string, change: ReferenceChange, commitId?: string, oldCommitId?: string): ReferenceUpdate {
  const match = /^refs\/(heads|tags)\/(.+)$/.exec(fullName);
  return {
    fullName,
    name: match?.[2] ?? fullName,
    kind: match?.[1] === 'heads' ? 'branch' : match ? 'tag' : 'other',
    change,
    ...(commitId !== undefined ? { commitId } : {}),
    ...(oldCommitId !== undefined ? { oldCommitId } : {}),
  };
}

/** A push event for a repository, with the fields the enricher reads. */
export function pushEvent(repository: string, references: ReferenceUpdate[], region = 'us-east-1'): CodeCommitPushEvent {
  return { kind: 'codecommit.push', via: 'trigger', region, repository, references, isTest: false };
}

function fromTrigger(record: TriggerRecord): CodeCommitPushEvent {
  const references = record.codecommit.references.map((ref) =>
    reference(ref.ref, ref.created ? 'created' : ref.deleted ? 'deleted' : 'updated', ref.commit),
  );
  return {
    ...pushEvent(record.eventSourceARN.split(':').at(-1) ?? '', references, record.awsRegion),
    isTest: record.eventName === 'TriggerEventTest',
    ...(record.customData ? { customData: record.customData } : {}),
    ...(record.eventId ? { eventId: record.eventId } : {}),
  };
}

function fromEventBridge(event: RepositoryStateChange): CodeCommitPushEvent {
  const { detail } = event;
  const change: ReferenceChange =
    detail.event === 'referenceCreated' ? 'created' : detail.event === 'referenceDeleted' ? 'deleted' : 'updated';
  const update = reference(detail.referenceFullName, change, detail.commitId, detail.oldCommitId);
  if (detail.sourceCommitId) {
    update.merge = {
      sourceCommitId: detail.sourceCommitId,
      destinationCommitId: detail.destinationCommitId,
      baseCommitId: detail.baseCommitId,
      mergeOption: detail.mergeOption,
    };
  }
  return { ...pushEvent(detail.repositoryName, [update], event.region), via: 'eventbridge', account: event.account, eventId: event.id };
}

/**
 * The push event a bundled CodeCommit sample describes (trigger through SNS, direct trigger, or EventBridge),
 * read without the parser so these tests depend on the enricher only.
 */
export function pushEventFromFixture(relativePath: string): CodeCommitPushEvent {
  const raw = loadFixture<Record<string, unknown>>(relativePath);
  if ('detail-type' in raw) return fromEventBridge(raw as unknown as RepositoryStateChange);
  const body = (typeof raw['Message'] === 'string' ? JSON.parse(raw['Message']) : raw) as { Records: TriggerRecord[] };
  const [record] = body.Records;
  if (!record) throw new Error(`${relativePath} has no record`);
  return fromTrigger(record);
}
