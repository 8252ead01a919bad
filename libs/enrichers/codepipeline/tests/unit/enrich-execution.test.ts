import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  type GetPipelineExecutionCommandOutput,
} from '@aws-sdk/client-codepipeline';
import { createCodePipelineEnricher } from '../../src/index.ts';
import { pipelineEvent } from '../support/events.ts';

const codePipeline = mockClient(CodePipelineClient);
const client = new CodePipelineClient({ region: 'us-west-2' });

afterEach(() => {
  codePipeline.reset();
});

const failedEvent = pipelineEvent({ pipeline: 'myPipeline', executionId: '12345678-1234-5678-abcd-12345678abcd', state: 'failed', rawState: 'FAILED' });

describe('createCodePipelineEnricher: enrichExecution', () => {
  it('asks for the failed action without waiting for the revision', async () => {
    // Prepare
    let answerExecution: (output: GetPipelineExecutionCommandOutput) => void = () => undefined;
    const execution = new Promise<GetPipelineExecutionCommandOutput>((resolve) => (answerExecution = resolve));
    codePipeline.on(GetPipelineExecutionCommand).callsFake(() => execution);
    codePipeline.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [{ stageName: 'Deploy', actionName: 'Deploy', status: 'Failed' }] });
    const enricher = createCodePipelineEnricher({ clientFor: () => client });

    // Act
    const enrichment = enricher.enrichExecution(failedEvent);
    await vi.waitFor(() => expect(codePipeline.commandCalls(ListActionExecutionsCommand)).toHaveLength(1));
    answerExecution({ $metadata: {}, pipelineExecution: { status: 'Failed', artifactRevisions: [{ name: 'SourceArtifact', revisionId: 'abc' }] } });

    // Assess
    expect(await enrichment).toEqual({
      kind: 'codepipeline.execution',
      revisions: [{ action: 'SourceArtifact', revisionId: 'abc' }],
      execution: { status: 'Failed' },
      failure: { stage: 'Deploy', action: 'Deploy' },
      missing: [],
    });
    expect(codePipeline.commandCalls(GetPipelineExecutionCommand)).toHaveLength(1);
    expect(codePipeline.commandCalls(GetPipelineStateCommand)).toHaveLength(0);
  });

  it('stops paging once the failed action is found', async () => {
    // Prepare
    codePipeline
      .on(ListActionExecutionsCommand)
      .resolvesOnce({ actionExecutionDetails: [{ stageName: 'Deploy', actionName: 'Deploy', status: 'Succeeded' }], nextToken: 'page-2' })
      .resolvesOnce({ actionExecutionDetails: [{ stageName: 'Build', actionName: 'Build', status: 'Failed' }], nextToken: 'page-3' })
      .resolves({ actionExecutionDetails: [] });
    codePipeline.on(GetPipelineExecutionCommand).resolves({ pipelineExecution: {} });
    const enricher = createCodePipelineEnricher({ clientFor: () => client });

    // Act
    const { failure } = await enricher.enrichExecution(failedEvent);

    // Assess
    expect(failure).toEqual({ stage: 'Build', action: 'Build' });
    expect(codePipeline.commandCalls(ListActionExecutionsCommand).map((call) => call.args[0].input.nextToken)).toEqual([undefined, 'page-2']);
  });

  it('keeps a JSON trigger detail as text and leaves out what AWS did not say', async () => {
    // Prepare
    const detail = '{"connectionArn":"arn:aws:codestar-connections:us-west-2:123456789012:connection/abc","branch":"main"}';
    codePipeline.on(GetPipelineExecutionCommand).resolves({ pipelineExecution: { trigger: { triggerType: 'WebhookV2', triggerDetail: detail } } });
    const enricher = createCodePipelineEnricher({ clientFor: () => client });

    // Act
    const enrichment = await enricher.enrichExecution(pipelineEvent({ pipeline: 'p', executionId: 'e' }));

    // Assess
    expect(enrichment).toEqual({ kind: 'codepipeline.execution', revisions: [], execution: { trigger: { type: 'WebhookV2', detail } }, missing: [] });
  });

  it('names an answer without an execution as incomplete', async () => {
    // Prepare
    codePipeline.on(GetPipelineExecutionCommand).resolves({});
    const enricher = createCodePipelineEnricher({ clientFor: () => client });

    // Act
    const { missing } = await enricher.enrichExecution(pipelineEvent({ pipeline: 'p', executionId: 'e' }));

    // Assess
    expect(missing).toEqual(['source revision: incomplete answer (IncompleteAnswerError)']);
  });

  it('creates the region’s client once per event, and never rejects when it cannot', async () => {
    // Prepare
    const clientFor = vi.fn((region: string): CodePipelineClient => {
      throw Object.assign(new Error(`no client for ${region}`), { name: 'ConfigurationError' });
    });
    const enricher = createCodePipelineEnricher({ clientFor });

    // Act
    const enrichment = await enricher.enrichExecution({ ...failedEvent, region: 'eu-south-2' });

    // Assess
    expect(enrichment.missing).toEqual(['source revision: unexpected error (ConfigurationError)', 'failure details: unexpected error (ConfigurationError)']);
    expect(clientFor.mock.calls).toEqual([['eu-south-2'], ['eu-south-2']]);
  });
});
