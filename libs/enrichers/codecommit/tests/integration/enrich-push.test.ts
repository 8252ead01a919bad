import { afterEach, describe, expect, it } from 'vitest';
import { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { startAwsStandIn, type AwsStandIn } from '@herald/testing';
import {
  CodeCommitWorld,
  codeCommitHandlers,
  codeCommitTarget,
  fakeCommitId,
  startCodeCommitStandIn,
  type CodeCommitCommitSpec,
  type CodeCommitPersonSpec,
} from '@herald/testing';
import { createCodeCommitEnricher, type CodeCommitEnricherOptions } from '../../src/index.ts';
import { pushEvent, reference } from '../support/push-events.ts';
import { callsOf, standInClientFor, testCredentials } from '../support/stand-in.ts';

const author: CodeCommitPersonSpec = { name: 'Li Juan', email: 'li_juan@example.com', date: '2024-05-02T09:30:00Z', timezone: '+0800' };
const id = (n: number) => fakeCommitId(`chain ${n}`);

/** A repository whose commit `n` adds `file-n.txt` on top of commit `n - 1`. */
function chainWorld(length: number): CodeCommitWorld {
  const commits: CodeCommitCommitSpec[] = Array.from({ length }, (_, n) => ({
    id: id(n),
    parents: n === 0 ? [] : [id(n - 1)],
    message: `Change ${n}\n\nBody of change ${n}.`,
    author,
    ...(n === 0 ? { files: { 'README.md': '# chain\n' } } : { changes: { [`file-${n}.txt`]: `${n}\n` } }),
  }));
  return new CodeCommitWorld().addRepository({ name: 'chain', branches: { main: id(length - 1) }, commits });
}

/** A repository whose second commit adds `count` files. */
function wideWorld(count: number): CodeCommitWorld {
  const files = Object.fromEntries(Array.from({ length: count }, (_, i) => [`src/generated/file-${String(i).padStart(4, '0')}.ts`, `${i}\n`]));
  return new CodeCommitWorld().addRepository({
    name: 'wide',
    commits: [
      { id: id(0), message: 'Initial commit', author, files: { 'README.md': '# wide\n' } },
      { id: id(1), parents: [id(0)], message: 'Generate the client', author, changes: files },
    ],
  });
}

let standIn: AwsStandIn | undefined;

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function enricherFor(world: CodeCommitWorld, options: CodeCommitEnricherOptions = {}) {
  standIn = await startCodeCommitStandIn(world);
  return { enricher: createCodeCommitEnricher({ clientFor: standInClientFor(standIn), ...options }), standIn };
}

describe('createCodeCommitEnricher: changed files', () => {
  it('pages through the changed files with NextToken, 100 at a time', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(wideWorld(250));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('wide', [reference('refs/heads/main', 'updated', id(1))]));

    // Assess
    const calls = callsOf(standIn, 'GetDifferences');
    expect(calls).toHaveLength(3);
    expect(calls.map((call) => call.input['MaxResults'])).toEqual([100, 100, 100]);
    expect(calls.map((call) => typeof call.input['NextToken'])).toEqual(['undefined', 'string', 'string']);
    expect(references[0]?.files).toMatchObject({ total: 250, counts: { added: 250, modified: 0, deleted: 0 }, totalIsLowerBound: false });
    expect(references[0]?.files?.files).toHaveLength(20);
    expect(references[0]?.files?.files[0]).toEqual({ path: 'src/generated/file-0000.ts', change: 'added' });
  });

  it('stops paging at maxFilesCounted and reports the total as a lower bound', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(wideWorld(450), { maxFilesCounted: 250, maxFilesListed: 5 });

    // Act
    const { references } = await enricher.enrichPush(pushEvent('wide', [reference('refs/heads/main', 'updated', id(1))]));

    // Assess
    expect(callsOf(standIn, 'GetDifferences').map((call) => call.input['MaxResults'])).toEqual([100, 100, 50]);
    expect(references[0]?.files).toMatchObject({ total: 250, counts: { added: 250 }, totalIsLowerBound: true });
    expect(references[0]?.files?.files).toHaveLength(5);
  });

  it('counts up to 300 files by default', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(wideWorld(450));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('wide', [reference('refs/heads/main', 'updated', id(1))]));

    // Assess
    expect(callsOf(standIn, 'GetDifferences')).toHaveLength(3);
    expect(references[0]?.files).toMatchObject({ total: 300, totalIsLowerBound: true });
  });

  it('compares a root commit with nothing: every file is added', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(1));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'created', id(0))]));

    // Assess
    expect(callsOf(standIn, 'GetDifferences')[0]?.input).toEqual({ repositoryName: 'chain', afterCommitSpecifier: id(0), MaxResults: 100 });
    expect(references[0]?.files).toEqual({
      files: [{ path: 'README.md', change: 'added' }],
      counts: { added: 1, modified: 0, deleted: 0 },
      total: 1,
      totalIsLowerBound: false,
    });
  });

  it('compares a merge commit with its first parent', async () => {
    // Prepare
    const main = fakeCommitId('main'), feature = fakeCommitId('feature'), merge = fakeCommitId('merge');
    const world = new CodeCommitWorld().addRepository({
      name: 'r',
      commits: [
        { id: main, message: 'Main', author, files: { 'a.txt': 'a', 'gone.txt': 'x' } },
        { id: feature, message: 'Feature', author, files: { 'a.txt': 'a', 'b.txt': 'b' } },
        { id: merge, parents: [main, feature], message: 'Merge feature', author, files: { 'a.txt': 'a2', 'b.txt': 'b' } },
      ],
    });
    const { enricher, standIn } = await enricherFor(world);

    // Act
    const { references } = await enricher.enrichPush(pushEvent('r', [reference('refs/heads/main', 'updated', merge)]));

    // Assess
    expect(callsOf(standIn, 'GetDifferences')[0]?.input['beforeCommitSpecifier']).toBe(main);
    expect(references[0]?.commit?.parents).toEqual([main, feature]);
    expect(references[0]?.files?.files).toEqual([
      { path: 'a.txt', change: 'modified' },
      { path: 'b.txt', change: 'added' },
      { path: 'gone.txt', change: 'deleted' },
    ]);
  });
});

