import { afterEach, describe, expect, it } from 'vitest';
import type { AwsStandIn } from '@herald/testing';
import { createCodePipelineEnricher } from '../../src/index.ts';
import { deploymentEvent, deploymentEventFromFixture } from '../support/events.ts';
import {
  CodePipelineWorld,
  callsOf,
  demoCodePipelineWorld,
  fakeExecutionId,
  standInClientFor,
  startCodePipelineStandIn,
  type CodePipelineSpec,
} from '../support/stand-in.ts';

let standIn: AwsStandIn | undefined;

afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function enricherFor(world: CodePipelineWorld) {
  standIn = await startCodePipelineStandIn(world);
  return { enricher: createCodePipelineEnricher({ clientFor: standInClientFor(standIn) }), standIn };
}

const countsOf = (standIn: AwsStandIn) => ({
  ListActionExecutions: callsOf(standIn, 'ListActionExecutions').length,
  GetPipelineExecution: callsOf(standIn, 'GetPipelineExecution').length,
  GetPipelineState: callsOf(standIn, 'GetPipelineState').length,
});

const BANNER_COMMIT = '9d2f6b0e4a8c3f7d1b5e9a2c6f0d4b8e3a7c1f5d';
const bannerUrl = `https://eu-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/temporary-status/commit/${BANNER_COMMIT}?region=eu-west-2`;

/** A pipeline that deployed `executions` times: execution `n` ran commit `n` and deployment `d-DEPLOY<n>`. */
function busyWorld(executions: number): CodePipelineWorld {
  const commit = (n: number) => n.toString(16).padStart(40, '0');
  const at = (n: number, second: number) => new Date(Date.UTC(2024, 0, 1, 0, n, second));
  const spec: CodePipelineSpec = {
    name: 'busy',
    stages: [
      { name: 'Source', actions: [{ name: 'Source', category: 'Source', provider: 'CodeCommit', outputArtifacts: ['SourceArtifact'] }] },
      { name: 'Deploy', actions: [{ name: 'Deploy', category: 'Deploy', provider: 'CodeDeploy', inputArtifacts: ['SourceArtifact'] }] },
    ],
    executions: Array.from({ length: executions }, (_, n) => ({
      id: fakeExecutionId(`busy ${n}`),
      status: 'Succeeded' as const,
      startTime: at(n, 0),
      artifactRevisions: [{ name: 'SourceArtifact', revisionId: commit(n), revisionSummary: `Change ${n}` }],
      actions: [
        { stage: 'Source', action: 'Source', status: 'Succeeded' as const, startTime: at(n, 1), summary: `Change ${n}`, externalExecutionId: commit(n) },
        { stage: 'Deploy', action: 'Deploy', status: 'Succeeded' as const, startTime: at(n, 2), externalExecutionId: `d-DEPLOY${n}` },
      ],
    })),
  };
  return new CodePipelineWorld().addPipeline(spec);
}

describe('createCodePipelineEnricher: enrichDeployment', () => {
  it('finds the execution whose deploy action ran the deployment, and its revision', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = deploymentEventFromFixture('codedeploy/codedeploy-eventbridge-deployment-state-change.json');

    // Act
    const enrichment = await enricher.enrichDeployment(event, { pipeline: 'myPipeline' });

    // Assess
    expect(enrichment).toEqual({
      kind: 'codedeploy.deployment',
      revision: {
        action: 'SourceArtifact',
        revisionId: '2f1c7a9e4b3d8f6a0c5e1b7d9f3a6c8e2b4d0f1a',
        title: 'Add a health check to the deployment',
        body: 'The ValidateService hook now waits for /healthz to answer 200 before\nthe instance takes traffic again.',
        url: 'https://us-west-2.console.aws.amazon.com/codesuite/codecommit/repositories/my-repo/commit/2f1c7a9e4b3d8f6a0c5e1b7d9f3a6c8e2b4d0f1a?region=us-west-2',
        repository: 'my-repo',
        provider: 'CodeCommit',
        pipeline: 'myPipeline',
        executionId: 'f4a5c3e2-8b1d-4e6f-9a7c-2d3b5e8f1a6c',
        isCurrent: false,
      },
      missing: [],
    });
    expect(callsOf(standIn, 'ListActionExecutions').map((call) => [call.region, call.input])).toEqual([['us-east-1', { pipelineName: 'myPipeline', maxResults: 100 }]]);
    expect(countsOf(standIn)).toEqual({ ListActionExecutions: 1, GetPipelineExecution: 1, GetPipelineState: 0 });
  });

  it('finds an ECS blue/green deployment the pipeline ran', async () => {
    // Prepare
    const { enricher } = await enricherFor(demoCodePipelineWorld());
    const event = deploymentEventFromFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json');

    // Act
    const { revision, missing } = await enricher.enrichDeployment(event, { pipeline: 'temporary-status-pipeline' });

    // Assess
    expect(revision).toMatchObject({
      revisionId: BANNER_COMMIT,
      title: 'Show a maintenance banner during incidents',
      executionId: 'e3b8d1f5-2a6c-4f90-b7e2-1d5a9c3f7b06',
      isCurrent: false,
    });
    expect(missing).toEqual([]);
  });

  it('falls back to the pipeline’s current revision for a deployment the pipeline did not run', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = deploymentEventFromFixture('codedeploy/codedeploy-trigger-sns-lambda-rollback-created.json');

    // Act
    const enrichment = await enricher.enrichDeployment(event, { pipeline: 'temporary-status-pipeline' });

    // Assess
    expect(enrichment).toEqual({
      kind: 'codedeploy.deployment',
      revision: {
        action: 'Source',
        revisionId: BANNER_COMMIT,
        title: 'Show a maintenance banner during incidents',
        url: bannerUrl,
        repository: 'temporary-status',
        provider: 'CodeCommit',
        pipeline: 'temporary-status-pipeline',
        isCurrent: true,
      },
      missing: [],
    });
    expect(countsOf(standIn)).toEqual({ ListActionExecutions: 1, GetPipelineExecution: 0, GetPipelineState: 1 });
  });

  it('makes no call when no pipeline deploys the group', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = deploymentEventFromFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-succeeded.json');

    // Act
    const [unmapped, blank] = await Promise.all([enricher.enrichDeployment(event, {}), enricher.enrichDeployment(event, { pipeline: '  ' })]);

    // Assess
    expect(unmapped).toEqual({ kind: 'codedeploy.deployment', missing: [] });
    expect(blank).toEqual({ kind: 'codedeploy.deployment', missing: [] });
    expect(standIn.calls).toEqual([]);
  });

  it('reads the action history page by page until the deployment shows up', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(busyWorld(80));
    const event = deploymentEvent('d-DEPLOY20', 'busy-app', 'busy-group', 'us-east-1');

    // Act
    const { revision } = await enricher.enrichDeployment(event, { pipeline: 'busy' });

    // Assess
    expect(revision).toMatchObject({ revisionId: (20).toString(16).padStart(40, '0'), title: 'Change 20', executionId: fakeExecutionId('busy 20') });
    expect(callsOf(standIn, 'ListActionExecutions').map((call) => typeof call.input['nextToken'])).toEqual(['undefined', 'string']);
  });

  it('stops after three pages of history and falls back to the current revision', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(busyWorld(200));
    const event = deploymentEvent('d-DEPLOY3', 'busy-app', 'busy-group', 'us-east-1');

    // Act
    const { revision, missing } = await enricher.enrichDeployment(event, { pipeline: 'busy' });

    // Assess
    expect(revision).toMatchObject({ revisionId: (199).toString(16).padStart(40, '0'), title: 'Change 199', isCurrent: true });
    expect(revision?.executionId).toBeUndefined();
    expect(missing).toEqual([]);
    expect(countsOf(standIn)).toEqual({ ListActionExecutions: 3, GetPipelineExecution: 0, GetPipelineState: 1 });
  });
});

