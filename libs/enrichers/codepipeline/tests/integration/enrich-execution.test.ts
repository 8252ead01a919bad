import { afterEach, describe, expect, it } from 'vitest';
import type { AwsStandIn } from '@herald/testing';
import { createCodePipelineEnricher, type CodePipelineEnricherOptions } from '../../src/index.ts';
import { pipelineEvent, pipelineEventFromFixture } from '../support/events.ts';
import {
  CodePipelineWorld,
  callsOf,
  demoCodePipelineWorld,
  fakeExecutionId,
  standInClientFor,
  startCodePipelineStandIn,
  testCredentials,
  type CodePipelineActionRunSpec,
} from '../support/stand-in.ts';

const FAILED_DEPLOYMENT_MESSAGE =
  'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are ' +
  'available for deployment, or some instances in your deployment group are experiencing problems.';

let standIn: AwsStandIn | undefined;

async function stopStandIn(): Promise<void> {
  await standIn?.close();
  standIn = undefined;
}

afterEach(stopStandIn);

async function enricherFor(world: CodePipelineWorld, options: CodePipelineEnricherOptions = {}) {
  standIn = await startCodePipelineStandIn(world);
  return { enricher: createCodePipelineEnricher({ clientFor: standInClientFor(standIn), ...options }), standIn };
}

const run = fakeExecutionId('parallel tests');

/** A pipeline whose run `run` started the Test actions `T1`…`Tn` one after the other; `failed` name the ones that failed. */
function parallelTestsWorld(count: number, failed: string[], maxPageSize: number): CodePipelineWorld {
  const names = Array.from({ length: count }, (_, i) => `T${i + 1}`);
  const at = (second: number) => `2024-05-02T09:30:${String(second).padStart(2, '0')}Z`;
  const actions: CodePipelineActionRunSpec[] = [
    { stage: 'Source', action: 'Source', status: 'Succeeded', startTime: at(0), externalExecutionId: 'a'.repeat(40) },
    ...names.map((name, i): CodePipelineActionRunSpec => ({
      stage: 'Test',
      action: name,
      status: failed.includes(name) ? 'Failed' : 'Succeeded',
      startTime: at(i + 1),
      summary: `${name} ${failed.includes(name) ? 'failed' : 'passed'}`,
      ...(failed.includes(name) ? { errorDetails: { code: 'JobFailed', message: `${name}: 3 tests failed` } } : {}),
    })),
  ];
  return new CodePipelineWorld({ maxPageSize }).addPipeline({
    name: 'parallel',
    stages: [
      { name: 'Source', actions: [{ name: 'Source', category: 'Source', provider: 'CodeCommit', outputArtifacts: ['SourceArtifact'] }] },
      { name: 'Test', actions: names.map((name) => ({ name, category: 'Test' as const, provider: 'CodeBuild', inputArtifacts: ['SourceArtifact'] })) },
    ],
    executions: [
      {
        id: run,
        status: 'Failed',
        startTime: at(0),
        artifactRevisions: [{ name: 'SourceArtifact', revisionId: 'a'.repeat(40), revisionSummary: 'Speed up the tests' }],
        actions,
      },
    ],
  });
}