describe('createCodeCommitEnricher: commit log', () => {
  it('lists the commits between the old and the new commit, newest first', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(5));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(4), id(1))]));

    // Assess
    expect(references[0]?.log?.commits.map((commit) => commit.title)).toEqual(['Change 4', 'Change 3', 'Change 2']);
    expect(references[0]?.log?.truncated).toBe(false);
    expect(references[0]?.log?.commits[0]).toBe(references[0]?.commit);
    expect(callsOf(standIn, 'GetCommit').map((call) => call.input['commitId'])).toEqual([id(4), id(3), id(2)]);
  });

  it('stops at maxLogCommits and says the log is truncated', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(15));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(14), id(0))]));

    // Assess
    expect(references[0]?.log?.commits).toHaveLength(10);
    expect(references[0]?.log?.commits.at(-1)?.title).toBe('Change 5');
    expect(references[0]?.log?.truncated).toBe(true);
    expect(callsOf(standIn, 'GetCommit')).toHaveLength(10);
  });

  it('stops at a root commit when the old commit is not an ancestor', async () => {
    // Prepare
    const { enricher } = await enricherFor(chainWorld(3), { maxLogCommits: 5 });

    // Act
    const { references } = await enricher.enrichPush(
      pushEvent('chain', [reference('refs/heads/main', 'updated', id(2), fakeCommitId('force-pushed away'))]),
    );

    // Assess
    expect(references[0]?.log).toMatchObject({ truncated: false });
    expect(references[0]?.log?.commits.map((commit) => commit.title)).toEqual(['Change 2', 'Change 1', 'Change 0']);
  });

  it('keeps the commits read so far when a parent cannot be read', async () => {
    // Prepare
    const world = chainWorld(5).failNext('GetCommit', { type: 'AccessDeniedException', after: 2 });
    const { enricher } = await enricherFor(world);

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(4), id(0))]));

    // Assess
    expect(references[0]?.log).toMatchObject({ truncated: true });
    expect(references[0]?.log?.commits).toHaveLength(2);
    expect(references[0]?.missing).toEqual(['commit log: access denied (AccessDeniedException)']);
  });
});

