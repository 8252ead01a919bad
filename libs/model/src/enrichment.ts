/**
 * What the enrichers add to an event from AWS APIs. Best effort: anything that could not be fetched
 * is named in `missing`, and the rest of the notification still goes out.
 */

export interface Person {
  name?: string;
  email?: string;
  /** ISO-8601 UTC. */
  date?: string;
}

export interface CommitInfo {
  commitId: string;
  /** First line of the message. */
  title: string;
  /** The rest of the message, trimmed (may be empty). */
  body: string;
  author?: Person;
  committer?: Person;
  parents: string[];
}

export type FileChangeKind = 'added' | 'modified' | 'deleted';

export interface FileChange {
  path: string;
  change: FileChangeKind;
  /** Set when the path changed (before path differs from after path). */
  oldPath?: string;
}

export interface ChangedFiles {
  /** The files fetched, in API order (at most what a message can show). */
  files: FileChange[];
  /** Counts over every file fetched (may exceed `files.length`). */
  counts: Record<FileChangeKind, number>;
  /** Total number of changed files counted. */
  total: number;
  /** True when more files exist than were counted (then say "N+ files"). */
  totalIsLowerBound: boolean;
  /** What the files are compared against: the first parent, or nothing for a root commit. */
  comparedWith?: string;
}

/** A short log of the commits a push brought in (newest first), like the list GitHub shows. */
export interface CommitLog {
  commits: CommitInfo[];
  /** True when the log stops before reaching the old commit. */
  truncated: boolean;
}

export interface ReferenceEnrichment {
  /** The `fullName` of the reference this belongs to. */
  fullName: string;
  commit?: CommitInfo;
  files?: ChangedFiles;
  log?: CommitLog;
  /** Human-readable descriptions of what could not be fetched, e.g. `commit details (AccessDeniedException)`. */
  missing: string[];
}

export interface PushEnrichment {
  kind: 'codecommit.push';
  /** One entry per reference of the event, same order. */
  references: ReferenceEnrichment[];
}

/** The source revision a pipeline execution (or a deployment) was built from. */
export interface SourceRevision {
  /** The source action that produced it. */
  action?: string;
  /** Commit id, or another provider's revision id. */
  revisionId?: string;
  /** First line of the commit message. */
  title?: string;
  /** The rest of the message, capped at 10 lines with "…". */
  body?: string;
  /** Link to the commit page (from AWS, or built for CodeCommit). */
  url?: string;
  branch?: string;
  repository?: string;
  provider?: string;
}

/** The failing part of a pipeline execution. */
export interface PipelineFailure {
  stage?: string;
  action?: string;
  code?: string;
  message?: string;
  /** The action's external execution (e.g. the CodeBuild build). */
  externalUrl?: string;
  logUrl?: string;
}

export interface PipelineEnrichment {
  kind: 'codepipeline.execution';
  /** The revisions of the event's own execution (`GetPipelineExecution`). */
  revisions: SourceRevision[];
  execution?: {
    status?: string;
    trigger?: { type?: string; detail?: string };
    startTime?: string;
    endTime?: string;
  };
  failure?: PipelineFailure;
  missing: string[];
}

export interface DeploymentEnrichment {
  kind: 'codedeploy.deployment';
  revision?: SourceRevision & {
    pipeline?: string;
    executionId?: string;
    /** True when only the pipeline's current revision was known (`GetPipelineState`), not the deploying execution's. */
    isCurrent: boolean;
  };
  missing: string[];
}

export type Enrichment = PushEnrichment | PipelineEnrichment | DeploymentEnrichment;
