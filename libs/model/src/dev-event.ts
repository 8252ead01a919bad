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

/** Fields every event carries, whatever its source. */
interface EventBase {
  region: string;
  account?: string;
  /** ISO-8601 UTC: when the event happened. */
  time?: string;
  /** The EventBridge, trigger or SNS message id (for logs and de-duplication). */
  eventId?: string;
}

export type DeploymentStatus = 'created' | 'started' | 'succeeded' | 'failed' | 'stopped' | 'ready' | 'unknown';

/** Instance counts of a deployment. */
export interface DeploymentOverview {
  succeeded: number;
  failed: number;
  skipped: number;
  inProgress: number;
  pending: number;
}

/** A CodeDeploy deployment changed state (SNS trigger or EventBridge). */
export interface DeploymentEvent extends EventBase {
  kind: 'codedeploy.deployment';
  via: 'trigger' | 'eventbridge';
  application: string;
  deploymentGroup?: string;
  deploymentId: string;
  status: DeploymentStatus;
  /** The status as AWS wrote it, e.g. `FAILED`, `Failed`, `FAILURE`. */
  rawStatus: string;
  createTime?: string;
  completeTime?: string;
  overview?: DeploymentOverview;
  error?: { code?: string; message?: string };
  /** Set on a rollback deployment, or on a deployment that was rolled back. */
  rollback?: { message?: string; triggeringDeploymentId?: string; rollbackDeploymentId?: string };
  triggerName?: string;
}

/** One instance of a deployment changed state (instance-level triggers and EventBridge). */
export interface DeploymentInstanceEvent extends EventBase {
  kind: 'codedeploy.instance';
  via: 'trigger' | 'eventbridge';
  deploymentId: string;
  application?: string;
  deploymentGroup?: string;
  instanceId: string;
  status: DeploymentStatus;
  rawStatus: string;
  lifecycleEvents: { name: string; status: string; startTime?: string; endTime?: string }[];
}

export type PipelineState =
  | 'started'
  | 'succeeded'
  | 'failed'
  | 'canceled'
  | 'superseded'
  | 'resumed'
  | 'stopped'
  | 'stopping'
  | 'abandoned'
  | 'unknown';

/** A source action's revision as the event itself tells it (notification rules, action results). */
export interface EventSourceRevision {
  action?: string;
  revisionId?: string;
  summary?: string;
  url?: string;
}

/** A CodePipeline pipeline, stage or action execution changed state (EventBridge or notification rule). */
export interface PipelineExecutionEvent extends EventBase {
  kind: 'codepipeline.execution';
  via: 'eventbridge' | 'notification-rule';
  level: 'pipeline' | 'stage' | 'action';
  pipeline: string;
  executionId: string;
  state: PipelineState;
  rawState: string;
  stage?: string;
  action?: string;
  actionType?: { owner?: string; provider?: string; category?: string };
  /** `execution-trigger` of pipeline events. */
  trigger?: { type?: string; detail?: string };
  /** `execution-result` of action events. */
  result?: { summary?: string; url?: string; externalId?: string; errorCode?: string };
  /** From notification-rule `additionalAttributes`. */
  failedActions?: { stage?: string; action: string; info?: string }[];
  sourceRevisions?: EventSourceRevision[];
  /** The pipeline structure version. */
  pipelineVersion?: number;
}

/** A CodePipeline manual approval waits (SNS message of the approval action). */
export interface ApprovalEvent extends EventBase {
  kind: 'codepipeline.approval';
  pipeline: string;
  stage: string;
  action: string;
  token?: string;
  /** ISO-8601 UTC: when the approval expires. */
  expires?: string;
  reviewUrl?: string;
  approveUrl?: string;
  consoleUrl?: string;
  customData?: string;
  externalEntityLink?: string;
}

export type BuildStatus = 'in-progress' | 'succeeded' | 'failed' | 'stopped' | 'timed-out' | 'fault' | 'unknown';

/** A CodeBuild build or build phase changed state (EventBridge or notification rule). */
export interface BuildEvent extends EventBase {
  kind: 'codebuild.build';
  via: 'eventbridge' | 'notification-rule';
  project: string;
  buildId: string;
  status: BuildStatus;
  rawStatus: string;
  /** Set for phase-change events, and for the phase that failed when known. */
  phase?: { name: string; status?: string; reason?: string };
  logUrl?: string;
  initiator?: string;
  sourceVersion?: string;
}

/** A CodeCommit pull request was created, updated, merged or closed (EventBridge or notification rule). */
export interface PullRequestEvent extends EventBase {
  kind: 'codecommit.pull-request';
  via: 'eventbridge' | 'notification-rule';
  repository: string;
  pullRequestId: string;
  /** e.g. `pullRequestCreated`, `pullRequestSourceBranchUpdated`, `pullRequestMergeStatusUpdated`. */
  event: string;
  title?: string;
  description?: string;
  status?: 'open' | 'closed';
  merged: boolean;
  actor?: Actor;
  sourceReference?: string;
  destinationReference?: string;
  sourceCommit?: string;
  destinationCommit?: string;
}

/** Someone commented on a pull request or a commit. */
export interface CommentEvent extends EventBase {
  kind: 'codecommit.comment';
  via: 'eventbridge' | 'notification-rule';
  repository: string;
  on: 'pull-request' | 'commit';
  pullRequestId?: string;
  commitId?: string;
  commentId?: string;
  actor?: Actor;
  /** AWS's own sentence about the comment (untrusted; contains a console URL). */
  notificationBody?: string;
}

/** The discriminated union of everything Herald understands. */
export type DevEvent =
  | CodeCommitPushEvent
  | DeploymentEvent
  | DeploymentInstanceEvent
  | PipelineExecutionEvent
  | ApprovalEvent
  | BuildEvent
  | PullRequestEvent
  | CommentEvent;

export type DevEventKind = DevEvent['kind'];
