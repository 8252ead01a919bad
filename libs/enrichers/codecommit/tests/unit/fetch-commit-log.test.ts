import { describe, expect, it, vi } from 'vitest';
import type { CommitInfo } from '@herald/model';
import { fetchCommitLog } from '../../src/fetch-commit-log.ts';

const commit = (commitId: string, ...parents: string[]): CommitInfo => ({ commitId, title: `Commit ${commitId}`, body: '', parents });

/** c0 ← c1 ← … ← c9, plus a merge m whose first parent is c9 and second parent s. */
const history = new Map<string, CommitInfo>([
  ...Array.from({ length: 10 }, (_, n): [string, CommitInfo] => [`c${n}`, n === 0 ? commit('c0') : commit(`c${n}`, `c${n - 1}`)]),
  ['s', commit('s', 'c5')],
  ['m', commit('m', 'c9', 's')],
]);
const read = vi.fn(async (commitId: string) => {
  const found = history.get(commitId);
  if (!found) throw Object.assign(new Error('nope'), { name: 'CommitIdDoesNotExistException' });
  return found;
});
const titles = (commits: CommitInfo[]) => commits.map((c) => c.commitId);

describe('fetchCommitLog', () => {
  it('follows first parents from the new commit to the old one, which it leaves out', async () => {
    // Act
    const { log, failure } = await fetchCommitLog(commit('m', 'c9', 's'), 'c7', 10, read);

    // Assess
    expect(titles(log.commits)).toEqual(['m', 'c9', 'c8']);
    expect(log.truncated).toBe(false);
    expect(failure).toBeUndefined();
  });

  it('holds at most maxCommits commits, then says it is truncated', async () => {
    // Act
    const { log } = await fetchCommitLog(commit('c9', 'c8'), 'c0', 4, read);

    // Assess
    expect(titles(log.commits)).toEqual(['c9', 'c8', 'c7', 'c6']);
    expect(log.truncated).toBe(true);
  });

  it('is not truncated when the cap is reached exactly at the old commit', async () => {
    // Act
    const { log } = await fetchCommitLog(commit('c9', 'c8'), 'c5', 4, read);

    // Assess
    expect(titles(log.commits)).toEqual(['c9', 'c8', 'c7', 'c6']);
    expect(log.truncated).toBe(false);
  });

  it('stops at a root commit', async () => {
    // Act
    const { log } = await fetchCommitLog(commit('c2', 'c1'), 'elsewhere', 10, read);

    // Assess
    expect(titles(log.commits)).toEqual(['c2', 'c1', 'c0']);
    expect(log.truncated).toBe(false);
  });

  it('is empty when the reference did not move', async () => {
    // Act
    const { log } = await fetchCommitLog(commit('c2', 'c1'), 'c2', 10, read);

    // Assess
    expect(log).toEqual({ commits: [], truncated: false });
  });

  it('keeps the commits read so far when a parent cannot be read', async () => {
    // Act
    const { log, failure } = await fetchCommitLog(commit('x', 'missing'), 'c0', 10, read);

    // Assess
    expect(titles(log.commits)).toEqual(['x']);
    expect(log.truncated).toBe(true);
    expect(failure).toMatchObject({ name: 'CommitIdDoesNotExistException' });
  });
});
