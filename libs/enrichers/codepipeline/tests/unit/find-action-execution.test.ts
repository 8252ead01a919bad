import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CodePipelineClient, ListActionExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { findActionExecution } from '../../src/find-action-execution.ts';

const codePipeline = mockClient(CodePipelineClient);
const client = new CodePipelineClient({ region: 'us-west-2' });

afterEach(() => {
  codePipeline.reset();
});

const deployedBy = (id: string) => ({ stageName: 'Deploy', actionName: 'Deploy', output: { executionResult: { externalExecutionId: id } } });

describe('findActionExecution', () => {
  it('reads at most maxPages pages', async () => {
    // Prepare
    let page = 0;
    codePipeline.on(ListActionExecutionsCommand).callsFake(() => ({ actionExecutionDetails: [deployedBy(`d-${page}`)], nextToken: `after-${++page}` }));

    // Act
    const found = await findActionExecution(client, { pipelineName: 'p', maxPages: 3, matches: (detail) => detail.output?.executionResult?.externalExecutionId === 'd-9' });

    // Assess
    expect(found).toBeUndefined();
    expect(codePipeline.commandCalls(ListActionExecutionsCommand).map((call) => call.args[0].input)).toEqual([
      { pipelineName: 'p', maxResults: 100, nextToken: undefined },
      { pipelineName: 'p', maxResults: 100, nextToken: 'after-1' },
      { pipelineName: 'p', maxResults: 100, nextToken: 'after-2' },
    ]);
  });

  it('stops when the token does not move on', async () => {
    // Prepare
    codePipeline.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [], nextToken: 'same' });

    // Act
    const found = await findActionExecution(client, { pipelineName: 'p', pipelineExecutionId: 'e', maxPages: 10, matches: () => true });

    // Assess
    expect(found).toBeUndefined();
    expect(codePipeline.commandCalls(ListActionExecutionsCommand)).toHaveLength(2);
    expect(codePipeline.commandCalls(ListActionExecutionsCommand)[0]?.args[0].input.filter).toEqual({ pipelineExecutionId: 'e' });
  });

  it('rejects with the SDK’s error', async () => {
    // Prepare
    codePipeline.on(ListActionExecutionsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    // Act
    const search = findActionExecution(client, { pipelineName: 'p', maxPages: 3, matches: () => true });

    // Assess
    await expect(search).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
