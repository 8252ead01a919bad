import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AwsStandIn } from '@herald/testing';
import { cachedCodePipelineClientRegions, codePipelineClientFor } from '../../src/codepipeline-clients.ts';
import { createCodePipelineEnricher } from '../../src/index.ts';
import { pipelineEventFromFixture } from '../support/events.ts';
import { demoCodePipelineWorld, startCodePipelineStandIn, testCredentials } from '../support/stand-in.ts';

let standIn: AwsStandIn;

beforeAll(async () => {
  standIn = await startCodePipelineStandIn(demoCodePipelineWorld());
  vi.stubEnv('AWS_ENDPOINT_URL', standIn.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', testCredentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', testCredentials.secretAccessKey);
  vi.stubEnv('AWS_MAX_ATTEMPTS', '1');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await standIn.close();
});

describe('createCodePipelineEnricher with its default clients', () => {
  it('uses the standard SDK configuration, AWS_ENDPOINT_URL included, and one client per region', async () => {
    // Prepare
    const enricher = createCodePipelineEnricher();
    const inUsWest2 = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-action-failed-awsdocs.json');
    const inApSoutheast2 = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-stage-failed-codebuild-meerkat.json');

    // Act
    const first = await enricher.enrichExecution(inUsWest2);
    const clientAfterFirst = codePipelineClientFor('us-west-2');
    await enricher.enrichExecution(inApSoutheast2);
    const second = await createCodePipelineEnricher().enrichExecution(inUsWest2);

    // Assess
    expect(first.revisions[0]?.title).toBe('Added LICENSE.txt');
    expect(first.failure?.code).toBe('JobFailed');
    expect(second.missing).toEqual([]);
    expect(cachedCodePipelineClientRegions()).toEqual(['us-west-2', 'ap-southeast-2']);
    expect(codePipelineClientFor('us-west-2')).toBe(clientAfterFirst);
    expect(standIn.calls.map((call) => call.region)).toEqual(['us-west-2', 'us-west-2', 'ap-southeast-2', 'ap-southeast-2', 'us-west-2', 'us-west-2']);
  });
});
