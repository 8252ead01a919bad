/**
 * DevEvent: what happened in the delivery pipeline, typed and normalised, with no AWS envelope left.
 * Produced by `@herald/parsers`; every string in it is untrusted text.
 */

/** Who did it, made readable from an IAM/STS ARN. */
export interface Actor {
  /** The raw ARN as AWS sent it. */
  arn: string;
  /** The readable name: the IAM user name, the assumed role's session name, or `root`. */
  name: string;
  kind: 'user' | 'assumed-role' | 'root' | 'federated' | 'service' | 'unknown';
  /** For an assumed role: the role name. */
  role?: string;
  account?: string;
}

export type ReferenceKind = 'branch' | 'tag' | 'other';
export type ReferenceChange = 'created' | 'updated' | 'deleted';

/** One reference changed by a push. */
export interface ReferenceUpdate {
  /** As sent, e.g. `refs/heads/main`, `refs/tags/v1.0`. */
  fullName: string;
  /** Without the `refs/heads/` or `refs/tags/` prefix. */
  name: string;
  kind: ReferenceKind;
  change: ReferenceChange;
  /**
   * The commit the reference now points to. For a deleted reference: the commit it pointed to
   * before deletion, when the event says so (CodeCommit triggers do; EventBridge sends `oldCommitId`).
   */
  commitId?: string;
  /** The commit the reference pointed to before (EventBridge `referenceUpdated` and `referenceDeleted`). */
  oldCommitId?: string;
  /** Present when EventBridge reports the update came from a pull-request merge. */
  merge?: {
    sourceCommitId?: string;
    destinationCommitId?: string;
    baseCommitId?: string;
    mergeOption?: string;
  };
}

/** A push to a CodeCommit repository: every reference it changed. */
export interface CodeCommitPushEvent {
  kind: 'codecommit.push';
  /** How the event reached us. */
  via: 'trigger' | 'eventbridge';
  region: string;
  account?: string;
  repository: string;
  references: ReferenceUpdate[];
  actor?: Actor;
  /** ISO-8601 UTC. */
  time?: string;
  /** The trigger's custom data, when set to a non-empty string. */
  customData?: string;
  /** The console's "Test trigger" button (`TriggerEventTest`). */
  isTest: boolean;
  /** The trigger or EventBridge event id (for logs and de-duplication). */
  eventId?: string;
  /** Large pushes are split by CodeCommit into parts. */
  part?: { number: number; total: number };
}

/** The discriminated union of everything Herald understands. */
export type DevEvent = CodeCommitPushEvent;

export type DevEventKind = DevEvent['kind'];
