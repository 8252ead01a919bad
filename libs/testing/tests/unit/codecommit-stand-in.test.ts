import { afterEach, describe, expect, it } from 'vitest';
import {
  BatchGetCommitsCommand,
  CodeCommitClient,
  GetBranchCommand,
  GetCommitCommand,
  GetDifferencesCommand,
  GetRepositoryCommand,
  type Difference,
} from '@aws-sdk/client-codecommit';
import { loadFixture } from '../../src/fixtures.ts';
import type { AwsStandIn } from '../../src/aws-stand-in.ts';
import {
  CodeCommitWorld,
  codeCommitHandlers,
  codeCommitTarget,
  demoCodeCommitWorld,
  fakeCommitId,
  startCodeCommitStandIn,
  toGitDate,
  type CodeCommitPersonSpec,
} from '../../src/codecommit-stand-in.ts';

const author: CodeCommitPersonSpec = { name: 'Mary Major', email: 'mary_major@example.com', date: '2017-01-11T20:49:58Z', timezone: '-0800' };
const root = fakeCommitId('root');
const second = fakeCommitId('second');

function smallWorld(): CodeCommitWorld {
  return new CodeCommitWorld().addRepository({
    name: 'my-repo',
    defaultBranch: 'main',
    branches: { main: second },
    tags: { 'v1.0': root },
    commits: [
      { id: root, message: 'Initial commit', author, files: { 'README.md': '# my-repo\n', 'old.txt': 'old\n', 'src/a.ts': 'a\n' } },
      {
        id: second,
        parents: [root],
        message: 'Fix incorrect variable name\n\nThe body.',
        author,
        committer: { ...author, name: 'Li Juan', email: 'li_juan@example.com' },
        changes: { 'README.md': '# my-repo\n\nMore.\n', 'old.txt': null, 'src/b.ts': 'b\n' },
      },
    ],
  });
}

function manyFilesWorld(count: number, maxPageSize?: number): CodeCommitWorld {
  const files = Object.fromEntries(Array.from({ length: count }, (_, i) => [`src/file-${String(i).padStart(3, '0')}.ts`, `${i}\n`]));
  return new CodeCommitWorld({ maxPageSize }).addRepository({ name: 'big', commits: [{ id: root, message: 'Import', author, files }] });
}

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let standIn: AwsStandIn | undefined;

