import { describe, expect, it } from 'vitest';
import { loadFixture } from '@herald/testing';
import { decodeRevisionSummary, splitCommitMessage, toSourceRevision } from '../../src/source-revision.ts';

interface ExecutionSample {
  pipelineExecution: { artifactRevisions: { name: string; revisionId: string; revisionSummary: string; revisionUrl?: string }[] };
}

describe('decodeRevisionSummary', () => {
  it('reads the commit message and provider out of a CodeStar connection summary', () => {
    // Prepare
    const summary = '{"ProviderType":"Bitbucket","CommitMessage":"Fix the build\\n\\nThe cache key missed the lock file."}';

    // Act
    const decoded = decodeRevisionSummary(summary);

    // Assess
    expect(decoded).toEqual({ message: 'Fix the build\n\nThe cache key missed the lock file.', provider: 'Bitbucket' });
  });

  it('keeps a CodeCommit message, one that only starts with a brace, and JSON that is not a connection summary', () => {
    // Prepare
    const summaries = ['Added LICENSE.txt', '{WIP} try the new cache', '{"unrelated":true}', '["a"]'];

    // Act
    const decoded = summaries.map(decodeRevisionSummary);

    // Assess
    expect(decoded).toEqual(summaries.map((message) => ({ message })));
  });

  it('gives an empty message when the connection summary has none', () => {
    // Prepare
    const summary = '{"ProviderType":"GitHub"}';

    // Act
    const decoded = decodeRevisionSummary(summary);

    // Assess
    expect(decoded).toEqual({ message: '', provider: 'GitHub' });
  });
});

describe('splitCommitMessage', () => {
  it('splits the title from the trimmed body, whatever the line endings', () => {
    // Prepare
    const message = '  Fix the build\r\n\r\nThe cache key missed the lock file.\r\n\r\n';

    // Act
    const split = splitCommitMessage(message, 10);

    // Assess
    expect(split).toEqual({ title: 'Fix the build', body: 'The cache key missed the lock file.' });
  });

  it('keeps at most maxLines lines of the body, then "…"', () => {
    // Prepare
    const body = Array.from({ length: 14 }, (_, i) => `line ${i + 1}`).join('\n');

    // Act
    const [capped, exact] = [splitCommitMessage(`Title\n\n${body}`, 10), splitCommitMessage(`Title\n${body}`, 14)];

    // Assess
    expect(capped.body.split('\n')).toEqual([...Array.from({ length: 10 }, (_, i) => `line ${i + 1}`), '…']);
    expect(exact.body).toBe(body);
  });

  it('has no body for a one-line message', () => {
    // Prepare
    const message = 'Bump the version';

    // Act
    const split = splitCommitMessage(message, 10);

    // Assess
    expect(split).toEqual({ title: 'Bump the version', body: '' });
  });
});

describe('toSourceRevision', () => {
  it('turns the documented GitHub artifact revision into the commit with its web page', () => {
    // Prepare
    const sample = loadFixture<ExecutionSample>('api/codepipeline-getpipelineexecution-response-awsdocs-revisionurl.json');

    // Act
    const revision = toSourceRevision(sample.pipelineExecution.artifactRevisions[0]!, 10);

    // Assess
    expect(revision).toEqual({
      action: 'MyApp',
      revisionId: '7636d59f3c461cEXAMPLE8417dbc6371',
      title: 'Updating the application for feature 12-4820',
      url: 'https://github.com/anycompany/MyApp/commit/7636d59f3c461cEXAMPLE8417dbc6371',
      repository: 'anycompany/MyApp',
      provider: 'GitHub',
    });
  });

  it('keeps what it has when the revision has no link and no summary', () => {
    // Prepare
    const sample = loadFixture<ExecutionSample>('api/codepipeline-getpipelineexecution-response-awsdocs.json');
    const { name, revisionId } = sample.pipelineExecution.artifactRevisions[0]!;

    // Act
    const [withSummary, bare] = [toSourceRevision(sample.pipelineExecution.artifactRevisions[0]!, 10), toSourceRevision({ name, revisionId }, 10)];

    // Assess
    expect(withSummary).toEqual({ action: 'MyApp', revisionId: '7636d59f3c461cEXAMPLE8417dbc6371', title: 'Updating the application for feature 12-4820' });
    expect(bare).toEqual({ action: 'MyApp', revisionId: '7636d59f3c461cEXAMPLE8417dbc6371' });
  });

  it('drops the body when no body lines are wanted, and links that are not web pages', () => {
    // Prepare
    const facts = { name: 'Source', revisionId: 'abc', revisionSummary: 'Title\n\nBody', revisionUrl: 'javascript:alert(1)' };

    // Act
    const revision = toSourceRevision(facts, 0);

    // Assess
    expect(revision).toEqual({ action: 'Source', revisionId: 'abc', title: 'Title' });
  });
});
