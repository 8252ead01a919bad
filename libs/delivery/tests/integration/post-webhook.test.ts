import { loadFixture, startWebhookSink, type WebhookSink } from '@herald/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/delivery-error.ts';
import { postWebhook } from '../../src/post-webhook.ts';

const SLACK_PATH = '/services/Tsecret1/Bsecret2/xoxsecrettoken-example';
const DISCORD_PATH = '/api/webhooks/123456789012345678/discordsecrettoken-abcdef';

function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

function expectNoPartOf(url: string, text: string): void {
  const { host, hostname, port, pathname } = new URL(url);
  expect(text).not.toContain(url);
  expect(text).not.toContain(host);
  expect(text).not.toContain(hostname);
  expect(text).not.toContain(`:${port}`);
  for (const segment of pathname.split('/').filter((part) => part.length > 3)) expect(text).not.toContain(segment);
}

describe('postWebhook against a webhook sink', () => {
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = await startWebhookSink();
  });

  afterEach(async () => {
    await sink.close();
  });

  it('delivers to Slack (200 "ok") in one attempt', async () => {
    // Act
    const result = await postWebhook(sink.urlFor(SLACK_PATH), { text: 'deployed' });

    // Assess
    expect(result).toEqual({ ok: true, status: 200, attempts: 1 });
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]).toMatchObject({ method: 'POST', path: SLACK_PATH, body: { text: 'deployed' } });
    expect(sink.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('delivers to Discord (204) in one attempt', async () => {
    // Act
    const result = await postWebhook(sink.urlFor(DISCORD_PATH), { content: 'deployed' });

    // Assess
    expect(result).toEqual({ ok: true, status: 204, attempts: 1 });
    expect(sink.requests[0]?.body).toEqual({ content: 'deployed' });
  });

  it('waits out a Slack 429 Retry-After: 1, then delivers', async () => {
    // Prepare
    sink.respondWith([
      { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' },
      { status: 200, body: 'ok' },
    ]);
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };

    // Act
    const result = await postWebhook(sink.urlFor(SLACK_PATH), { text: 'hi' }, { sleep });

    // Assess
    expect(result).toEqual({ ok: true, status: 200, attempts: 2 });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(sink.requests).toHaveLength(2);
    const [first, second] = sink.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("waits Discord's retry_after from a 429 body", async () => {
    // Prepare
    const body = loadFixture('chat/discord-429-user-rate-limit-body.json');
    sink.respondWith([{ status: 429, body }]);
    const { waits, sleep } = recordingSleep();

    // Act
    const result = await postWebhook(sink.urlFor(DISCORD_PATH), { content: 'hi' }, {
      sleep,
      maxWaitMs: 120_000,
      maxElapsedMs: 300_000,
    });

    // Assess
    expect(result).toEqual({ ok: true, status: 204, attempts: 2 });
    expect(waits).toEqual([64_570]);
    expect(sink.requests).toHaveLength(2);
  });

  it('waits the larger of the Retry-After header and the Discord body', async () => {
    // Prepare
    const body = loadFixture('chat/discord-429-global-rate-limit-body.json');
    sink.respondWith([{ status: 429, headers: { 'retry-after': '65', 'x-ratelimit-global': 'true' }, body }]);
    const { waits, sleep } = recordingSleep();

    // Act
    await postWebhook(sink.urlFor(DISCORD_PATH), { content: 'hi' }, {
      sleep,
      maxWaitMs: 120_000,
      maxElapsedMs: 300_000,
    });

    // Assess
    expect(waits).toEqual([65_000]);
  });

  it('gives up at once, saying why, when asked to wait longer than the cap', async () => {
    // Prepare
    sink.respondWith([{ status: 429, body: loadFixture('chat/discord-429-shared-resource-rate-limit-body.json') }]);
    const { waits, sleep } = recordingSleep();

    // Act
    const error = await failure(postWebhook(sink.urlFor(DISCORD_PATH), { content: 'hi' }, { sleep }));

    // Assess
    expect(waits).toEqual([]);
    expect(sink.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'http', status: 429, attempts: 1, retryable: true });
    expect(error.message).toBe(
      'webhook delivery failed: HTTP 429 Too Many Requests: The resource is being rate limited. ' +
        '(server asked to wait 1336.6 s, over the 30 s limit; gave up after 1 attempt)',
    );
  });

  it('retries 500, 500, then delivers on the third attempt with growing waits', async () => {
    // Prepare
    sink.respondWith([{ status: 500 }, { status: 500 }, { status: 200, body: 'ok' }]);
    const { waits, sleep } = recordingSleep();

    // Act
    const result = await postWebhook(sink.urlFor(SLACK_PATH), { text: 'hi' }, { sleep, random: () => 0.5 });

    // Assess
    expect(result).toEqual({ ok: true, status: 200, attempts: 3 });
    expect(sink.requests).toHaveLength(3);
    expect(waits).toEqual([375, 750]);
  });

  it('gives up after the attempt limit on repeated 5xx', async () => {
    // Prepare
    sink.respondWith(() => ({ status: 503, body: 'no_service' }));
    const { waits, sleep } = recordingSleep();

    // Act
    const error = await failure(postWebhook(sink.urlFor(SLACK_PATH), { text: 'hi' }, { sleep }));

    // Assess
    expect(sink.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'http', status: 503, attempts: 4, retryable: true });
    expect(error.message).toBe(
      'webhook delivery failed: HTTP 503 Service Unavailable: no_service (gave up after 4 attempts)',
    );
  });

  it('does not retry a 400', async () => {
    // Prepare
    sink.respondWith([{ status: 400, body: 'invalid_blocks' }]);
    const { waits, sleep } = recordingSleep();

    // Act
    const error = await failure(postWebhook(sink.urlFor(SLACK_PATH), { blocks: [] }, { sleep }));

    // Assess
    expect(sink.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ kind: 'http', status: 400, attempts: 1, retryable: false });
    expect(error.message).toBe('webhook delivery failed: HTTP 400 Bad Request: invalid_blocks (not retryable, 1 attempt)');
  });

  it('times out each attempt on a server that never answers, then fails', async () => {
    // Prepare
    const url = sink.urlFor('/never-answers/Tsecret1/xoxsecrettoken-example');
    const { waits, sleep } = recordingSleep();
    const started = performance.now();

    // Act
    const error = await failure(postWebhook(url, { text: 'hi' }, { sleep, timeoutMs: 200, maxAttempts: 3 }));

    // Assess
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
    expect(sink.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'timeout', attempts: 3, retryable: true });
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('webhook delivery failed: no answer within 200 ms (gave up after 3 attempts)');
    expectNoPartOf(url, error.message);
  });

  it('retries a refused connection, then fails without naming the URL', async () => {
    // Prepare
    const closed = await startWebhookSink();
    const url = closed.urlFor(SLACK_PATH);
    await closed.close();
    const { waits, sleep } = recordingSleep();

    // Act
    const error = await failure(postWebhook(url, { text: 'hi' }, { sleep, maxAttempts: 3 }));

    // Assess
    expect(waits).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'network', attempts: 3, retryable: true });
    expect(error.message).toMatch(/^webhook delivery failed: network error: .*ECONNREFUSED.* \(gave up after 3 attempts\)$/);
    expectNoPartOf(url, error.message);
    expectNoPartOf(url, String(error.stack));
    expectNoPartOf(url, JSON.stringify(error));
  });

  it('never puts the URL in an error, even when the server echoes it', async () => {
    // Prepare
    const url = sink.urlFor(SLACK_PATH);
    sink.respondWith([{ status: 404, body: `no_service: ${url} is unknown (token xoxsecrettoken-example)` }]);

    // Act
    const error = await failure(postWebhook(url, { text: 'hi' }));

    // Assess
    expect(error.message).toBe(
      'webhook delivery failed: HTTP 404 Not Found: no_service: [redacted] is unknown (token [redacted]) (not retryable, 1 attempt)',
    );
    expectNoPartOf(url, error.message);
  });
});