async function clientFor(world: CodeCommitWorld, region = 'us-east-1'): Promise<CodeCommitClient> {
  standIn = await startCodeCommitStandIn(world);
  return new CodeCommitClient({ region, endpoint: standIn.url, credentials, maxAttempts: 1 });
}

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('codeCommitHandlers', () => {
  it('answers GetCommit in the shape of the API sample, with git dates', async () => {
    // Prepare
    const client = await clientFor(smallWorld(), 'eu-west-1');
    const sample = loadFixture<{ commit: Record<string, unknown> }>('api/codecommit-getcommit-response-awsdocs.json');

    // Act
    const { commit } = await client.send(new GetCommitCommand({ repositoryName: 'my-repo', commitId: second }));

    // Assess
    expect(Object.keys(commit ?? {}).sort()).toEqual([...Object.keys(sample.commit), 'commitId'].sort());
    expect(commit).toMatchObject({
      commitId: second,
      parents: [root],
      message: 'Fix incorrect variable name\n\nThe body.',
      author: { name: 'Mary Major', email: 'mary_major@example.com', date: '1484167798 -0800' },
      committer: { name: 'Li Juan', email: 'li_juan@example.com', date: '1484167798 -0800' },
      additionalData: '',
    });
    expect(commit?.treeId).toMatch(/^[0-9a-f]{40}$/);
    expect(standIn?.calls[0]).toMatchObject({ target: codeCommitTarget('GetCommit'), region: 'eu-west-1' });
  });

  it('answers unknown repositories and commits with the errors AWS uses', async () => {
    // Prepare
    const client = await clientFor(smallWorld());

    // Act
    const unknownRepository = client.send(new GetCommitCommand({ repositoryName: 'nope', commitId: root }));
    const unknownCommit = client.send(new GetCommitCommand({ repositoryName: 'my-repo', commitId: fakeCommitId('nope') }));
    const shortCommit = client.send(new GetCommitCommand({ repositoryName: 'my-repo', commitId: 'xxxxxxxxxxxxxxxxx' }));
    const unknownSpecifier = client.send(new GetDifferencesCommand({ repositoryName: 'my-repo', afterCommitSpecifier: 'nope' }));

    // Assess
    await expect(unknownRepository).rejects.toMatchObject({ name: 'RepositoryDoesNotExistException' });
    await expect(unknownCommit).rejects.toMatchObject({ name: 'CommitIdDoesNotExistException' });
    await expect(shortCommit).rejects.toMatchObject({ name: 'InvalidCommitIdException' });
    await expect(unknownSpecifier).rejects.toMatchObject({ name: 'CommitDoesNotExistException' });
  });

  it('lists every file of the after commit as added when no before commit is given', async () => {
    // Prepare
    const client = await clientFor(smallWorld());

    // Act
    const { differences, NextToken } = await client.send(
      new GetDifferencesCommand({ repositoryName: 'my-repo', afterCommitSpecifier: root }),
    );

    // Assess
    expect(NextToken).toBeUndefined();
    expect(differences?.map((d) => [d.changeType, d.afterBlob?.path])).toEqual([
      ['A', 'README.md'],
      ['A', 'old.txt'],
      ['A', 'src/a.ts'],
    ]);
    expect(differences?.every((d) => d.beforeBlob === undefined)).toBe(true);
    expect(differences?.[0]?.afterBlob).toEqual({ path: 'README.md', blobId: expect.stringMatching(/^[0-9a-f]{40}$/), mode: '100644' });
  });

  it('answers added, modified and deleted files between two commits like the API sample', async () => {
    // Prepare
    const client = await clientFor(smallWorld());
    const sample = loadFixture<{ differences: Difference[] }>('api/codecommit-getdifferences-response-awsdocs.json');

    // Act
    const { differences } = await client.send(
      new GetDifferencesCommand({ repositoryName: 'my-repo', beforeCommitSpecifier: 'v1.0', afterCommitSpecifier: 'main' }),
    );

    // Assess
    const modified = differences?.find((d) => d.changeType === 'M');
    expect(Object.keys(modified ?? {}).sort()).toEqual(Object.keys(sample.differences[0] ?? {}).sort());
    expect(modified?.beforeBlob?.blobId).not.toBe(modified?.afterBlob?.blobId);
    expect(differences?.map((d) => [d.changeType, d.beforeBlob?.path, d.afterBlob?.path])).toEqual([
      ['M', 'README.md', 'README.md'],
      ['D', 'old.txt', undefined],
      ['A', undefined, 'src/b.ts'],
    ]);
  });

  it('pages with MaxResults and an opaque NextToken until every difference was answered once', async () => {
    // Prepare
    const client = await clientFor(manyFilesWorld(250));
    const pages: number[] = [];
    const paths: string[] = [];
    let NextToken: string | undefined;

    // Act
    do {
      const page = await client.send(new GetDifferencesCommand({ repositoryName: 'big', afterCommitSpecifier: root, MaxResults: 100, NextToken }));
      pages.push(page.differences?.length ?? 0);
      paths.push(...(page.differences ?? []).map((d) => d.afterBlob?.path ?? ''));
      NextToken = page.NextToken;
    } while (NextToken);

    // Assess
    expect(pages).toEqual([100, 100, 50]);
    expect(new Set(paths).size).toBe(250);
    expect(standIn?.calls.map((call) => call.input['NextToken'] === undefined)).toEqual([true, false, false]);
  });

  it('never answers more than its page size, and refuses bad paging input', async () => {
    // Prepare
    const client = await clientFor(manyFilesWorld(30, 10));

    // Act
    const page = await client.send(new GetDifferencesCommand({ repositoryName: 'big', afterCommitSpecifier: root, MaxResults: 500 }));
    const badToken = client.send(new GetDifferencesCommand({ repositoryName: 'big', afterCommitSpecifier: root, NextToken: 'bm9wZQ' }));
    const badMax = client.send(new GetDifferencesCommand({ repositoryName: 'big', afterCommitSpecifier: root, MaxResults: 0 }));

    // Assess
    expect(page.differences).toHaveLength(10);
    expect(page.NextToken).toEqual(expect.any(String));
    await expect(badToken).rejects.toMatchObject({ name: 'InvalidContinuationTokenException' });
    await expect(badMax).rejects.toMatchObject({ name: 'InvalidMaxResultsException' });
  });

  it('limits differences to a path', async () => {
    // Prepare
    const client = await clientFor(smallWorld());

    // Act
    const { differences } = await client.send(
      new GetDifferencesCommand({ repositoryName: 'my-repo', beforeCommitSpecifier: root, afterCommitSpecifier: second, afterPath: 'src' }),
    );

    // Assess
    expect(differences?.map((d) => d.afterBlob?.path)).toEqual(['src/b.ts']);
  });

  it('answers BatchGetCommits with the commits found and an error for each other id', async () => {
    // Prepare
    const client = await clientFor(smallWorld());
    const missing = fakeCommitId('missing');

    // Act
    const result = await client.send(new BatchGetCommitsCommand({ repositoryName: 'my-repo', commitIds: [second, missing, 'abc'] }));

    // Assess
    expect(result.commits?.map((c) => c.commitId)).toEqual([second]);
    expect(result.errors).toEqual([
      { commitId: missing, errorCode: 'CommitIdDoesNotExistException', errorMessage: expect.any(String) },
      { commitId: 'abc', errorCode: 'InvalidCommitIdException', errorMessage: expect.any(String) },
    ]);
  });

  it('answers GetBranch and GetRepository', async () => {
    // Prepare
    const client = await clientFor(smallWorld(), 'us-east-2');

    // Act
    const { branch } = await client.send(new GetBranchCommand({ repositoryName: 'my-repo', branchName: 'main' }));
    const { repositoryMetadata } = await client.send(new GetRepositoryCommand({ repositoryName: 'my-repo' }));
    const unknownBranch = client.send(new GetBranchCommand({ repositoryName: 'my-repo', branchName: 'nope' }));

    // Assess
    expect(branch).toEqual({ branchName: 'main', commitId: second });
    expect(repositoryMetadata).toMatchObject({
      repositoryName: 'my-repo',
      defaultBranch: 'main',
      accountId: '123456789012',
      Arn: 'arn:aws:codecommit:us-east-1:123456789012:my-repo',
      cloneUrlHttp: 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/my-repo',
    });
    expect(repositoryMetadata?.lastModifiedDate).toEqual(new Date(1484167798 * 1000));
    await expect(unknownBranch).rejects.toMatchObject({ name: 'BranchDoesNotExistException' });
  });

  it('answers injected faults for the next calls of one operation only, and logs every call', async () => {
    // Prepare
    const world = smallWorld()
      .failNext('GetDifferences', { type: 'ThrottlingException', times: 2, message: 'Rate exceeded' })
      .failNext('GetCommit', 'AccessDeniedException');
    const client = await clientFor(world);
    const differences = () => client.send(new GetDifferencesCommand({ repositoryName: 'my-repo', afterCommitSpecifier: root }));

    // Act
    const first = differences();
    await expect(first).rejects.toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded' });
    await expect(differences()).rejects.toMatchObject({ name: 'ThrottlingException' });
    const third = await differences();
    const denied = client.send(new GetCommitCommand({ repositoryName: 'my-repo', commitId: root }));
    await expect(denied).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    const allowed = await client.send(new GetCommitCommand({ repositoryName: 'my-repo', commitId: root }));

    // Assess
    expect(third.differences).toHaveLength(3);
    expect(allowed.commit?.commitId).toBe(root);
    expect(world.log.map((call) => [call.operation, call.error])).toEqual([
      ['GetDifferences', 'ThrottlingException'],
      ['GetDifferences', 'ThrottlingException'],
      ['GetDifferences', undefined],
      ['GetCommit', 'AccessDeniedException'],
      ['GetCommit', undefined],
    ]);
    expect(world.callsOf('GetCommit')).toHaveLength(2);
  });

  it('answers the first calls normally when a fault starts later', async () => {
    // Prepare
    const world = manyFilesWorld(30, 10).failNext('GetDifferences', { type: 'ThrottlingException', after: 2 });
    const client = await clientFor(world);
    const page = (NextToken?: string) => client.send(new GetDifferencesCommand({ repositoryName: 'big', afterCommitSpecifier: root, NextToken }));

    // Act
    const first = await page();
    const second = await page(first.NextToken);
    const third = page(second.NextToken);

    // Assess
    await expect(third).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect((await page(second.NextToken)).differences).toHaveLength(10);
    expect(world.log.map((call) => call.error)).toEqual([undefined, undefined, 'ThrottlingException', undefined]);
  });

  it('serves every CodeCommit operation under its X-Amz-Target', () => {
    // Act
    const targets = Object.keys(codeCommitHandlers(smallWorld())).sort();

    // Assess
    expect(targets).toEqual([
      'CodeCommit_20150413.BatchGetCommits',
      'CodeCommit_20150413.GetBranch',
      'CodeCommit_20150413.GetCommit',
      'CodeCommit_20150413.GetDifferences',
      'CodeCommit_20150413.GetRepository',
    ]);
  });
});

