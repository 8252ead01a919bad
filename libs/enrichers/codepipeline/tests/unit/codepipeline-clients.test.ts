import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CodePipelineClient, GetPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { cachedCodePipelineClientRegions, codePipelineClientFor } from '../../src/codepipeline-clients.ts';
import { createCodePipelineEnricher } from '../../src/index.ts';
import { pipelineEvent } from '../support/events.ts';

const codePipeline = mockClient(CodePipelineClient);

afterEach(() => {
  codePipeline.reset();
});

describe('codePipelineClientFor', () => {
  it('creates one client per region and reuses it across events', async () => {
    // Prepare
    codePipeline.on(GetPipelineExecutionCommand).resolves({ pipelineExecution: { status: 'Succeeded', artifactRevisions: [] } });
    const enricher = createCodePipelineEnricher();
    const started = (region: string) => pipelineEvent({ pipeline: 'p', executionId: 'e', region });

    // Act
    await enricher.enrichExecution(started('eu-west-1'));
    await enricher.enrichExecution(started('us-west-2'));
    await createCodePipelineEnricher().enrichExecution(started('eu-west-1'));

    // Assess
    expect(cachedCodePipelineClientRegions()).toEqual(['eu-west-1', 'us-west-2']);
    const clientsUsed = codePipeline.commandCalls(GetPipelineExecutionCommand).map((call) => call.thisValue as unknown);
    expect(clientsUsed).toEqual([codePipelineClientFor('eu-west-1'), codePipelineClientFor('us-west-2'), codePipelineClientFor('eu-west-1')]);
    expect(await codePipelineClientFor('us-west-2').config.region()).toBe('us-west-2');
  });
});
