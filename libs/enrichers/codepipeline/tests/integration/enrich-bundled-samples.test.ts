import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixtures, loadFixture, type AwsStandIn } from '@herald/testing';
import { createCodePipelineEnricher, type CodePipelineEnricher } from '../../src/index.ts';
import { deploymentEventFromFixture, pipelineEventFromFixture } from '../support/events.ts';
import { demoCodePipelineWorld, demoDeploymentGroupPipelines, standInClientFor, startCodePipelineStandIn } from '../support/stand-in.ts';

let standIn: AwsStandIn;
let enricher: CodePipelineEnricher;

beforeAll(async () => {
  standIn = await startCodePipelineStandIn(demoCodePipelineWorld());
  enricher = createCodePipelineEnricher({ clientFor: standInClientFor(standIn) });
});

afterAll(async () => {
  await standIn.close();
});

/** The bundled samples that carry a CodePipeline execution state change. */
function pipelineSamples(): string[] {
  return [...listFixtures('codepipeline'), ...listFixtures('codestar-notifications')].filter((file) => {
    const text = JSON.stringify(loadFixture(file));
    return text.includes('aws.codepipeline') && text.includes('execution-id');
  });
}

/** The bundled CodeDeploy samples of a whole deployment (not of one instance). */
function deploymentSamples(): string[] {
  return listFixtures('codedeploy').filter((file) => !file.includes('instance'));
}

describe('createCodePipelineEnricher on the bundled samples', () => {
  it.each(pipelineSamples())('enriches %s from the demo pipelines with nothing missing', async (file) => {
    // Prepare
    const event = pipelineEventFromFixture(file);

    // Act
    const enrichment = await enricher.enrichExecution(event);

    // Assess
    expect(enrichment.missing).toEqual([]);
    expect(enrichment.revisions.length).toBeGreaterThan(0);
    expect(enrichment.revisions.every((revision) => revision.title && revision.url?.startsWith('https://'))).toBe(true);
    expect(enrichment.execution?.trigger?.type).toBeTruthy();
    if (event.state === 'failed') expect(enrichment.failure).toMatchObject({ stage: expect.any(String), action: expect.any(String), code: 'JobFailed' });
    else expect(enrichment.failure).toBeUndefined();
  });

  it.each(deploymentSamples())('finds the revision %s deployed when a pipeline deploys its group', async (file) => {
    // Prepare
    const event = deploymentEventFromFixture(file);
    const pipeline = demoDeploymentGroupPipelines[`${event.application}/${event.deploymentGroup ?? ''}`];

    // Act
    const enrichment = await enricher.enrichDeployment(event, pipeline ? { pipeline } : {});

    // Assess
    expect(enrichment.missing).toEqual([]);
    if (pipeline) expect(enrichment.revision).toMatchObject({ pipeline, revisionId: expect.stringMatching(/^[0-9a-f]{40}$/), title: expect.any(String) });
    else expect(enrichment.revision).toBeUndefined();
  });
});
