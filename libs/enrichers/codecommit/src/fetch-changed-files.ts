import { GetDifferencesCommand, type CodeCommitClient, type Difference } from '@aws-sdk/client-codecommit';
import type { ChangedFiles, FileChange, FileChangeKind } from '@herald/model';

/** `MaxResults` has no documented maximum; 100 is what CodeCommit's other paged operations allow. */
export const DIFFERENCES_PAGE_SIZE = 100;

/** Paged APIs may answer empty pages that still carry a token; this many in a row means no progress. */
const MAX_EMPTY_PAGES = 3;

export interface ChangedFilesRequest {
  repositoryName: string;
  commitId: string;
  /** The commit to compare with: the first parent; none for a root commit (every file is then added). */
  comparedWith?: string;
  /** How many files to keep in `files`. */
  maxFilesListed: number;
  /** Stop asking for more pages once this many files were counted. */
  maxFilesCounted: number;
}

export interface ChangedFilesResult {
  /** What was fetched; absent when not even the first page was. */
  files?: ChangedFiles;
  /** Why paging stopped early, when it did. */
  failure?: unknown;
}

const KIND_OF_CHANGE: Record<string, FileChangeKind> = { A: 'added', M: 'modified', D: 'deleted' };

function fileChangeOf(difference: Difference): FileChange | undefined {
  const path = difference.afterBlob?.path ?? difference.beforeBlob?.path;
  if (path === undefined) return undefined;
  const oldPath = difference.beforeBlob?.path;
  return {
    path,
    change: KIND_OF_CHANGE[difference.changeType ?? ''] ?? 'modified',
    ...(oldPath !== undefined && oldPath !== path ? { oldPath } : {}),
  };
}

/**
 * Lists the files a commit changed with `GetDifferences`, paging with `NextToken` until `maxFilesCounted`
 * files were counted. Never rejects: a failure after the first page keeps what was fetched (then a lower bound).
 *
 * @example
 * ```ts
 * const { files, failure } = await fetchChangedFiles(client, {
 *   repositoryName: 'my-repo', commitId, comparedWith: parentId, maxFilesListed: 20, maxFilesCounted: 300,
 * });
 * ```
 */
export async function fetchChangedFiles(client: CodeCommitClient, request: ChangedFilesRequest): Promise<ChangedFilesResult> {
  const { repositoryName, commitId, comparedWith, maxFilesListed, maxFilesCounted } = request;
  const files: FileChange[] = [];
  const counts: Record<FileChangeKind, number> = { added: 0, modified: 0, deleted: 0 };
  let total = 0;
  let pages = 0;
  let emptyPagesInARow = 0;
  let nextToken: string | undefined;
  const result = (): ChangedFiles => ({
    files,
    counts,
    total,
    totalIsLowerBound: nextToken !== undefined,
    ...(comparedWith !== undefined ? { comparedWith } : {}),
  });

  do {
    let answer;
    try {
      answer = await client.send(
        new GetDifferencesCommand({
          repositoryName,
          afterCommitSpecifier: commitId,
          beforeCommitSpecifier: comparedWith,
          MaxResults: Math.min(DIFFERENCES_PAGE_SIZE, maxFilesCounted - total),
          NextToken: nextToken,
        }),
      );
    } catch (failure) {
      return pages === 0 ? { failure } : { files: result(), failure };
    }
    pages++;
    for (const difference of answer.differences ?? []) {
      const change = fileChangeOf(difference);
      counts[change?.change ?? 'modified']++;
      total++;
      if (change && files.length < maxFilesListed) files.push(change);
    }
    emptyPagesInARow = answer.differences?.length ? 0 : emptyPagesInARow + 1;
    const stuck = (answer.NextToken !== undefined && answer.NextToken === nextToken) || emptyPagesInARow >= MAX_EMPTY_PAGES;
    nextToken = answer.NextToken || undefined;
    if (stuck) break;
  } while (nextToken !== undefined && total < maxFilesCounted);

  return { files: result() };
}
