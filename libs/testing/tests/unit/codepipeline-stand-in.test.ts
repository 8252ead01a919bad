import { afterEach, describe, expect, it } from 'vitest';
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
} from '@aws-sdk/client-codepipeline';
import { listFixtures, loadFixture } from '../../src/fixtures.ts';
import type { AwsStandIn } from '../../src/aws-stand-in.ts';
import {
  CodePipelineWorld,
  codePipelineHandlers,
  codePipelineTarget,
  demoCodePipelineWorld,
  demoDeploymentGroupPipelines,
  fakeExecutionId,
  startCodePipelineStandIn,
  toEpochSeconds,
  type CodePipelineSpec,
} from '../../src/codepipeline-stand-in.ts';

const first = fakeExecutionId('first');
const second = fakeExecutionId('second');
const third = fakeExecutionId('third');
const commitOne = 'a'.repeat(40);
const commitTwo = 'b'.repeat(40);

function smallPipeline(): CodePipelineSpec {
  return {
    name: 'my-pipeline',
    region: 'eu-west-1',
    version: 2,
    stages: [
      { name: 'Source', actions: [{ name: 'Checkout', category: 'Source', provider: 'CodeCommit', outputArtifacts: ['SourceArtifact'] }] },
      {
        name: 'Build',
        actions: [
          { name: 'Unit', category: 'Build', provider: 'CodeBuild', inputArtifacts: ['SourceArtifact'], configuration: { ProjectName: 'unit' } },
          { name: 'Lint', category: 'Test', provider: 'CodeBuild', inputArtifacts: ['SourceArtifact'] },
        ],
      },
    ],
    executions: [
      {
        id: first,
        status: 'Succeeded',
        startTime: '2024-05-02T09:30:00Z',
        trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::123456789012:user/mary' },
        artifactRevisions: [{ name: 'SourceArtifact', revisionId: commitOne, revisionSummary: 'First\n\nBody.', revisionUrl: 'https://example.com/1' }],
        actions: [
          { stage: 'Source', action: 'Checkout', status: 'Succeeded', startTime: '2024-05-02T09:30:01Z', externalExecutionId: commitOne },
          { stage: 'Build', action: 'Unit', status: 'Succeeded', startTime: '2024-05-02T09:30:05Z', lastUpdateTime: '2024-05-02T09:33:00Z' },
          { stage: 'Build', action: 'Lint', status: 'Succeeded', startTime: '2024-05-02T09:30:06Z' },
        ],
      },
      {
        id: second,
        status: 'Failed',
        startTime: '2024-05-03T10:00:00.250Z',
        artifactRevisions: [{ name: 'SourceArtifact', revisionId: commitTwo, revisionSummary: 'Second' }],
        actions: [
          { stage: 'Source', action: 'Checkout', status: 'Succeeded', startTime: '2024-05-03T10:00:01Z', externalExecutionId: commitTwo },
          {
            stage: 'Build',
            action: 'Unit',
            status: 'Failed',
            startTime: '2024-05-03T10:00:05Z',
            summary: 'Build terminated with state: FAILED',
            externalExecutionId: 'unit:0d9f3c47-5b2e-4a81-9c6d-7e2f1a8b3c45',
            errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' },
          },
        ],
      },
      { id: third, status: 'InProgress', startTime: '2024-05-04T08:00:00Z' },
    ],
  };
}

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let standIn: AwsStandIn | undefined;

async function clientFor(world: CodePipelineWorld, region = 'eu-west-1'): Promise<CodePipelineClient> {
  standIn = await startCodePipelineStandIn(world);
  return new CodePipelineClient({ region, endpoint: standIn.url, credentials, maxAttempts: 1 });
}

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