describe('createCodeCommitEnricher: calls', () => {
  it('makes no call at all for a deleted reference', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(2));

    // Act
    const enrichment = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/old', 'deleted', id(1))]));

    // Assess
    expect(enrichment).toEqual({ kind: 'codecommit.push', references: [{ fullName: 'refs/heads/old', missing: [] }] });
    expect(standIn.calls).toHaveLength(0);
  });

  it('fetches a commit named by two references once', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(2));

    // Act
    const { references } = await enricher.enrichPush(
      pushEvent('chain', [reference('refs/heads/release', 'created', id(1)), reference('refs/tags/v2.0', 'created', id(1))]),
    );

    // Assess
    expect(callsOf(standIn, 'GetCommit')).toHaveLength(1);
    expect(callsOf(standIn, 'GetDifferences')).toHaveLength(1);
    expect(references.map((r) => r.fullName)).toEqual(['refs/heads/release', 'refs/tags/v2.0']);
    expect(references[1]?.commit).toEqual(references[0]?.commit);
    expect(references[1]?.files).toEqual(references[0]?.files);
  });

  it('asks for the commits of several references in parallel', async () => {
    // Prepare
    const world = chainWorld(3);
    const handlers = codeCommitHandlers(world);
    const getCommit = handlers[codeCommitTarget('GetCommit')];
    let waiting = 0;
    let bothArrived = false;
    let releaseAll: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (releaseAll = resolve));
    standIn = await startAwsStandIn({
      ...handlers,
      [codeCommitTarget('GetCommit')]: async (input) => {
        waiting++;
        if (waiting === 2) {
          bothArrived = true;
          releaseAll();
        }
        await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        return getCommit?.(input);
      },
    });
    const enricher = createCodeCommitEnricher({ clientFor: standInClientFor(standIn) });

    // Act
    const { references } = await enricher.enrichPush(
      pushEvent('chain', [reference('refs/heads/main', 'updated', id(2)), reference('refs/heads/other', 'created', id(1))]),
    );

    // Assess
    expect(bothArrived).toBe(true);
    expect(standIn.calls.slice(0, 2).map((call) => call.target)).toEqual([codeCommitTarget('GetCommit'), codeCommitTarget('GetCommit')]);
    expect(references.map((r) => r.commit?.title)).toEqual(['Change 2', 'Change 1']);
  });

  it("sends every call to the event's region", async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(4));

    // Act
    await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(3), id(1))], 'ap-southeast-2'));

    // Assess
    expect(standIn.calls.length).toBeGreaterThan(2);
    expect(new Set(standIn.calls.map((call) => call.region))).toEqual(new Set(['ap-southeast-2']));
  });
});

