import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CodeCommitClient, GetCommitCommand, GetDifferencesCommand } from '@aws-sdk/client-codecommit';
import { cachedCodeCommitClientRegions, codeCommitClientFor } from '../../src/codecommit-clients.ts';
import { createCodeCommitEnricher } from '../../src/index.ts';
import { pushEvent, reference } from '../support/push-events.ts';

const codeCommit = mockClient(CodeCommitClient);

afterEach(() => {
  codeCommit.reset();
});

describe('codeCommitClientFor', () => {
  it('creates one client per region and reuses it across pushes', async () => {
    // Prepare
    codeCommit.on(GetCommitCommand).resolves({ commit: { commitId: 'abc', message: 'Title', parents: [] } });
    codeCommit.on(GetDifferencesCommand).resolves({ differences: [] });
    const enricher = createCodeCommitEnricher();
    const push = (region: string) => pushEvent('r', [reference('refs/heads/main', 'updated', 'abc')], region);

    // Act
    await enricher.enrichPush(push('eu-west-1'));
    await enricher.enrichPush(push('us-west-2'));
    await createCodeCommitEnricher().enrichPush(push('eu-west-1'));

    // Assess
    expect(cachedCodeCommitClientRegions()).toEqual(['eu-west-1', 'us-west-2']);
    const clientsUsed = codeCommit.commandCalls(GetCommitCommand).map((call) => call.thisValue as unknown);
    expect(clientsUsed).toEqual([codeCommitClientFor('eu-west-1'), codeCommitClientFor('us-west-2'), codeCommitClientFor('eu-west-1')]);
    expect(await codeCommitClientFor('us-west-2').config.region()).toBe('us-west-2');
  });
});
