import {
  AwsStandInError,
  codeCommitHandlers,
  codeCommitTarget,
  demoCodeCommitWorld,
  loadFixture,
  startAwsStandIn,
  startParametersSecretsExtensionStandIn,
  startWebhookSink,
  type AwsStandIn,
  type ParametersSecretsExtensionStandIn,
  type WebhookSink,
} from '@herald/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const SLACK_PATH = '/services/T0TEST/B0TEST/secret-slack-token';
const DISCORD_PATH = '/api/webhooks/42/secret-discord-token';

let sink: WebhookSink;
let standIn: AwsStandIn;
let secrets: ParametersSecretsExtensionStandIn;
let handler: (event: unknown) => Promise<{ delivered: string[]; rejected: string[]; skippedAsDuplicate: number }>;
let failNextGetCommit = false;

const pushEvent = () => loadFixture('codecommit/codecommit-trigger-sns-http-push.json');
const slackBodies = () => sink.requests.filter((request) => request.path === SLACK_PATH).map((request) => request.body);
const discordBodies = () => sink.requests.filter((request) => request.path === DISCORD_PATH).map((request) => request.body);

describe('codecommit-notifier handler', () => {
  beforeAll(async () => {
    sink = await startWebhookSink();
    const world = demoCodeCommitWorld();
    const codeCommit = codeCommitHandlers(world);
    const getCommit = codeCommit[codeCommitTarget('GetCommit')]!;
    standIn = await startAwsStandIn({
      ...codeCommit,
      [codeCommitTarget('GetCommit')]: (input) => {
        if (failNextGetCommit) {
          failNextGetCommit = false;
          throw new AwsStandInError('AccessDeniedException', 'User is not authorized to perform codecommit:GetCommit');
        }
        return getCommit(input);
      },
    });
    secrets = await startParametersSecretsExtensionStandIn({
      sessionToken: 'test-session',
      parameters: { '/herald/slack': sink.urlFor(SLACK_PATH), '/herald/discord': sink.urlFor(DISCORD_PATH) },
    });
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: standIn.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_SESSION_TOKEN: 'test-session',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
      AWS_MAX_ATTEMPTS: '1',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      HERALD_CONFIG: JSON.stringify({
        targets: {
          slack: { type: 'slack', webhook: { ssmParameter: '/herald/slack' } },
          discord: { type: 'discord', webhook: { ssmParameter: '/herald/discord' } },
        },
      }),
    });
    ({ handler } = await import('../../src/handler.ts'));
  });

  afterAll(async () => {
    await secrets.close();
    await standIn.close();
    await sink.close();
  });

  beforeEach(() => {
    sink.requests.length = 0;
    standIn.calls.length = 0;
    sink.respondWith([]);
  });

  it('tells Slack and Discord about a push, with the commit fetched from CodeCommit', async () => {
    // Act
    const result = await handler(pushEvent());

    // Assess
    expect(result.delivered).toEqual(['slack', 'discord']);
    const slack = JSON.stringify(slackBodies());
    const discord = JSON.stringify(discordBodies());
    for (const body of [slack, discord]) {
      expect(body).toContain('[test]');
      expect(body).toContain('master');
      expect(body).toContain('404dc3f');
    }
    expect(standIn.calls.map((call) => call.target)).toEqual(
      expect.arrayContaining([codeCommitTarget('GetCommit'), codeCommitTarget('GetDifferences')]),
    );
    expect(secrets.requests).toHaveLength(2);
    expect(standIn.calls.filter((call) => call.target.startsWith('CodeCommit')).every((call) => call.region === 'us-east-1')).toBe(true);
  });

  it('resolves each webhook URL once per container', async () => {
    // Act
    await handler(pushEvent());

    // Assess
    expect(secrets.requests).toHaveLength(2);
  });

  it('logs and drops a malformed event without retrying it', async () => {
    // Act
    const result = await handler({ Records: [{ EventSource: 'aws:sns', Sns: { Message: 'not json' } }] });

    // Assess
    expect(result.delivered).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).not.toContain('\n');
    expect(sink.requests).toHaveLength(0);
  });

  it('still notifies when CodeCommit refuses, saying what could not be fetched', async () => {
    // Prepare
    failNextGetCommit = true;

    // Act
    const result = await handler(loadFixture('codecommit/codecommit-trigger-sns-http-tag-create.json'));

    // Assess
    expect(result.delivered).toEqual(['slack', 'discord']);
    expect(JSON.stringify(slackBodies())).toMatch(/could not fetch/i);
  });

  it('fails the invocation when a target still fails after retries, without repeating the delivered one', async () => {
    // Prepare
    sink.respondWith(() => ({ status: 500, body: 'down' }), { path: SLACK_PATH });
    const event = loadFixture('codecommit/codecommit-trigger-sns-http-branch-create.json');

    // Act
    const first = handler(event);

    // Assess
    await expect(first).rejects.toThrow(/delivery failed for slack/);
    await first.catch((error: Error) => {
      expect(error.message).not.toContain('secret-slack-token');
      expect(error.message).not.toContain('127.0.0.1');
    });
    expect(discordBodies()).toHaveLength(1);
    expect(slackBodies().length).toBeGreaterThan(1);

    // Act: Lambda retries the invocation once Slack is back
    sink.respondWith([]);
    sink.respondWith([], { path: SLACK_PATH });
    sink.requests.length = 0;
    const retried = await handler(event);

    // Assess
    expect(retried.delivered).toEqual(['slack']);
    expect(retried.skippedAsDuplicate).toBe(1);
    expect(discordBodies()).toHaveLength(0);
  }, 30_000);
});
