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

export type Enrichment = PushEnrichment;