describe('createCodePipelineEnricher: execution revisions', () => {
  it('reads the exact execution’s CodeCommit revision and trigger, and looks for no failure when none happened', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = pipelineEventFromFixture('codestar-notifications/codestar-sns-lambda-codepipeline-pipeline-started.json');

    // Act
    const enrichment = await enricher.enrichExecution(event);

    // Assess
    expect(enrichment).toEqual({
      kind: 'codepipeline.execution',
      revisions: [
        {
          action: 'SourceArtifact',
          revisionId: '6e0b4d8f2a7c1e5b9d3f7a0c4e8b2d6f1a5c9e3b',
          title: 'Send pipeline notifications to Slack',
          body: 'Add the notification rule and the SNS topic it publishes to.\nOnly the sandbox account subscribes for now.',
          url: 'https://us-east-1.console.aws.amazon.com/codesuite/codecommit/repositories/airflow-infra/commit/6e0b4d8f2a7c1e5b9d3f7a0c4e8b2d6f1a5c9e3b?region=us-east-1',
          repository: 'airflow-infra',
          provider: 'CodeCommit',
        },
      ],
      execution: {
        status: 'InProgress',
        trigger: {
          type: 'StartPipelineExecution',
          detail: 'arn:aws:sts::429533234373:assumed-role/RE-Sandbox_only_dev_JTG/vrathore@homestoryrewards.com',
        },
      },
      missing: [],
    });
    expect(standIn.calls.map((call) => [call.target, call.region, call.input])).toEqual([
      [
        'CodePipeline_20150709.GetPipelineExecution',
        'us-east-1',
        { pipelineName: 'vrathore-slack-test2-sandbox-pipeline', pipelineExecutionId: 'b7c9a84b-aebf-4f02-9a6a-336282893747' },
      ],
    ]);
  });

  it('decodes the JSON summary of a CodeStar connection revision', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld());
    const event = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-action-source-succeeded-github-meerkat.json');

    // Act
    const { revisions, execution, missing } = await enricher.enrichExecution(event);

    // Assess
    expect(revisions).toEqual([
      {
        action: 'SourceArtifact',
        revisionId: 'f7ec85262da48e2b15d03037b138963c5a89d39f',
        title: 'The example pipeline now also creates the notification rules expected by',
        body: 'the pipeline monitor.',
        url:
          'https://ap-southeast-2.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=arn:aws:codestar-connections:' +
          'ap-southeast-2:111111111111:connection/11c9e&referenceType=COMMIT&FullRepositoryId=quicken/aws-code-pipeline-monitor' +
          '&Commit=f7ec85262da48e2b15d03037b138963c5a89d39f',
        repository: 'quicken/aws-code-pipeline-monitor',
        provider: 'GitHub',
      },
    ]);
    expect(execution?.trigger).toEqual({ type: 'Webhook', detail: 'arn:aws:codestar-connections:ap-southeast-2:111111111111:connection/11c9e' });
    expect(missing).toEqual([]);
  });

  it('caps the commit body at bodyMaxLines lines, then "…"', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld(), { bodyMaxLines: 2 });
    const event = pipelineEvent({ pipeline: 'meerkat', executionId: '94fb261b-65d0-41ba-bea3-b08420e9b5e7', region: 'ap-southeast-2' });

    // Act
    const { revisions } = await enricher.enrichExecution(event);

    // Assess
    expect(revisions[0]?.title).toBe('Lint the notification templates in CI');
    expect(revisions[0]?.body).toBe(
      'Run eslint over src/templates before the unit tests so a broken\ntemplate fails the build instead of the first notification.\n…',
    );
  });
});