describe('createCodeCommitEnricher: failures', () => {
  it('still compares with the old commit when GetCommit is denied on an update', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(4).failNext('GetCommit', 'AccessDeniedException'));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(3), id(1))]));

    // Assess
    expect(references[0]).toEqual({
      fullName: 'refs/heads/main',
      files: expect.objectContaining({ total: 2, comparedWith: id(1) }),
      missing: ['commit details: access denied (AccessDeniedException)'],
    });
    expect(callsOf(standIn, 'GetCommit')).toHaveLength(1);
  });

  it('names the denied commit details of a trigger, whose parent is then unknown', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(2).failNext('GetCommit', 'AccessDeniedException'));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(1))]));

    // Assess
    expect(references[0]).toEqual({ fullName: 'refs/heads/main', missing: ['commit details: access denied (AccessDeniedException)'] });
    expect(callsOf(standIn, 'GetDifferences')).toHaveLength(0);
  });

  it('keeps the commit when GetDifferences stays throttled after the SDK retried', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(chainWorld(2).failNext('GetDifferences', { type: 'ThrottlingException', times: 2 }));

    // Act
    const { references } = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(1))]));

    // Assess
    expect(callsOf(standIn, 'GetDifferences')).toHaveLength(2);
    expect(references[0]?.commit?.title).toBe('Change 1');
    expect(references[0]?.files).toBeUndefined();
    expect(references[0]?.missing).toEqual(['changed files: throttled (ThrottlingException)']);
  });

  it('keeps the files of the pages read when a later page fails', async () => {
    // Prepare
    const world = wideWorld(250).failNext('GetDifferences', { type: 'ThrottlingException', times: 2, after: 1 });
    const { enricher } = await enricherFor(world);

    // Act
    const { references } = await enricher.enrichPush(pushEvent('wide', [reference('refs/heads/main', 'updated', id(1))]));

    // Assess
    expect(references[0]?.files).toMatchObject({ total: 100, totalIsLowerBound: true });
    expect(references[0]?.missing).toEqual(['changed files after the first 100: throttled (ThrottlingException)']);
  });

  it('names a commit that does not exist, as a test trigger may send', async () => {
    // Prepare
    const { enricher } = await enricherFor(chainWorld(1));
    const event = { ...pushEvent('chain', [reference('refs/heads/master', 'updated', fakeCommitId('not pushed'))]), isTest: true };

    // Act
    const { references } = await enricher.enrichPush(event);

    // Assess
    expect(references[0]?.missing).toEqual(['commit details: commit not found (CommitIdDoesNotExistException)']);
  });

  it('names a malformed commit id instead of failing', async () => {
    // Prepare
    const { enricher } = await enricherFor(chainWorld(1));

    // Act
    const { references } = await enricher.enrichPush(
      pushEvent('chain', [reference('refs/heads/a', 'updated', 'xxxxxxxxxxxxxxxxx'), reference('refs/heads/b', 'updated', '')]),
    );

    // Assess
    expect(references.map((r) => r.missing)).toEqual([
      ['commit details: invalid commit id (InvalidCommitIdException)'],
      ['commit details: the event names no commit'],
    ]);
  });

  it('names a network failure without credentials or signatures, and never rejects', async () => {
    // Prepare
    const closed = await startAwsStandIn({});
    await closed.close();
    const enricher = createCodeCommitEnricher({
      clientFor: (region) => new CodeCommitClient({ region, endpoint: closed.url, credentials: testCredentials, maxAttempts: 1 }),
    });

    // Act
    const enrichment = await enricher.enrichPush(pushEvent('chain', [reference('refs/heads/main', 'updated', id(1), id(0))]));

    // Assess
    expect(enrichment.references[0]?.missing).toEqual(['commit details: network error (ECONNREFUSED)']);
    const text = JSON.stringify(enrichment);
    expect(text).not.toContain(testCredentials.accessKeyId);
    expect(text).not.toContain(testCredentials.secretAccessKey);
    expect(text).not.toMatch(/Signature|Credential=|Authorization/i);
  });

  it('never rejects when no client can be made for the region', async () => {
    // Prepare
    const enricher = createCodeCommitEnricher({
      clientFor: () => {
        throw new Error('Region is missing');
      },
    });

    // Act
    const enrichment = await enricher.enrichPush(
      pushEvent('chain', [reference('refs/heads/main', 'updated', id(1)), reference('refs/heads/gone', 'deleted', id(0))], ''),
    );

    // Assess
    expect(enrichment.references).toEqual([
      { fullName: 'refs/heads/main', missing: ['commit details: unexpected error'] },
      { fullName: 'refs/heads/gone', missing: [] },
    ]);
  });
});
