import {
  codePipelineHandlers,
  codePipelineTarget,
  demoCodePipelineWorld,
  demoDeploymentGroupPipelines,
  loadFixture,
  startNotifierHarness,
  type NotifierHarness,
} from '@herald/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let harness: NotifierHarness;
let handler: (event: unknown) => Promise<{ delivered: string[]; rejected: string[] }>;

describe('codedeploy-notifier handler', () => {
  beforeAll(async () => {
    harness = await startNotifierHarness(codePipelineHandlers(demoCodePipelineWorld()), {
      deploymentGroups: Object.fromEntries(
        Object.entries(demoDeploymentGroupPipelines).map(([group, pipeline]) => [group, { pipeline, siteUrl: 'https://status.example.com' }]),
      ),
    });
    ({ handler } = await import('../../src/handler.ts'));
  });

  afterAll(async () => {
    await harness.close();
  });

  beforeEach(() => harness.reset());

  it('tells a failed deployment with its error and the revision its pipeline execution deployed', async () => {
    // Act
    const result = await handler(loadFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json'));

    // Assess
    expect(result.delivered).toEqual(['slack', 'discord']);
    for (const body of [JSON.stringify(harness.slackBodies()), JSON.stringify(harness.discordBodies())]) {
      expect(body).toContain('d-MainDeployment');
      expect(body).toContain('temporary-status');
      expect(body).toContain('ECS_UPDATE_ERROR');
      expect(body).toContain('Show a maintenance banner during incidents');
      expect(body).toContain('https://status.example.com');
    }
    expect(harness.aws.calls.map((call) => call.target)).toEqual(
      expect.arrayContaining([codePipelineTarget('ListActionExecutions'), codePipelineTarget('GetPipelineExecution')]),
    );
    expect(harness.aws.calls.every((call) => call.region === 'eu-west-2')).toBe(true);
  });

  it('tells a deployment from EventBridge', async () => {
    const result = await handler(loadFixture('codedeploy/codedeploy-eventbridge-deployment-state-change.json'));
    expect(result.delivered).toEqual(['slack', 'discord']);
    expect(JSON.stringify(harness.slackBodies())).toContain('d-123456789');
  });

  it('drops an event it cannot read, naming why', async () => {
    const result = await handler({ Records: [{ EventSource: 'aws:sns', Sns: { Message: '{"deploymentId": 5}' } }] });
    expect(result.delivered).toEqual([]);
    expect(result.rejected).toHaveLength(1);
  });
});
