import {
  AwsStandInError,
  codeCommitHandlers,
  codeCommitTarget,
  demoCodeCommitWorld,
  HARNESS_SLACK_PATH,
  loadFixture,
  startNotifierHarness,
  type NotifierHarness,
} from '@herald/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let harness: NotifierHarness;
let handler: (event: unknown) => Promise<{ delivered: string[]; rejected: string[]; skippedAsDuplicate: number }>;
let failNextGetCommit = false;

const pushEvent = () => loadFixture('codecommit/codecommit-trigger-sns-http-push.json');

describe('codecommit-notifier handler', () => {
  beforeAll(async () => {
    const codeCommit = codeCommitHandlers(demoCodeCommitWorld());
    const getCommit = codeCommit[codeCommitTarget('GetCommit')]!;
    harness = await startNotifierHarness({
      ...codeCommit,
      [codeCommitTarget('GetCommit')]: (input) => {
        if (failNextGetCommit) {
          failNextGetCommit = false;
          throw new AwsStandInError('AccessDeniedException', 'User is not authorized to perform codecommit:GetCommit');
        }
        return getCommit(input);
      },
    });
    ({ handler } = await import('../../src/handler.ts'));
  });

  afterAll(async () => {
    await harness.close();
  });

  beforeEach(() => harness.reset());

  it('tells Slack and Discord about a push, with the commit fetched from CodeCommit', async () => {
    // Act
    const result = await handler(pushEvent());

    // Assess
    expect(result.delivered).toEqual(['slack', 'discord']);
    for (const body of [JSON.stringify(harness.slackBodies()), JSON.stringify(harness.discordBodies())]) {
      expect(body).toContain('[test]');
      expect(body).toContain('master');
      expect(body).toContain('404dc3f');
    }
    expect(harness.aws.calls.map((call) => call.target)).toEqual(
      expect.arrayContaining([codeCommitTarget('GetCommit'), codeCommitTarget('GetDifferences')]),
    );
    expect(harness.aws.calls.every((call) => call.region === 'us-east-1')).toBe(true);
    expect(harness.secrets.requests).toHaveLength(2);
  });

  it('resolves each webhook URL once per container', async () => {
    // Act
    await handler(pushEvent());

    // Assess
    expect(harness.secrets.requests).toHaveLength(2);
  });

  it('logs and drops a malformed event without retrying it', async () => {
    // Act
    const result = await handler({ Records: [{ EventSource: 'aws:sns', Sns: { Message: 'not json' } }] });

    // Assess
    expect(result.delivered).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).not.toContain('\n');
    expect(harness.sink.requests).toHaveLength(0);
  });

  it('still notifies when CodeCommit refuses, saying what could not be fetched', async () => {
    // Prepare
    failNextGetCommit = true;

    // Act
    const result = await handler(loadFixture('codecommit/codecommit-trigger-sns-http-tag-create.json'));

    // Assess
    expect(result.delivered).toEqual(['slack', 'discord']);
    expect(JSON.stringify(harness.slackBodies())).toMatch(/could not fetch/i);
  });

  it('fails the invocation when a target still fails after retries, without repeating the delivered one', async () => {
    // Prepare
    harness.sink.respondWith(() => ({ status: 500, body: 'down' }), { path: HARNESS_SLACK_PATH });
    const event = loadFixture('codecommit/codecommit-trigger-sns-http-branch-create.json');

    // Act
    const first = handler(event);

    // Assess
    await expect(first).rejects.toThrow(/delivery failed for slack/);
    await first.catch((error: Error) => {
      expect(error.message).not.toContain('secret-slack-token');
      expect(error.message).not.toContain('127.0.0.1');
    });
    expect(harness.discordBodies()).toHaveLength(1);
    expect(harness.slackBodies().length).toBeGreaterThan(1);

    // Act: Lambda retries the invocation once Slack is back
    harness.reset();
    const retried = await handler(event);

    // Assess
    expect(retried.delivered).toEqual(['slack']);
    expect(retried.skippedAsDuplicate).toBe(1);
    expect(harness.discordBodies()).toHaveLength(0);
  }, 30_000);
});