describe('createCodePipelineEnricher: failures', () => {
  it('completes a notification rule’s failed pipeline with the failed action’s error, in parallel with the revision', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-pipeline-failed-awsdocs.json');

    // Act
    const enrichment = await enricher.enrichExecution(event);

    // Assess
    expect(enrichment.failure).toEqual({
      stage: 'Deploy',
      action: 'Deploy',
      code: 'JobFailed',
      message: FAILED_DEPLOYMENT_MESSAGE,
      externalUrl: 'https://us-west-2.console.aws.amazon.com/codedeploy/home?region=us-west-2#/deployments/d-4KQ7RS2TB',
    });
    expect(enrichment.revisions.map((revision) => revision.title)).toEqual(['Added LICENSE.txt']);
    expect(enrichment.execution?.status).toBe('Failed');
    expect(enrichment.missing).toEqual([]);
    expect(callsOf(standIn, 'GetPipelineExecution')).toHaveLength(1);
    expect(callsOf(standIn, 'ListActionExecutions').map((call) => call.input)).toEqual([
      { pipelineName: 'myPipeline', filter: { pipelineExecutionId: '12345678-1234-5678-abcd-12345678abcd' }, maxResults: 100 },
    ]);
    expect(callsOf(standIn, 'GetPipelineState')).toEqual([]);
  });

  it('links the build and its log when a CodeBuild action failed a stage', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld());
    const event = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-stage-failed-codebuild-meerkat.json');

    // Act
    const { failure, missing } = await enricher.enrichExecution(event);

    // Assess
    const buildId = 'meerkat-build:8e2c5a1f-3b7d-4e90-a6c2-5f1d9b3e7a04';
    expect(failure).toEqual({
      stage: 'Build',
      action: 'Build',
      code: 'JobFailed',
      message: 'Build terminated with state: FAILED',
      externalUrl: `https://ap-southeast-2.console.aws.amazon.com/codebuild/home?region=ap-southeast-2#/builds/${buildId}/view/new`,
      logUrl:
        'https://ap-southeast-2.console.aws.amazon.com/codesuite/codebuild/000000000000/projects/meerkat-build/build/' +
        'meerkat-build%3A8e2c5a1f-3b7d-4e90-a6c2-5f1d9b3e7a04/log?region=ap-southeast-2',
    });
    expect(missing).toEqual([]);
  });

  it('keeps an action event’s own result and adds what only the API knows', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld());
    const event = pipelineEventFromFixture('codepipeline/codepipeline-eventbridge-action-failed-awsdocs.json');

    // Act
    const { failure } = await enricher.enrichExecution(event);

    // Assess
    expect(failure).toEqual({
      stage: 'Deploy',
      action: 'Deploy',
      code: 'JobFailed',
      message: FAILED_DEPLOYMENT_MESSAGE,
      externalUrl: 'https://us-west-2.console.aws.amazon.com/codedeploy/home?#/deployments/<ID>',
    });
  });

  it('pages through the execution’s actions and stops at the failed one', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(parallelTestsWorld(7, ['T4'], 2));
    const event = pipelineEvent({ pipeline: 'parallel', executionId: run, level: 'pipeline', state: 'failed', rawState: 'FAILED' });

    // Act
    const { failure } = await enricher.enrichExecution(event);

    // Assess
    expect(failure).toEqual({ stage: 'Test', action: 'T4', code: 'JobFailed', message: 'T4: 3 tests failed' });
    const calls = callsOf(standIn, 'ListActionExecutions');
    expect(calls).toHaveLength(2);
    expect(calls.map((call) => typeof call.input['nextToken'])).toEqual(['undefined', 'string']);
  });

  it('looks for the failed action the event names, past other failed ones', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(parallelTestsWorld(6, ['T2', 'T5'], 2));
    const event = pipelineEvent({
      pipeline: 'parallel',
      executionId: run,
      level: 'action',
      stage: 'Test',
      action: 'T2',
      state: 'failed',
      rawState: 'FAILED',
      result: { errorCode: 'JobFailed', summary: 'T2 failed' },
    });

    // Act
    const { failure } = await enricher.enrichExecution(event);

    // Assess
    expect(failure).toEqual({ stage: 'Test', action: 'T2', code: 'JobFailed', message: 'T2: 3 tests failed' });
    expect(callsOf(standIn, 'ListActionExecutions')).toHaveLength(3);
  });
});

