import { GetCommitCommand, type CodeCommitClient, type Commit, type UserInfo } from '@aws-sdk/client-codecommit';
import { toIsoTime, type CommitInfo, type Person } from '@herald/model';
import { IncompleteAnswerError } from './describe-failure.ts';

/**
 * Splits a commit message into its first line and the rest, trimmed.
 *
 * @example
 * ```ts
 * splitCommitMessage('Fix the build\n\nThe cache key missed the lock file.\n');
 * // { title: 'Fix the build', body: 'The cache key missed the lock file.' }
 * ```
 */
export function splitCommitMessage(message: string): { title: string; body: string } {
  const text = message.replace(/\r\n?/g, '\n').trim();
  const newline = text.indexOf('\n');
  if (newline < 0) return { title: text, body: '' };
  return { title: text.slice(0, newline).trimEnd(), body: text.slice(newline + 1).trim() };
}

/** A git date (`1484167798 -0800`) as ISO; one that cannot be read is left out, never fatal. */
function isoTimeOf(gitDate: string | undefined): string | undefined {
  return gitDate === undefined ? undefined : toIsoTime(gitDate);
}

function personOf(user: UserInfo | undefined): Person | undefined {
  if (!user) return undefined;
  const date = isoTimeOf(user.date);
  return {
    ...(user.name ? { name: user.name } : {}),
    ...(user.email ? { email: user.email } : {}),
    ...(date ? { date } : {}),
  };
}

/**
 * Converts a CodeCommit `Commit` into a `CommitInfo`. CodeCommit's documented answer omits `commitId`,
 * so the id asked for stands in for it.
 */
export function toCommitInfo(commit: Commit, requestedCommitId: string): CommitInfo {
  const author = personOf(commit.author);
  const committer = personOf(commit.committer);
  return {
    commitId: commit.commitId ?? requestedCommitId,
    ...splitCommitMessage(commit.message ?? ''),
    ...(author ? { author } : {}),
    ...(committer ? { committer } : {}),
    parents: commit.parents ?? [],
  };
}

/**
 * Reads one commit with `GetCommit`. Rejects with the SDK's error when CodeCommit refuses.
 *
 * @example
 * ```ts
 * const commit = await fetchCommit(client, 'my-repo', '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe');
 * ```
 */
export async function fetchCommit(client: CodeCommitClient, repositoryName: string, commitId: string): Promise<CommitInfo> {
  const { commit } = await client.send(new GetCommitCommand({ repositoryName, commitId }));
  if (!commit) throw new IncompleteAnswerError(`GetCommit answered without a commit for ${commitId}`);
  return toCommitInfo(commit, commitId);
}
