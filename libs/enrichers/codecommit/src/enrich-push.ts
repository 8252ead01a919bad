import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import type { CodeCommitPushEvent, CommitInfo, PushEnrichment, ReferenceEnrichment, ReferenceUpdate } from '@herald/model';
import { codeCommitClientFor } from './codecommit-clients.ts';
import { describeFailure, type Failure } from './describe-failure.ts';
import { fetchChangedFiles, type ChangedFilesResult } from './fetch-changed-files.ts';
import { fetchCommit } from './fetch-commit.ts';
import { fetchCommitLog } from './fetch-commit-log.ts';

export interface CodeCommitEnricherOptions {
  /** How many changed files a reference lists (what a message shows). Default 20. */
  maxFilesListed?: number;
  /** Stop paging through changed files after this many; the total is then a lower bound. Default 300; 0 skips files. */
  maxFilesCounted?: number;
  /** How many commits an update's log holds at most. Default 10; 0 skips the log. */
  maxLogCommits?: number;
  /** The client to use for a region. Default: one shared client per region with the standard SDK configuration. */
  clientFor?: (region: string) => CodeCommitClient;
}

export interface CodeCommitEnricher {
  /** Adds commit details, changed files and (for updates) a commit log to each reference. Never rejects. */
  enrichPush(event: CodeCommitPushEvent): Promise<PushEnrichment>;
}

interface Limits {
  maxFilesListed: number;
  maxFilesCounted: number;
  maxLogCommits: number;
}

/** A push may change up to 4,000 references: a bound keeps one large push from throttling itself. */
const REFERENCE_CONCURRENCY = 8;

/** The failures after which another operation may still succeed where `GetCommit` did not. */
const WORTH_ANOTHER_OPERATION = new Set<Failure['kind']>(['access-denied', 'throttled', 'service']);

/** The calls of one push, shared by its references: a commit named twice is fetched once. */
function pushLookups(client: () => CodeCommitClient, repositoryName: string, limits: Limits) {
  const commits = new Map<string, Promise<CommitInfo>>();
  const changedFiles = new Map<string, Promise<ChangedFilesResult>>();
  return {
    commit(commitId: string): Promise<CommitInfo> {
      let commit = commits.get(commitId);
      if (!commit) {
        commit = Promise.resolve().then(() => fetchCommit(client(), repositoryName, commitId));
        commits.set(commitId, commit);
      }
      return commit;
    },
    changedFiles(commitId: string, comparedWith: string | undefined): Promise<ChangedFilesResult> {
      const key = `${commitId}..${comparedWith ?? ''}`;
      let files = changedFiles.get(key);
      if (!files) {
        files = Promise.resolve()
          .then(() => fetchChangedFiles(client(), { repositoryName, commitId, comparedWith, ...limits }))
          .catch((failure: unknown) => ({ failure }));
        changedFiles.set(key, files);
      }
      return files;
    },
  };
}

type PushLookups = ReturnType<typeof pushLookups>;

/** What to list the changed files against: the first parent, or `undefined` for a root commit. */
function comparisonFor(
  reference: ReferenceUpdate,
  commit: CommitInfo | undefined,
  commitFailure: Failure | undefined,
): { comparedWith: string | undefined } | undefined {
  if (commit) return { comparedWith: commit.parents[0] };
  // Without the commit its parent is unknown; an update still says where the reference was before.
  const canTryAnother = commitFailure !== undefined && WORTH_ANOTHER_OPERATION.has(commitFailure.kind);
  if (canTryAnother && reference.change === 'updated' && reference.oldCommitId) return { comparedWith: reference.oldCommitId };
  return undefined;
}

async function enrichReference(reference: ReferenceUpdate, lookups: PushLookups, limits: Limits): Promise<ReferenceEnrichment> {
  if (reference.change === 'deleted') return { fullName: reference.fullName, missing: [] };
  const commitId = reference.commitId?.trim();
  if (!commitId) return { fullName: reference.fullName, missing: ['commit details: the event names no commit'] };

  const missing: string[] = [];

  let commit: CommitInfo | undefined;
  let commitFailure: Failure | undefined;
  try {
    commit = await lookups.commit(commitId);
  } catch (error) {
    commitFailure = describeFailure(error);
    missing.push(`commit details: ${commitFailure.text}`);
  }

  const comparison = comparisonFor(reference, commit, commitFailure);
  const [changed, history] = await Promise.all([
    comparison && limits.maxFilesCounted > 0 ? lookups.changedFiles(commitId, comparison.comparedWith) : undefined,
    commit && reference.change === 'updated' && reference.oldCommitId && limits.maxLogCommits > 0
      ? fetchCommitLog(commit, reference.oldCommitId, limits.maxLogCommits, (id) => lookups.commit(id))
      : undefined,
  ]);

  if (changed && 'failure' in changed) {
    const reason = describeFailure(changed.failure).text;
    missing.push(changed.files ? `changed files after the first ${changed.files.total}: ${reason}` : `changed files: ${reason}`);
  }
  if (history && 'failure' in history) missing.push(`commit log: ${describeFailure(history.failure).text}`);
  return {
    fullName: reference.fullName,
    ...(commit ? { commit } : {}),
    ...(changed?.files ? { files: changed.files } : {}),
    ...(history ? { log: history.log } : {}),
    missing,
  };
}

async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Enriches every reference of a push (see `createCodeCommitEnricher`). */
export async function enrichPush(event: CodeCommitPushEvent, client: () => CodeCommitClient, limits: Limits): Promise<PushEnrichment> {
  const lookups = pushLookups(client, event.repository, limits);
  const references = await mapConcurrently(event.references, REFERENCE_CONCURRENCY, async (reference) => {
    try {
      return await enrichReference(reference, lookups, limits);
    } catch (error) {
      return { fullName: reference.fullName, missing: [`details: ${describeFailure(error).text}`] };
    }
  });
  return { kind: 'codecommit.push', references };
}

const countOption = (value: number | undefined, fallback: number): number =>
  value === undefined || Number.isNaN(value) ? fallback : Math.max(0, Math.floor(value));

/**
 * Creates the CodeCommit enricher: for each created or updated reference of a push it reads the commit
 * (`GetCommit`), the files it changed against its first parent (`GetDifferences`, paged) and, for an
 * EventBridge update that names the old commit, the commits in between. Best effort: whatever AWS refuses
 * is named in the reference's `missing`, and `enrichPush` never rejects.
 *
 * @example
 * ```ts
 * const enricher = createCodeCommitEnricher({ maxFilesListed: 10 });
 * const enrichment = await enricher.enrichPush(pushEvent);
 * enrichment.references[0]?.commit?.title; // 'Fix the build'
 * ```
 */
export function createCodeCommitEnricher(options: CodeCommitEnricherOptions = {}): CodeCommitEnricher {
  const limits: Limits = {
    maxFilesListed: countOption(options.maxFilesListed, 20),
    maxFilesCounted: countOption(options.maxFilesCounted, 300),
    maxLogCommits: countOption(options.maxLogCommits, 10),
  };
  const clientFor = options.clientFor ?? codeCommitClientFor;
  return {
    async enrichPush(event) {
      let client: CodeCommitClient | undefined;
      const clientOnce = () => (client ??= clientFor(event.region));
      try {
        return await enrichPush(event, clientOnce, limits);
      } catch (error) {
        const reason = describeFailure(error).text;
        return { kind: 'codecommit.push', references: (event.references ?? []).map(({ fullName }) => ({ fullName, missing: [`details: ${reason}`] })) };
      }
    },
  };
}