describe('createCodePipelineEnricher: what AWS refuses', () => {
  it('names what is missing when access is denied, keeps the event’s failure and never echoes AWS’s message', async () => {
    // Prepare
    const refusal = `User: arn:aws:sts::123456789012:assumed-role/notifier/${testCredentials.accessKeyId} is not authorized`;
    const world = demoCodePipelineWorld()
      .failNext('GetPipelineExecution', { type: 'AccessDeniedException', message: refusal })
      .failNext('ListActionExecutions', { type: 'AccessDeniedException', message: refusal });
    const { enricher } = await enricherFor(world);
    const event = pipelineEventFromFixture('codestar-notifications/codestar-message-codepipeline-pipeline-failed-awsdocs.json');

    // Act
    const enrichment = await enricher.enrichExecution(event);

    // Assess
    expect(enrichment).toEqual({
      kind: 'codepipeline.execution',
      revisions: [],
      failure: { stage: 'Deploy', action: 'Deploy', message: 'Deployment <ID> failed' },
      missing: ['source revision: access denied (AccessDeniedException)', 'failure details: access denied (AccessDeniedException)'],
    });
    expect(JSON.stringify(enrichment)).not.toContain(testCredentials.accessKeyId);
  });

  it('gives up on throttling after the SDK’s retries', async () => {
    // Prepare
    const world = demoCodePipelineWorld().failNext('GetPipelineExecution', { type: 'ThrottlingException', times: 2 });
    const { enricher, standIn } = await enricherFor(world);
    const event = pipelineEventFromFixture('codepipeline/codepipeline-eventbridge-pipeline-succeeded-awsdocs.json');

    // Act
    const { revisions, missing } = await enricher.enrichExecution(event);

    // Assess
    expect(revisions).toEqual([]);
    expect(missing).toEqual(['source revision: throttled (ThrottlingException)']);
    expect(callsOf(standIn, 'GetPipelineExecution')).toHaveLength(2);
  });

  it('gets the revision when one retry is enough', async () => {
    // Prepare
    const world = demoCodePipelineWorld().failNext('GetPipelineExecution', 'ThrottlingException');
    const { enricher, standIn } = await enricherFor(world);
    const event = pipelineEventFromFixture('codepipeline/codepipeline-eventbridge-pipeline-succeeded-awsdocs.json');

    // Act
    const { revisions, missing } = await enricher.enrichExecution(event);

    // Assess
    expect(revisions.map((revision) => revision.title)).toEqual(['Added LICENSE.txt']);
    expect(missing).toEqual([]);
    expect(callsOf(standIn, 'GetPipelineExecution')).toHaveLength(2);
  });

  it('names a pipeline or an execution that does not exist', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld());
    const unknownPipeline = pipelineEvent({ pipeline: 'deleted-pipeline', executionId: fakeExecutionId('gone') });
    const unknownExecution = pipelineEvent({ pipeline: 'myPipeline', executionId: fakeExecutionId('expired'), state: 'failed', rawState: 'FAILED' });

    // Act
    const [pipeline, execution] = await Promise.all([enricher.enrichExecution(unknownPipeline), enricher.enrichExecution(unknownExecution)]);

    // Assess
    expect(pipeline.missing).toEqual(['source revision: pipeline not found (PipelineNotFoundException)']);
    expect(execution.missing).toEqual([
      'source revision: pipeline execution not found (PipelineExecutionNotFoundException)',
      'failure details: pipeline execution not found (PipelineExecutionNotFoundException)',
    ]);
  });

  it('never rejects when CodePipeline cannot be reached', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld());
    await stopStandIn();
    const event = pipelineEventFromFixture('codepipeline/codepipeline-eventbridge-pipeline-failed-awsdocs.json');

    // Act
    const enrichment = await enricher.enrichExecution(event);

    // Assess
    expect(enrichment).toEqual({
      kind: 'codepipeline.execution',
      revisions: [],
      missing: ['source revision: network error (ECONNREFUSED)', 'failure details: network error (ECONNREFUSED)'],
    });
  });

  it('makes no call for an event that names no execution', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = pipelineEvent({ pipeline: 'myPipeline', executionId: ' ' });

    // Act
    const enrichment = await enricher.enrichExecution(event);

    // Assess
    expect(enrichment).toEqual({ kind: 'codepipeline.execution', revisions: [], missing: ['source revision: the event names no pipeline execution'] });
    expect(standIn.calls).toEqual([]);
  });
});
