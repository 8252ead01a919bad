import {
  codePipelineHandlers,
  codePipelineTarget,
  demoCodePipelineWorld,
  listFixtures,
  loadFixture,
  startNotifierHarness,
  type NotifierHarness,
} from '@herald/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let harness: NotifierHarness;
let handler: (event: unknown) => Promise<{ delivered: string[]; rejected: string[] }>;

describe('codepipeline-notifier handler', () => {
  beforeAll(async () => {
    harness = await startNotifierHarness(codePipelineHandlers(demoCodePipelineWorld()));
    ({ handler } = await import('../../src/handler.ts'));
  });

  afterAll(async () => {
    await harness.close();
  });

  beforeEach(() => harness.reset());

  it('tells a failed action with the failing stage, action, error and the revision of its own execution', async () => {
    // Act
    const result = await handler(loadFixture('codepipeline/codepipeline-eventbridge-action-failed-awsdocs.json'));

    // Assess
    expect(result.delivered).toEqual(['slack', 'discord']);
    const body = JSON.stringify(harness.slackBodies());
    expect(body).toContain('myPipeline');
    expect(body).toContain('Deploy');
    expect(harness.aws.calls.filter((call) => call.target === codePipelineTarget('GetPipelineExecution'))).toHaveLength(1);
    expect(harness.aws.calls[0]?.input).toMatchObject({ pipelineName: 'myPipeline' });
    expect(harness.aws.calls.find((call) => call.target === codePipelineTarget('GetPipelineState'))).toBeUndefined();
  });

  // The action-failed sample was delivered above: the container would rightly skip it as a redelivery.
  it.each([
    ...listFixtures('codepipeline').filter((fixture) => !fixture.endsWith('action-failed-awsdocs.json')),
    ...listFixtures('codebuild'),
    ...listFixtures('codestar-notifications'),
    ...listFixtures('codecommit', 'codecommit-eventbridge-pull-request-'),
    ...listFixtures('codecommit', 'codecommit-eventbridge-comment-'),
  ])('delivers %s to every target', async (fixture) => {
    const result = await handler(loadFixture(fixture));
    expect(result.rejected).toEqual([]);
    expect(result.delivered).toEqual(['slack', 'discord']);
  });
});
