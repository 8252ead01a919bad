import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { CodePipelineClient, GetPipelineStateCommand, type StageState } from '@aws-sdk/client-codepipeline';
import { loadFixture } from '@herald/testing';
import { fetchCurrentRevision } from '../../src/fetch-current-revision.ts';

const codePipeline = mockClient(CodePipelineClient);
const client = new CodePipelineClient({ region: 'us-west-2' });

afterEach(() => {
  codePipeline.reset();
});

const commit = '8cf40f2d9b6e1a3c5f7e0b2d4a6c8e1f3b5d7a9c';
const url = `https://us-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/my-repo/commit/${commit}?region=us-west-2`;

function sourceStage(latest: { status: 'Succeeded' | 'Failed'; summary: string; externalExecutionId?: string }): StageState {
  return {
    stageName: 'Source',
    actionStates: [
      { actionName: 'Source', currentRevision: { revisionId: commit, revisionChangeId: commit, created: new Date() }, revisionUrl: url, latestExecution: latest },
    ],
  };
}

describe('fetchCurrentRevision', () => {
  it('reads the source action’s current revision and the message of the run that fetched it', async () => {
    // Prepare
    codePipeline.on(GetPipelineStateCommand).resolves({ stageStates: [sourceStage({ status: 'Succeeded', summary: 'Added LICENSE.txt\n\nApache 2.0.', externalExecutionId: commit })] });

    // Act
    const revision = await fetchCurrentRevision(client, 'myPipeline', 10);

    // Assess
    expect(revision).toEqual({
      action: 'Source',
      revisionId: commit,
      title: 'Added LICENSE.txt',
      body: 'Apache 2.0.',
      url,
      repository: 'my-repo',
      provider: 'CodeCommit',
    });
    expect(codePipeline.commandCalls(GetPipelineStateCommand)[0]?.args[0].input).toEqual({ name: 'myPipeline' });
  });

  it('does not take a failed run’s summary for a commit message', async () => {
    // Prepare
    codePipeline.on(GetPipelineStateCommand).resolves({ stageStates: [sourceStage({ status: 'Failed', summary: 'Could not access the repository' })] });

    // Act
    const revision = await fetchCurrentRevision(client, 'myPipeline', 10);

    // Assess
    expect(revision).toEqual({ action: 'Source', revisionId: commit, url, repository: 'my-repo', provider: 'CodeCommit' });
  });

  it('finds nothing in the documented state, whose actions report no current revision', async () => {
    // Prepare
    codePipeline.on(GetPipelineStateCommand).resolves(loadFixture('api/codepipeline-getpipelinestate-response-awsdocs-failed-disabled-transition.json'));

    // Act
    const revision = await fetchCurrentRevision(client, 'MyFirstPipeline', 10);

    // Assess
    expect(revision).toBeUndefined();
  });
});