describe('codePipelineHandlers', () => {
  it('answers GetPipelineExecution in the shape of the API sample, with epoch seconds on the wire', async () => {
    // Prepare
    const world = new CodePipelineWorld().addPipeline(smallPipeline());
    const handler = codePipelineHandlers(world)[codePipelineTarget('GetPipelineExecution')]!;
    const sample = loadFixture<{ pipelineExecution: { artifactRevisions: Record<string, unknown>[] } }>(
      'api/codepipeline-getpipelineexecution-response-awsdocs-revisionurl.json',
    );
    const client = await clientFor(world);

    // Act
    const wire = (await handler({ pipelineName: 'my-pipeline', pipelineExecutionId: second })) as typeof sample;
    const { pipelineExecution } = await client.send(new GetPipelineExecutionCommand({ pipelineName: 'my-pipeline', pipelineExecutionId: first }));

    // Assess
    expect(Object.keys(wire.pipelineExecution)).toEqual(expect.arrayContaining(Object.keys(sample.pipelineExecution)));
    expect(wire.pipelineExecution.artifactRevisions[0]).toEqual({
      name: 'SourceArtifact',
      revisionId: commitTwo,
      revisionChangeIdentifier: commitTwo,
      revisionSummary: 'Second',
      created: 1714730400.25,
    });
    expect(pipelineExecution).toMatchObject({
      pipelineName: 'my-pipeline',
      pipelineVersion: 2,
      pipelineExecutionId: first,
      status: 'Succeeded',
      trigger: { triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::123456789012:user/mary' },
      artifactRevisions: [
        { name: 'SourceArtifact', revisionId: commitOne, revisionSummary: 'First\n\nBody.', revisionUrl: 'https://example.com/1', created: new Date('2024-05-02T09:30:00Z') },
      ],
    });
    expect(standIn?.calls.map((call) => [call.target, call.region])).toEqual([[codePipelineTarget('GetPipelineExecution'), 'eu-west-1']]);
  });

  it('answers unknown pipelines, unknown executions and malformed ids with the errors AWS uses', async () => {
    // Prepare
    const client = await clientFor(new CodePipelineWorld().addPipeline(smallPipeline()));

    // Act
    const unknownPipeline = client.send(new GetPipelineExecutionCommand({ pipelineName: 'nope', pipelineExecutionId: first }));
    const unknownExecution = client.send(
      new GetPipelineExecutionCommand({ pipelineName: 'my-pipeline', pipelineExecutionId: fakeExecutionId('nope') }),
    );
    const malformedId = client.send(
      new GetPipelineExecutionCommand({ pipelineName: 'my-pipeline', pipelineExecutionId: 'arn:aws:codepipeline:us-west-2:123456789012:myPipeline' }),
    );
    const unknownFilter = client.send(
      new ListActionExecutionsCommand({ pipelineName: 'my-pipeline', filter: { pipelineExecutionId: fakeExecutionId('nope') } }),
    );
    const unknownState = client.send(new GetPipelineStateCommand({ name: 'nope' }));

    // Assess
    await expect(unknownPipeline).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
    await expect(unknownExecution).rejects.toMatchObject({ name: 'PipelineExecutionNotFoundException' });
    await expect(malformedId).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(unknownFilter).rejects.toMatchObject({ name: 'PipelineExecutionNotFoundException' });
    await expect(unknownState).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
  });

  it('lists action executions newest first, with their type, result and error details', async () => {
    // Prepare
    const client = await clientFor(new CodePipelineWorld().addPipeline(smallPipeline()));

    // Act
    const { actionExecutionDetails, nextToken } = await client.send(new ListActionExecutionsCommand({ pipelineName: 'my-pipeline' }));

    // Assess
    expect(nextToken).toBeUndefined();
    expect(actionExecutionDetails?.map((d) => [d.pipelineExecutionId, d.stageName, d.actionName, d.status])).toEqual([
      [second, 'Build', 'Unit', 'Failed'],
      [second, 'Source', 'Checkout', 'Succeeded'],
      [first, 'Build', 'Lint', 'Succeeded'],
      [first, 'Build', 'Unit', 'Succeeded'],
      [first, 'Source', 'Checkout', 'Succeeded'],
    ]);
    expect(actionExecutionDetails?.[0]).toMatchObject({
      pipelineVersion: 2,
      startTime: new Date('2024-05-03T10:00:05Z'),
      input: {
        actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
        configuration: { ProjectName: 'unit' },
        region: 'eu-west-1',
        inputArtifacts: [{ name: 'SourceArtifact' }],
      },
      output: {
        outputArtifacts: [],
        executionResult: {
          externalExecutionId: 'unit:0d9f3c47-5b2e-4a81-9c6d-7e2f1a8b3c45',
          externalExecutionSummary: 'Build terminated with state: FAILED',
          errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' },
        },
      },
    });
    expect(actionExecutionDetails?.[0]?.actionExecutionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages action executions with maxResults and nextToken, within one execution when filtered', async () => {
    // Prepare
    const client = await clientFor(new CodePipelineWorld().addPipeline(smallPipeline()));
    const list = (nextToken?: string) =>
      client.send(new ListActionExecutionsCommand({ pipelineName: 'my-pipeline', filter: { pipelineExecutionId: first }, maxResults: 2, nextToken }));

    // Act
    const page1 = await list();
    const page2 = await list(page1.nextToken);

    // Assess
    expect(page1.actionExecutionDetails?.map((d) => d.actionName)).toEqual(['Lint', 'Unit']);
    expect(page1.nextToken).toEqual(expect.any(String));
    expect(page2.actionExecutionDetails?.map((d) => d.actionName)).toEqual(['Checkout']);
    expect(page2.nextToken).toBeUndefined();
    expect(page2.actionExecutionDetails?.every((d) => d.pipelineExecutionId === first)).toBe(true);
  });

  it('refuses foreign tokens and out-of-range page sizes', async () => {
    // Prepare
    const client = await clientFor(new CodePipelineWorld().addPipeline(smallPipeline()));
    const { nextToken } = await client.send(new ListPipelineExecutionsCommand({ pipelineName: 'my-pipeline', maxResults: 1 }));

    // Act
    const foreignToken = client.send(new ListActionExecutionsCommand({ pipelineName: 'my-pipeline', nextToken }));
    const garbageToken = client.send(new ListActionExecutionsCommand({ pipelineName: 'my-pipeline', nextToken: 'garbage' }));
    const tooMany = client.send(new ListActionExecutionsCommand({ pipelineName: 'my-pipeline', maxResults: 101 }));

    // Assess
    await expect(foreignToken).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(garbageToken).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    await expect(tooMany).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('lists pipeline executions newest first with their source revisions and trigger', async () => {
    // Prepare
    const client = await clientFor(new CodePipelineWorld({ maxPageSize: 2 }).addPipeline(smallPipeline()));

    // Act
    const page1 = await client.send(new ListPipelineExecutionsCommand({ pipelineName: 'my-pipeline' }));
    const page2 = await client.send(new ListPipelineExecutionsCommand({ pipelineName: 'my-pipeline', nextToken: page1.nextToken }));

    // Assess
    expect(page1.pipelineExecutionSummaries?.map((s) => [s.pipelineExecutionId, s.status])).toEqual([
      [third, 'InProgress'],
      [second, 'Failed'],
    ]);
    expect(page2.pipelineExecutionSummaries).toHaveLength(1);
    expect(page2.nextToken).toBeUndefined();
    expect(page2.pipelineExecutionSummaries?.[0]).toMatchObject({
      pipelineExecutionId: first,
      startTime: new Date('2024-05-02T09:30:00Z'),
      lastUpdateTime: new Date('2024-05-02T09:33:00Z'),
      sourceRevisions: [{ actionName: 'Checkout', revisionId: commitOne, revisionSummary: 'First\n\nBody.', revisionUrl: 'https://example.com/1' }],
      trigger: { triggerType: 'StartPipelineExecution' },
    });
  });

  it('answers GetPipelineState like the API sample: current revisions, latest action runs and their errors', async () => {
    // Prepare
    const client = await clientFor(new CodePipelineWorld().addPipeline(smallPipeline()));
    const sample = loadFixture<{ stageStates: { actionStates: Record<string, unknown>[] }[] }>(
      'api/codepipeline-getpipelinestate-response-awsdocs-failed-disabled-transition.json',
    );

    // Act
    const state = await client.send(new GetPipelineStateCommand({ name: 'my-pipeline' }));

    // Assess
    expect(state).toMatchObject({ pipelineName: 'my-pipeline', pipelineVersion: 2 });
    expect(Object.keys(state.stageStates?.[1] ?? {})).toEqual(expect.arrayContaining(Object.keys(sample.stageStates[1] ?? {})));
    const [source, build] = state.stageStates ?? [];
    expect(source?.actionStates?.[0]).toMatchObject({
      actionName: 'Checkout',
      currentRevision: { revisionId: commitTwo, revisionChangeId: commitTwo, created: new Date('2024-05-03T10:00:00.250Z') },
      latestExecution: { status: 'Succeeded', externalExecutionId: commitTwo },
    });
    expect(build?.latestExecution).toMatchObject({ pipelineExecutionId: second, status: 'Failed' });
    expect(build?.actionStates?.map((a) => [a.actionName, a.latestExecution?.status, a.latestExecution?.errorDetails?.code])).toEqual([
      ['Unit', 'Failed', 'JobFailed'],
      ['Lint', 'Succeeded', undefined],
    ]);
    expect(build?.actionStates?.[0]?.entityUrl).toBe('https://eu-west-1.console.aws.amazon.com/codebuild/home?region=eu-west-1#/projects/unit/view');
  });
});

describe('CodePipelineWorld', () => {
  it('injects faults per operation, after some normal answers, and logs every call', async () => {
    // Prepare
    const world = new CodePipelineWorld()
      .addPipeline(smallPipeline())
      .failNext('ListActionExecutions', { type: 'ThrottlingException', times: 2, after: 1 })
      .failNext('GetPipelineExecution', 'AccessDeniedException');
    const client = await clientFor(world);
    const list = () => client.send(new ListActionExecutionsCommand({ pipelineName: 'my-pipeline' }));

    // Act
    const answers: string[] = [];
    for (let call = 0; call < 4; call++) answers.push(await list().then(() => 'answered', (error: Error) => error.name));
    const denied = client.send(new GetPipelineExecutionCommand({ pipelineName: 'my-pipeline', pipelineExecutionId: first }));

    // Assess
    expect(answers).toEqual(['answered', 'ThrottlingException', 'ThrottlingException', 'answered']);
    await expect(denied).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    expect(world.callsOf('ListActionExecutions').map((call) => call.error)).toEqual([undefined, 'ThrottlingException', 'ThrottlingException', undefined]);
    expect(world.log.map((call) => call.operation)).toEqual([
      'ListActionExecutions',
      'ListActionExecutions',
      'ListActionExecutions',
      'ListActionExecutions',
      'GetPipelineExecution',
    ]);
  });

  it('refuses action runs that the stages do not declare, and execution ids AWS would refuse', () => {
    // Prepare
    const spec = smallPipeline();
    const undeclared: CodePipelineSpec = {
      ...spec,
      executions: [{ id: first, status: 'Failed', startTime: '2024-05-02T09:30:00Z', actions: [{ stage: 'Deploy', action: 'Deploy', status: 'Failed', startTime: '2024-05-02T09:30:00Z' }] }],
    };
    const badId: CodePipelineSpec = { ...spec, executions: [{ id: '3137f7cb-7cf7-039j-s83l-d7eu3EXAMPLE', status: 'Succeeded', startTime: '2024-05-02T09:30:00Z' }] };

    // Act
    const addUndeclared = () => new CodePipelineWorld().addPipeline(undeclared);
    const addBadId = () => new CodePipelineWorld().addPipeline(badId);

    // Assess
    expect(addUndeclared).toThrow('my-pipeline: no action Deploy/Deploy is declared');
    expect(addBadId).toThrow('is not a lower-case UUID');
  });

  it('converts times to epoch seconds and makes stable execution ids', () => {
    // Prepare
    const label = 'myPipeline: run 7';

    // Act
    const seconds = toEpochSeconds('2020-01-31T18:55:43.250Z');
    const ids = [fakeExecutionId(label), fakeExecutionId(label), fakeExecutionId('other')];

    // Assess
    expect(seconds).toBe(1580496943.25);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});

interface PipelineFixtureDetail {
  pipeline: string;
  'execution-id': string;
  state: string;
  stage?: string;
  action?: string;
}

interface PipelineFixture {
  file: string;
  detail: PipelineFixtureDetail;
  failedActions: { action: string }[];
}

/** The CodePipeline state changes among the bundled samples, whatever envelope carries them. */
function pipelineFixtures(): PipelineFixture[] {
  const files = [...listFixtures('codepipeline'), ...listFixtures('codestar-notifications')];
  return files.flatMap((file) => {
    const raw = loadFixture<Record<string, unknown>>(file);
    const records = raw['Records'] as { Sns: { Message: string } }[] | undefined;
    const event = (records ? JSON.parse(records[0]?.Sns.Message ?? '{}') : raw) as {
      source?: string;
      detail?: PipelineFixtureDetail;
      additionalAttributes?: { failedActions?: { action: string }[] };
    };
    if (event.source !== 'aws.codepipeline' || !event.detail?.['execution-id']) return [];
    return [{ file, detail: event.detail, failedActions: event.additionalAttributes?.failedActions ?? [] }];
  });
}

describe('demoCodePipelineWorld', () => {
  it('knows every pipeline execution the bundled samples name, and their failing actions', async () => {
    // Prepare
    const fixtures = pipelineFixtures();
    const client = await clientFor(demoCodePipelineWorld(), 'us-west-2');

    // Act
    const answers = await Promise.all(
      fixtures.map(async ({ detail }) => {
        const pipelineName = detail.pipeline;
        const pipelineExecutionId = detail['execution-id'];
        const [{ pipelineExecution }, { actionExecutionDetails }] = await Promise.all([
          client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId })),
          client.send(new ListActionExecutionsCommand({ pipelineName, filter: { pipelineExecutionId } })),
        ]);
        return { pipelineExecution, failed: (actionExecutionDetails ?? []).filter((d) => d.status === 'Failed') };
      }),
    );

    // Assess
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    fixtures.forEach(({ file, detail, failedActions }, i) => {
      const answer = answers[i]!;
      expect(answer.pipelineExecution?.artifactRevisions?.[0]?.revisionId, file).toMatch(/^[0-9a-f]{40}$/);
      if (detail.state !== 'FAILED') return;
      const failed = answer.failed[0];
      expect(answer.pipelineExecution?.status, file).toBe('Failed');
      if (detail.stage) expect(failed?.stageName, file).toBe(detail.stage);
      if (detail.action) expect(failed?.actionName, file).toBe(detail.action);
      for (const { action } of failedActions) expect(failed?.actionName, file).toBe(action);
    });
  });

  it('has the CodeCommit revisions with multi-line messages and console links, and the JSON-string connection revision', async () => {
    // Prepare
    const client = await clientFor(demoCodePipelineWorld(), 'us-west-2');

    // Act
    const [failed, connection] = await Promise.all([
      client.send(new GetPipelineExecutionCommand({ pipelineName: 'myPipeline', pipelineExecutionId: '12345678-1234-5678-abcd-12345678abcd' })),
      client.send(
        new GetPipelineExecutionCommand({ pipelineName: 'example-pipe-monitor-codepipeline', pipelineExecutionId: 'a6bf7e98-2fd2-4977-aed8-c4abd047a8c0' }),
      ),
    ]);

    // Assess
    const revision = failed.pipelineExecution?.artifactRevisions?.[0];
    expect(revision?.revisionSummary?.split('\n')[0]).toBe('Added LICENSE.txt');
    expect(revision?.revisionSummary?.split('\n').length).toBeGreaterThan(3);
    expect(revision?.revisionUrl).toBe(
      `https://us-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/my-repo/commit/${revision?.revisionId}?region=us-west-2`,
    );
    const summary = JSON.parse(connection.pipelineExecution?.artifactRevisions?.[0]?.revisionSummary ?? '{}') as Record<string, string>;
    expect(summary).toEqual({
      ProviderType: 'GitHub',
      CommitMessage: 'The example pipeline now also creates the notification rules expected by\nthe pipeline monitor.',
    });
    expect(connection.pipelineExecution?.artifactRevisions?.[0]?.revisionUrl).toContain('&Commit=f7ec85262da48e2b15d03037b138963c5a89d39f');
  });

  it('maps the CodeDeploy samples’ deployment groups to pipelines that ran their deployments', async () => {
    // Prepare
    const client = await clientFor(demoCodePipelineWorld(), 'eu-west-2');
    const deployments = [
      { group: 'myApplication/myDeploymentGroup', deploymentId: 'd-123456789' },
      { group: 'temporary-status/temporary-status-deployment', deploymentId: 'd-MainDeployment' },
    ];

    // Act
    const runs = await Promise.all(
      deployments.map(async ({ group, deploymentId }) => {
        const pipelineName = demoDeploymentGroupPipelines[group] ?? '';
        const { actionExecutionDetails } = await client.send(new ListActionExecutionsCommand({ pipelineName }));
        return actionExecutionDetails?.find((d) => d.output?.executionResult?.externalExecutionId === deploymentId);
      }),
    );
    const state = await client.send(new GetPipelineStateCommand({ name: 'temporary-status-pipeline' }));

    // Assess
    expect(runs.map((run) => [run?.stageName, run?.input?.actionTypeId?.provider, run?.input?.configuration?.['ApplicationName']])).toEqual([
      ['Deploy', 'CodeDeploy', 'myApplication'],
      ['Deploy', 'CodeDeployToECS', 'temporary-status'],
    ]);
    expect(state.stageStates?.[0]?.actionStates?.[0]?.currentRevision?.revisionId).toBe('9d2f6b0e4a8c3f7d1b5e9a2c6f0d4b8e3a7c1f5d');
  });
});
