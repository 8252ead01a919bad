import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CodeCommitClient, GetCommitCommand, type GetCommitOutput } from '@aws-sdk/client-codecommit';
import { loadFixture } from '@herald/testing';
import { fetchCommit, splitCommitMessage, toCommitInfo } from '../../src/fetch-commit.ts';

const codeCommit = mockClient(CodeCommitClient);

afterEach(() => {
  codeCommit.reset();
});

describe('splitCommitMessage', () => {
  it.each([
    ['Fix incorrect variable name', { title: 'Fix incorrect variable name', body: '' }],
    ['Fix the build\n\nThe cache key missed the lock file.\n', { title: 'Fix the build', body: 'The cache key missed the lock file.' }],
    ['\n\n  Title after blank lines  \r\n\r\nBody line 1\r\nBody line 2\r\n', { title: 'Title after blank lines', body: 'Body line 1\nBody line 2' }],
    ['Title\nBody without a blank line', { title: 'Title', body: 'Body without a blank line' }],
    ['', { title: '', body: '' }],
  ])('splits %j', (message, expected) => {
    // Act
    const parts = splitCommitMessage(message);

    // Assess
    expect(parts).toEqual(expected);
  });
});

describe('fetchCommit', () => {
  it('reads the documented GetCommit answer, which has no commitId, with ISO dates', async () => {
    // Prepare
    codeCommit.on(GetCommitCommand).resolves(loadFixture<GetCommitOutput>('api/codecommit-getcommit-response-awsdocs.json'));

    // Act
    const commit = await fetchCommit(new CodeCommitClient({ region: 'us-east-1' }), 'MyDemoRepo', '317f8570EXAMPLE');

    // Assess
    expect(commit).toEqual({
      commitId: '317f8570EXAMPLE',
      title: 'Fix incorrect variable name',
      body: '',
      author: { name: 'Mary Major', email: 'mary_major@example.com', date: '2017-01-11T20:49:58.000Z' },
      committer: { name: 'Mary Major', email: 'mary_major@example.com', date: '2017-01-11T20:49:58.000Z' },
      parents: ['4c925148EXAMPLE'],
    });
    expect(codeCommit.commandCalls(GetCommitCommand)[0]?.args[0].input).toEqual({ repositoryName: 'MyDemoRepo', commitId: '317f8570EXAMPLE' });
  });

  it('keeps the commit when a date cannot be read', async () => {
    // Prepare
    codeCommit.on(GetCommitCommand).resolves({
      commit: { commitId: 'abc', message: 'Title', parents: ['p'], author: { name: 'Li Juan', date: 'garbage' } },
    });

    // Act
    const commit = await fetchCommit(new CodeCommitClient({ region: 'us-east-1' }), 'r', 'abc');

    // Assess
    expect(commit).toEqual({ commitId: 'abc', title: 'Title', body: '', author: { name: 'Li Juan' }, parents: ['p'] });
  });

  it('rejects with the SDK error when CodeCommit refuses, and on an answer without a commit', async () => {
    // Prepare
    const client = new CodeCommitClient({ region: 'us-east-1' });
    codeCommit.on(GetCommitCommand, { commitId: 'denied' }).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    codeCommit.on(GetCommitCommand, { commitId: 'empty' }).resolves({});

    // Act
    const denied = fetchCommit(client, 'r', 'denied');
    const empty = fetchCommit(client, 'r', 'empty');

    // Assess
    await expect(denied).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(empty).rejects.toMatchObject({ name: 'IncompleteAnswerError' });
  });
});

describe('toCommitInfo', () => {
  it('gives a commit without message, people or parents empty defaults', () => {
    // Act
    const commit = toCommitInfo({}, 'abc');

    // Assess
    expect(commit).toEqual({ commitId: 'abc', title: '', body: '', parents: [] });
  });
});