describe('CodeCommitWorld', () => {
  it('refuses a commit described by changes before its first parent', () => {
    // Act
    const describeOutOfOrder = () =>
      new CodeCommitWorld().addRepository({
        name: 'r',
        commits: [{ id: second, parents: [root], message: 'x', author, changes: { 'a.txt': 'a' } }],
      });

    // Assess
    expect(describeOutOfOrder).toThrow(/first parent/);
  });

  it('keeps file modes and gives identical content the same blob id', async () => {
    // Prepare
    const world = new CodeCommitWorld().addRepository({
      name: 'r',
      commits: [{ id: root, message: 'x', author, files: { 'a.sh': { content: 'same', mode: '100755' }, 'b.txt': 'same' } }],
    });
    const client = await clientFor(world);

    // Act
    const { differences } = await client.send(new GetDifferencesCommand({ repositoryName: 'r', afterCommitSpecifier: root }));

    // Assess
    expect(differences?.map((d) => d.afterBlob?.mode)).toEqual(['100755', '100644']);
    expect(differences?.[0]?.afterBlob?.blobId).toBe(differences?.[1]?.afterBlob?.blobId);
  });
});

describe('toGitDate', () => {
  it('writes seconds since the epoch and the offset, and keeps git dates as they are', () => {
    // Assess
    expect(toGitDate('2017-01-11T20:49:58Z', '-0800')).toBe('1484167798 -0800');
    expect(toGitDate(new Date(0))).toBe('0 +0000');
    expect(toGitDate('1508280564 -0800')).toBe('1508280564 -0800');
    expect(() => toGitDate('yesterday')).toThrow(/Not a date/);
  });
});

