import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsStandIn } from '@herald/testing';
import { demoCodeCommitWorld, startCodeCommitStandIn } from '@herald/testing';
import { cachedCodeCommitClientRegions, codeCommitClientFor } from '../../src/codecommit-clients.ts';
import { createCodeCommitEnricher } from '../../src/index.ts';
import { pushEventFromFixture } from '../support/push-events.ts';
import { testCredentials } from '../support/stand-in.ts';

let standIn: AwsStandIn;

beforeAll(async () => {
  standIn = await startCodeCommitStandIn(demoCodeCommitWorld());
  vi.stubEnv('AWS_ENDPOINT_URL', standIn.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', testCredentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', testCredentials.secretAccessKey);
  vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await standIn.close();
});

describe('createCodeCommitEnricher with its default clients', () => {
  it('uses the standard SDK configuration, AWS_ENDPOINT_URL included, and one client per region', async () => {
    // Prepare
    const enricher = createCodeCommitEnricher();
    const inUsEast1 = pushEventFromFixture('codecommit/codecommit-trigger-sns-http-push.json');
    const inUsEast2 = pushEventFromFixture('codecommit/codecommit-eventbridge-reference-created-awsdocs.json');

    // Act
    const first = await enricher.enrichPush(inUsEast1);
    const clientAfterFirst = codeCommitClientFor('us-east-1');
    await enricher.enrichPush(inUsEast2);
    const second = await createCodeCommitEnricher().enrichPush(inUsEast1);

    // Assess
    expect(first.references[0]?.commit?.title).toBe('Read the listen address from PORT');
    expect(second.references[0]?.missing).toEqual([]);
    expect(cachedCodeCommitClientRegions()).toEqual(['us-east-1', 'us-east-2']);
    expect(codeCommitClientFor('us-east-1')).toBe(clientAfterFirst);
    expect(standIn.calls.map((call) => call.region)).toEqual(['us-east-1', 'us-east-1', 'us-east-2', 'us-east-2', 'us-east-1', 'us-east-1']);
  });
});
