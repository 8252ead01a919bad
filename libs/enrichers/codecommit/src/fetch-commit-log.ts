import type { CommitInfo, CommitLog } from '@herald/model';

export interface CommitLogResult {
  log: CommitLog;
  /** Why the walk stopped early, when it did. */
  failure?: unknown;
}

/**
 * The commits a reference update brought in, newest first: from the new commit along first parents until
 * the old commit, a root commit, or `maxCommits` commits (then `truncated`). Never rejects: a failure keeps
 * the commits read so far.
 *
 * @example
 * ```ts
 * const { log } = await fetchCommitLog(newCommit, oldCommitId, 10, (id) => fetchCommit(client, repo, id));
 * ```
 */
export async function fetchCommitLog(
  newCommit: CommitInfo,
  oldCommitId: string,
  maxCommits: number,
  commitOf: (commitId: string) => Promise<CommitInfo>,
): Promise<CommitLogResult> {
  if (newCommit.commitId === oldCommitId) return { log: { commits: [], truncated: false } };
  const commits = [newCommit];
  let current = newCommit;
  for (;;) {
    const parent = current.parents[0];
    if (parent === undefined || parent === oldCommitId) return { log: { commits, truncated: false } };
    if (commits.length >= maxCommits) return { log: { commits, truncated: true } };
    try {
      current = await commitOf(parent);
    } catch (failure) {
      return { log: { commits, truncated: true }, failure };
    }
    commits.push(current);
  }
}