describe('demoCodeCommitWorld', () => {
  const fixtureCommits: [string, string][] = [
    ['test', '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe'],
    ['test', 'b74b1c26a4e8eca11baf89a40408c073be0ed38b'],
    ['test', '271ac08cc18df57fc185c47c8a23a01115e283e4'],
    ['lambda-pipeline-repo', '5e493c6f3067653f3d04eca608b4901eb227078'],
    ['my-repo', '5c4ef1049f1d27deadbeeff313e0730018be182b'],
    ['MyDemoRepo', '3e5983DESTINATION'],
    ['MyDemoRepo', '7f0103fMERGE'],
  ];

  it.each(fixtureCommits)('knows %s commit %s from the bundled samples', async (repositoryName, commitId) => {
    // Prepare
    const client = await clientFor(demoCodeCommitWorld());

    // Act
    const { commit } = await client.send(new GetCommitCommand({ repositoryName, commitId }));

    // Assess
    expect(commit?.commitId).toBe(commitId);
    expect(commit?.message).not.toBe('');
    expect(commit?.author?.date).toMatch(/^\d+ [+-]\d{4}$/);
  });

  it('has a merge commit, a root commit and a commit of 130 files over several pages', async () => {
    // Prepare
    const client = await clientFor(demoCodeCommitWorld());
    const commit = (repositoryName: string, commitId: string) => client.send(new GetCommitCommand({ repositoryName, commitId }));
    const changeTypes: string[] = [];
    let NextToken: string | undefined;

    // Act
    const merge = await commit('test', '271ac08cc18df57fc185c47c8a23a01115e283e4');
    const pullRequestMerge = await commit('MyDemoRepo', '7f0103fMERGE');
    const rootCommit = await commit('my-repo', '5c4ef1049f1d27deadbeeff313e0730018be182b');
    const big = await commit('lambda-pipeline-repo', '5e493c6f3067653f3d04eca608b4901eb227078');
    do {
      const page = await client.send(
        new GetDifferencesCommand({
          repositoryName: 'lambda-pipeline-repo',
          beforeCommitSpecifier: big.commit?.parents?.[0],
          afterCommitSpecifier: '5e493c6f3067653f3d04eca608b4901eb227078',
          NextToken,
        }),
      );
      changeTypes.push(...(page.differences ?? []).map((d) => d.changeType ?? '?'));
      NextToken = page.NextToken;
    } while (NextToken);

    // Assess
    expect(merge.commit?.parents).toEqual(['404dc3fa9085aeff978d5b3ec81d7f0a6a560afe', 'b74b1c26a4e8eca11baf89a40408c073be0ed38b']);
    expect(pullRequestMerge.commit?.parents).toEqual(['3e5983DESTINATION', '26a8f2SOURCE']);
    expect(rootCommit.commit?.parents).toEqual([]);
    expect(changeTypes).toHaveLength(130);
    expect(changeTypes.filter((t) => t === 'A')).toHaveLength(124);
    expect(changeTypes.filter((t) => t === 'M')).toHaveLength(4);
    expect(changeTypes.filter((t) => t === 'D')).toHaveLength(2);
    expect(standIn?.calls.filter((call) => call.target === codeCommitTarget('GetDifferences'))).toHaveLength(2);
  });

  it('has no repository for the redacted sample', async () => {
    // Prepare
    const client = await clientFor(demoCodeCommitWorld());

    // Act
    const redacted = client.send(new GetCommitCommand({ repositoryName: 'xxxx', commitId: 'xxxxxxxxxxxxxxxxx' }));

    // Assess
    await expect(redacted).rejects.toMatchObject({ name: 'RepositoryDoesNotExistException' });
  });
});
