import { Logger } from '@aws-lambda-powertools/logger';
import { loadFixture, startWebhookSink, type WebhookSink } from '@herald/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '@herald/notify';
import { createNotifierHandler, DeliveryFailedError, loadNotifierConfig } from '../../src/index.ts';

const config = JSON.stringify({
  targets: {
    slack: { type: 'slack', webhook: { ssmParameter: '/herald/slack' } },
    discord: { type: 'discord', webhook: { ssmParameter: '/herald/discord' } },
  },
});

let sink: WebhookSink;
const silent = new Logger({ logLevel: 'SILENT' });

function handlerWith(lookups: string[] = []) {
  return createNotifierHandler({
    name: 'test-notifier',
    env: { HERALD_CONFIG: config },
    logger: silent,
    lookupUrl: async (target) => {
      lookups.push(target);
      return sink.urlFor(target === 'slack' ? '/services/T/B/slack' : '/api/webhooks/1/discord');
    },
    delivery: { baseDelayMs: 1, timeoutMs: 2000 },
  });
}

describe('createNotifierHandler', () => {
  beforeAll(async () => {
    sink = await startWebhookSink();
  });
  afterAll(async () => {
    await sink.close();
  });
  beforeEach(() => {
    sink.requests.length = 0;
    sink.respondWith([]);
    sink.respondWith([], { path: '/services/T/B/slack' });
  });

  it('delivers each target once per event, also when Lambda delivers the event again', async () => {
    // Prepare
    const handler = handlerWith();
    const event = loadFixture('codecommit/codecommit-trigger-sns-http-push.json');

    // Act
    const first = await handler(event);
    const again = await handler(event);

    // Assess
    expect(first.delivered).toEqual(['slack', 'discord']);
    expect(again).toMatchObject({ delivered: [], skippedAsDuplicate: 2 });
    expect(sink.requests).toHaveLength(2);
  });

  it('tells apart different events that share an id', async () => {
    // Prepare: AWS's documentation samples reuse one id for different events
    const handler = handlerWith();

    // Act
    await handler(loadFixture('codecommit/codecommit-eventbridge-reference-created-awsdocs.json'));
    const second = await handler(loadFixture('codecommit/codecommit-eventbridge-reference-updated-awsdocs.json'));

    // Assess
    expect(second.delivered).toEqual(['slack', 'discord']);
    expect(sink.requests).toHaveLength(4);
  });

  it('fails the invocation when a target keeps failing, naming the target but not its URL', async () => {
    // Prepare
    sink.respondWith(() => ({ status: 503 }), { path: '/services/T/B/slack' });
    const handler = handlerWith();

    // Act
    const attempt = handler(loadFixture('codecommit/codecommit-trigger-sns-http-tag-create.json'));

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DeliveryFailedError);
    await attempt.catch((error: Error) => {
      expect(error.message).toMatch(/^delivery failed for slack \(/);
      expect(error.message).not.toMatch(/127\.0\.0\.1|services\/T\/B/);
    });
    expect(sink.requests.filter((request) => request.path.startsWith('/api/webhooks'))).toHaveLength(1);
  });

  it('does not repeat, on the retry, the messages a failing target had already received', async () => {
    // Prepare: one invocation carrying two events (an SQS batch); Slack refuses the second
    const push = loadFixture<Record<string, unknown>>('codecommit/codecommit-trigger-sns-http-push.json');
    const tag = loadFixture<Record<string, unknown>>('codecommit/codecommit-trigger-sns-http-tag-create.json');
    const batch = { Records: [push, tag].map((body) => ({ eventSource: 'aws:sqs', messageId: String(body['MessageId']), body: JSON.stringify(body) })) };
    let slackPosts = 0;
    sink.respondWith(() => {
      slackPosts += 1;
      return slackPosts === 2 ? { status: 400, body: 'invalid_blocks' } : { status: 200, body: 'ok' };
    }, { path: '/services/T/B/slack' });
    const handler = handlerWith();

    // Act
    await expect(handler(batch)).rejects.toThrow(/delivery failed for slack/);
    const retried = await handler(batch);

    // Assess: the retry sends Slack only the event it missed, Discord nothing
    expect(slackPosts).toBe(3);
    expect(retried.skippedAsDuplicate).toBe(3);
    expect(sink.requests.filter((request) => request.path.startsWith('/api/webhooks'))).toHaveLength(2);
  });

  it('fails a target whose webhook cannot be resolved, and still delivers the others', async () => {
    // Prepare
    const handler = createNotifierHandler({
      name: 'test-notifier',
      env: { HERALD_CONFIG: config },
      logger: silent,
      lookupUrl: async (target) => {
        if (target === 'slack') throw new Error('SSM parameter /herald/slack: could not be read (ParameterNotFound)');
        return sink.urlFor('/api/webhooks/1/discord');
      },
    });

    // Act
    const attempt = handler(loadFixture('codecommit/codecommit-trigger-sns-http-push.json'));

    // Assess
    await expect(attempt).rejects.toThrow('delivery failed for slack (SSM parameter /herald/slack: could not be read (ParameterNotFound))');
    expect(sink.requests).toHaveLength(1);
  });

  it('drops a malformed event without failing', async () => {
    const result = await handlerWith()({ Records: [{ eventSource: 'aws:codecommit' }] });
    expect(result.delivered).toEqual([]);
    expect(result.rejected).toHaveLength(1);
  });
});

describe('loadNotifierConfig', () => {
  it('fails fast naming the field', () => {
    expect(() => loadNotifierConfig({})).toThrow('invalid config: HERALD_CONFIG is not set');
    expect(() => loadNotifierConfig({ HERALD_CONFIG: '{"targets":{"a":{"type":"slack"}}}' })).toThrow(
      'invalid HERALD_CONFIG: targets.a.webhook: required (an SSM parameter or secret)',
    );
    expect(() => loadNotifierConfig({ HERALD_CONFIG: '{"targets":{"a":{"type":"irc"}}}' })).toThrow(ConfigError);
  });
});
