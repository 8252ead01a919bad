import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CodeCommitClient, GetDifferencesCommand, type Difference, type GetDifferencesOutput } from '@aws-sdk/client-codecommit';
import { loadFixture } from '@herald/testing';
import { fetchChangedFiles, type ChangedFilesRequest } from '../../src/fetch-changed-files.ts';

const codeCommit = mockClient(CodeCommitClient);
const client = new CodeCommitClient({ region: 'us-east-1' });
const request: ChangedFilesRequest = { repositoryName: 'r', commitId: 'new', comparedWith: 'old', maxFilesListed: 20, maxFilesCounted: 300 };

const added = (path: string): Difference => ({ changeType: 'A', afterBlob: { path, blobId: 'b', mode: '100644' } });
const page = (count: number, from = 0): Difference[] => Array.from({ length: count }, (_, i) => added(`f${from + i}`));
const sentInputs = () => codeCommit.commandCalls(GetDifferencesCommand).map((call) => call.args[0].input);

afterEach(() => {
  codeCommit.reset();
});

describe('fetchChangedFiles', () => {
  it('reads the documented GetDifferences answer', async () => {
    // Prepare
    codeCommit.on(GetDifferencesCommand).resolves(loadFixture<GetDifferencesOutput>('api/codecommit-getdifferences-response-awsdocs.json'));

    // Act
    const { files, failure } = await fetchChangedFiles(client, request);

    // Assess
    expect(failure).toBeUndefined();
    expect(files).toEqual({
      files: [{ path: 'blob.txt', change: 'modified' }],
      counts: { added: 0, modified: 1, deleted: 0 },
      total: 1,
      totalIsLowerBound: false,
      comparedWith: 'old',
    });
    expect(sentInputs()).toEqual([{ repositoryName: 'r', afterCommitSpecifier: 'new', beforeCommitSpecifier: 'old', MaxResults: 100 }]);
  });

  it('asks only for what is left to count', async () => {
    // Prepare
    codeCommit
      .on(GetDifferencesCommand)
      .resolvesOnce({ differences: page(100), NextToken: 't1' })
      .resolvesOnce({ differences: page(30, 100), NextToken: 't2' });

    // Act
    const { files } = await fetchChangedFiles(client, { ...request, maxFilesCounted: 130, maxFilesListed: 3 });

    // Assess
    expect(sentInputs().map((input) => [input.MaxResults, input.NextToken])).toEqual([
      [100, undefined],
      [30, 't1'],
    ]);
    expect(files).toMatchObject({ total: 130, totalIsLowerBound: true });
    expect(files?.files.map((file) => file.path)).toEqual(['f0', 'f1', 'f2']);
  });

  it('counts everything answered when CodeCommit answers more than asked', async () => {
    // Prepare
    codeCommit.on(GetDifferencesCommand).resolves({ differences: page(150) });

    // Act
    const { files } = await fetchChangedFiles(client, { ...request, maxFilesCounted: 120 });

    // Assess
    expect(files).toMatchObject({ total: 150, totalIsLowerBound: false });
  });

  it('maps change types, renames and differences without a path', async () => {
    // Prepare
    codeCommit.on(GetDifferencesCommand).resolves({
      differences: [
        { changeType: 'D', beforeBlob: { path: 'gone.txt' } },
        { changeType: 'M', beforeBlob: { path: 'old/name.ts' }, afterBlob: { path: 'new/name.ts' } },
        { changeType: 'M', beforeBlob: { path: 'same.ts' }, afterBlob: { path: 'same.ts' } },
        { changeType: 'X' as Difference['changeType'], afterBlob: { path: 'odd.ts' } },
        { changeType: 'A' },
      ],
    });

    // Act
    const { files } = await fetchChangedFiles(client, { ...request, comparedWith: undefined });

    // Assess
    expect(files).toEqual({
      files: [
        { path: 'gone.txt', change: 'deleted' },
        { path: 'new/name.ts', change: 'modified', oldPath: 'old/name.ts' },
        { path: 'same.ts', change: 'modified' },
        { path: 'odd.ts', change: 'modified' },
      ],
      counts: { added: 0, modified: 4, deleted: 1 },
      total: 5,
      totalIsLowerBound: false,
    });
  });

  it('stops when CodeCommit makes no progress: the same token again, or empty pages', async () => {
    // Prepare
    codeCommit.on(GetDifferencesCommand, { NextToken: undefined, afterCommitSpecifier: 'same' }).resolves({ differences: page(1), NextToken: 'loop' });
    codeCommit.on(GetDifferencesCommand, { NextToken: 'loop' }).resolves({ differences: page(1), NextToken: 'loop' });
    codeCommit
      .on(GetDifferencesCommand, { afterCommitSpecifier: 'empty' })
      .callsFake((input: { NextToken?: string }) => ({ differences: [], NextToken: `${input.NextToken ?? 'page'}+` }));

    // Act
    const sameToken = await fetchChangedFiles(client, { ...request, commitId: 'same' });
    const emptyPages = await fetchChangedFiles(client, { ...request, commitId: 'empty' });

    // Assess
    expect(sameToken.files).toMatchObject({ total: 2, totalIsLowerBound: true });
    expect(emptyPages.files).toMatchObject({ total: 0, totalIsLowerBound: true });
    expect(sentInputs()).toHaveLength(2 + 3);
  });

  it('answers the failure alone when the first page fails, and keeps earlier pages otherwise', async () => {
    // Prepare
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    codeCommit.on(GetDifferencesCommand, { afterCommitSpecifier: 'first' }).rejects(throttled);
    codeCommit
      .on(GetDifferencesCommand, { afterCommitSpecifier: 'second' })
      .resolvesOnce({ differences: page(100), NextToken: 't1' })
      .rejectsOnce(throttled);

    // Act
    const first = await fetchChangedFiles(client, { ...request, commitId: 'first' });
    const second = await fetchChangedFiles(client, { ...request, commitId: 'second' });

    // Assess
    expect(first).toEqual({ failure: throttled });
    expect(second.failure).toBe(throttled);
    expect(second.files).toMatchObject({ total: 100, totalIsLowerBound: true });
  });
});
