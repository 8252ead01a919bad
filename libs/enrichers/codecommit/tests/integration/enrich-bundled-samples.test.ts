import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceEnrichment } from '@herald/model';
import type { AwsStandIn } from '@herald/testing';
import { demoCodeCommitWorld, fakeCommitId, startCodeCommitStandIn } from '@herald/testing';
import { createCodeCommitEnricher } from '../../src/index.ts';
import { pushEventFromFixture } from '../support/push-events.ts';
import { callsOf, isoTimeOrNothing, standInClientFor } from '../support/stand-in.ts';

let standIn: AwsStandIn;

beforeAll(async () => {
  standIn = await startCodeCommitStandIn(demoCodeCommitWorld());
});

beforeEach(() => {
  standIn.calls.length = 0;
});

afterAll(async () => {
  await standIn.close();
});

async function enrichFixture(fixture: string): Promise<{ reference: ReferenceEnrichment | undefined; region: string }> {
  const event = pushEventFromFixture(`codecommit/${fixture}`);
  const enrichment = await createCodeCommitEnricher({ clientFor: standInClientFor(standIn) }).enrichPush(event);
  expect(enrichment.references).toHaveLength(event.references.length);
  return { reference: enrichment.references[0], region: event.region };
}

const readPort = {
  commitId: '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe',
  title: 'Read the listen address from PORT',
  body: 'Fall back to :8080 when PORT is unset so local runs keep working.\nCloses #12.',
  author: expect.objectContaining({ name: 'Jorge Souza', email: 'jorge_souza@example.com' }),
  parents: [fakeCommitId('test: health check')],
};
const readPortFiles = {
  files: [
    { path: 'README.md', change: 'modified' },
    { path: 'config/config.go', change: 'added' },
    { path: 'config/config_test.go', change: 'added' },
    { path: 'main.go', change: 'modified' },
  ],
  counts: { added: 2, modified: 2, deleted: 0 },
  total: 4,
  totalIsLowerBound: false,
  comparedWith: fakeCommitId('test: health check'),
};