describe('createCodePipelineEnricher: enrichDeployment when AWS refuses', () => {
  it('says why only the current revision is known when the history is denied', async () => {
    // Prepare
    const world = demoCodePipelineWorld().failNext('ListActionExecutions', 'AccessDeniedException');
    const { enricher } = await enricherFor(world);
    const event = deploymentEventFromFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json');

    // Act
    const { revision, missing } = await enricher.enrichDeployment(event, { pipeline: 'temporary-status-pipeline' });

    // Assess
    expect(revision).toMatchObject({ revisionId: BANNER_COMMIT, isCurrent: true });
    expect(missing).toEqual(['deploying pipeline execution: access denied (AccessDeniedException)']);
  });

  it('names a mapped pipeline that does not exist, without trying its state', async () => {
    // Prepare
    const { enricher, standIn } = await enricherFor(demoCodePipelineWorld());
    const event = deploymentEventFromFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json');

    // Act
    const enrichment = await enricher.enrichDeployment(event, { pipeline: 'renamed-pipeline' });

    // Assess
    expect(enrichment).toEqual({ kind: 'codedeploy.deployment', missing: ['source revision: pipeline not found (PipelineNotFoundException)'] });
    expect(countsOf(standIn)).toEqual({ ListActionExecutions: 1, GetPipelineExecution: 0, GetPipelineState: 0 });
  });

  it('keeps the deploying execution when its revisions cannot be read', async () => {
    // Prepare
    const world = demoCodePipelineWorld().failNext('GetPipelineExecution', { type: 'ThrottlingException', times: 2 });
    const { enricher, standIn } = await enricherFor(world);
    const event = deploymentEventFromFixture('codedeploy/codedeploy-eventbridge-deployment-state-change.json');

    // Act
    const enrichment = await enricher.enrichDeployment(event, { pipeline: 'myPipeline' });

    // Assess
    expect(enrichment).toEqual({
      kind: 'codedeploy.deployment',
      revision: { pipeline: 'myPipeline', executionId: 'f4a5c3e2-8b1d-4e6f-9a7c-2d3b5e8f1a6c', isCurrent: false },
      missing: ['source revision: throttled (ThrottlingException)'],
    });
    expect(countsOf(standIn)).toEqual({ ListActionExecutions: 1, GetPipelineExecution: 2, GetPipelineState: 0 });
  });

  it('names one reason when neither the history nor the state can be read', async () => {
    // Prepare
    const world = demoCodePipelineWorld().failNext('ListActionExecutions', 'AccessDeniedException').failNext('GetPipelineState', 'AccessDeniedException');
    const { enricher } = await enricherFor(world);
    const event = deploymentEventFromFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json');

    // Act
    const enrichment = await enricher.enrichDeployment(event, { pipeline: 'temporary-status-pipeline' });

    // Assess
    expect(enrichment).toEqual({ kind: 'codedeploy.deployment', missing: ['source revision: access denied (AccessDeniedException)'] });
  });
});