describe('createCodeCommitEnricher with the bundled CodeCommit samples', () => {
  it('enriches a push to master received through SNS over HTTP', async () => {
    // Act
    const { reference, region } = await enrichFixture('codecommit-trigger-sns-http-push.json');

    // Assess
    expect(reference).toEqual({ fullName: 'refs/heads/master', commit: expect.objectContaining(readPort), files: readPortFiles, missing: [] });
    expect(reference?.commit?.author?.date).toBe(isoTimeOrNothing('1612774297 -0300'));
    expect(reference?.commit?.committer).toEqual(reference?.commit?.author);
    expect(reference?.log).toBeUndefined();
    expect(callsOf(standIn, 'GetCommit')).toHaveLength(1);
    expect(callsOf(standIn, 'GetDifferences')).toHaveLength(1);
    expect(standIn.calls.every((call) => call.region === region)).toBe(true);
  });

  it('enriches a created branch like any other reference', async () => {
    // Act
    const { reference } = await enrichFixture('codecommit-trigger-sns-http-branch-create.json');

    // Assess
    expect(reference).toEqual({ fullName: 'refs/heads/test', commit: expect.objectContaining(readPort), files: readPortFiles, missing: [] });
  });

  it('makes no call for a deleted branch', async () => {
    // Act
    const { reference } = await enrichFixture('codecommit-trigger-sns-http-branch-delete.json');

    // Assess
    expect(reference).toEqual({ fullName: 'refs/heads/test', missing: [] });
    expect(standIn.calls).toHaveLength(0);
  });

  it('compares a tagged merge commit with its first parent', async () => {
    // Act
    const { reference } = await enrichFixture('codecommit-trigger-sns-http-tag-create.json');

    // Assess
    expect(reference?.commit).toMatchObject({
      title: "Merge branch 'test'",
      body: 'Brings request logging into the 1.0 release.',
      parents: ['404dc3fa9085aeff978d5b3ec81d7f0a6a560afe', 'b74b1c26a4e8eca11baf89a40408c073be0ed38b'],
    });
    expect(reference?.files).toEqual({
      files: [
        { path: 'CHANGELOG.md', change: 'added' },
        { path: 'main.go', change: 'modified' },
        { path: 'middleware/logging.go', change: 'added' },
        { path: 'middleware/logging_test.go', change: 'added' },
      ],
      counts: { added: 3, modified: 1, deleted: 0 },
      total: 4,
      totalIsLowerBound: false,
      comparedWith: '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe',
    });
    expect(callsOf(standIn, 'GetDifferences')[0]?.input).toMatchObject({
      beforeCommitSpecifier: '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe',
      afterCommitSpecifier: '271ac08cc18df57fc185c47c8a23a01115e283e4',
    });
  });

  it('names the missing repository of the redacted sample', async () => {
    // Act
    const { reference } = await enrichFixture('codecommit-trigger-sns-sqs-push-customdata-empty.json');

    // Assess
    expect(reference).toEqual({
      fullName: 'refs/heads/master',
      missing: ['commit details: repository not found (RepositoryDoesNotExistException)'],
    });
    expect(callsOf(standIn, 'GetDifferences')).toHaveLength(0);
  });

  it('pages through the 130 files of the Lambda guide sample and lists the first 20', async () => {
    // Act
    const { reference, region } = await enrichFixture('codecommit-trigger-lambda-direct-push-awsdocs.json');

    // Assess
    expect(reference?.commit?.title).toBe('Vendor the observability layer');
    expect(reference?.commit?.committer?.name).toBe('Martha Rivera');
    expect(reference?.files).toMatchObject({ total: 130, counts: { added: 124, modified: 4, deleted: 2 }, totalIsLowerBound: false });
    expect(reference?.files?.files).toHaveLength(20);
    expect(callsOf(standIn, 'GetDifferences').map((call) => call.input['MaxResults'])).toEqual([100, 100]);
    expect(region).toBe('us-east-2');
    expect(standIn.calls.map((call) => call.region)).toEqual(['us-east-2', 'us-east-2', 'us-east-2']);
  });

  it('lists every file of the root commit named by the console test trigger as added', async () => {
    // Act
    const { reference, region } = await enrichFixture('codecommit-trigger-lambda-direct-test-trigger.json');

    // Assess
    expect(reference?.commit).toMatchObject({ title: 'Initial commit', body: "Scaffold the service from the team's template.", parents: [] });
    expect(reference?.files).toMatchObject({ total: 7, counts: { added: 7, modified: 0, deleted: 0 }, totalIsLowerBound: false });
    expect(reference?.files).not.toHaveProperty('comparedWith');
    expect(callsOf(standIn, 'GetDifferences')[0]?.input).not.toHaveProperty('beforeCommitSpecifier');
    expect(standIn.calls.every((call) => call.region === region && region === 'eu-central-1')).toBe(true);
  });

  it('enriches a branch created as EventBridge reports it', async () => {
    // Act
    const { reference } = await enrichFixture('codecommit-eventbridge-reference-created-awsdocs.json');

    // Assess
    expect(reference).toMatchObject({
      fullName: 'refs/heads/myBranch',
      commit: { commitId: '3e5983DESTINATION', title: 'Document the deployment steps', body: '' },
      files: { files: [{ path: 'README.md', change: 'modified' }, { path: 'docs/deploy.md', change: 'added' }], total: 2 },
      missing: [],
    });
    expect(reference?.log).toBeUndefined();
  });

  it('adds the log of a pull-request merge that EventBridge reports as an update', async () => {
    // Act
    const { reference } = await enrichFixture('codecommit-eventbridge-reference-updated-awsdocs.json');

    // Assess
    expect(reference?.commit).toMatchObject({
      commitId: '7f0103fMERGE',
      title: 'Merged pull request 42: Validate order quantities',
      parents: ['3e5983DESTINATION', '26a8f2SOURCE'],
    });
    expect(reference?.files?.files).toEqual([
      { path: 'src/orders.ts', change: 'modified' },
      { path: 'src/validate.ts', change: 'added' },
      { path: 'tests/validate.test.ts', change: 'added' },
    ]);
    expect(reference?.files?.comparedWith).toBe('3e5983DESTINATION');
    expect(reference?.log).toEqual({ commits: [reference?.commit], truncated: false });
    expect(reference?.missing).toEqual([]);
    expect(callsOf(standIn, 'GetCommit')).toHaveLength(1);
  });
});
