import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/delivery-error.ts';
import { postWebhook } from '../../src/post-webhook.ts';

const SECRET_URL = 'https://hooks.example.com/services/Tsecret1/Bsecret2/xoxsecrettoken-example';
const SECRET_PARTS = ['hooks.example.com', 'Tsecret1', 'Bsecret2', 'xoxsecrettoken-example'];

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

function expectNoSecret(text: string): void {
  for (const part of SECRET_PARTS) expect(text).not.toContain(part);
}

const noSleep = { sleep: () => Promise.resolve() };

describe('postWebhook', () => {
  it('posts the payload as JSON', async () => {
    // Prepare
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      calls.push({ url: String(input), init });
      return Promise.resolve(new Response(null, { status: 204 }));
    };

    // Act
    const result = await postWebhook(SECRET_URL, { content: 'hi' }, { fetch, headers: { 'x-extra': '1' } });

    // Assess
    expect(result).toEqual({ ok: true, status: 204, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(SECRET_URL);
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      body: '{"content":"hi"}',
      headers: { 'content-type': 'application/json', 'x-extra': '1' },
    });
  });

  it('rejects a URL that is not http(s) without sending or echoing it', async () => {
    // Prepare
    let called = false;
    const fetch: typeof globalThis.fetch = () => {
      called = true;
      return Promise.resolve(new Response('ok'));
    };

    // Act
    const error = await failure(postWebhook('ftp://hooks.example.com/Tsecret1', {}, { fetch }));

    // Assess
    expect(called).toBe(false);
    expect(error).toMatchObject({ kind: 'invalid-request', attempts: 0, retryable: false });
    expect(error.message).toBe('webhook delivery failed: the webhook URL is not a valid http(s) URL (nothing sent)');
  });

  it('rejects a payload JSON cannot represent', async () => {
    // Prepare
    const payload: Record<string, unknown> = {};
    payload['self'] = payload;

    // Act
    const error = await failure(postWebhook(SECRET_URL, payload));

    // Assess
    expect(error).toMatchObject({ kind: 'invalid-request', attempts: 0, retryable: false });
  });

  it('scrubs the URL out of an underlying error and its cause', async () => {
    // Prepare
    const fetch: typeof globalThis.fetch = () =>
      Promise.reject(
        new TypeError(`fetch failed for ${SECRET_URL}`, {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.com'), { code: 'ENOTFOUND' }),
        }),
      );

    // Act
    const error = await failure(postWebhook(SECRET_URL, {}, { fetch, maxAttempts: 2, ...noSleep }));

    // Assess
    expect(error.message).toBe(
      'webhook delivery failed: network error: getaddrinfo ENOTFOUND [redacted] (gave up after 2 attempts)',
    );
    expect(error).toMatchObject({ kind: 'network', attempts: 2, retryable: true });
    expectNoSecret(error.message);
    expectNoSecret(String(error.stack));
    expect(error.cause).toBeUndefined();
  });

  it('scrubs the URL out of a rejection body', async () => {
    // Prepare
    const fetch: typeof globalThis.fetch = () =>
      Promise.resolve(Response.json({ message: `Unknown Webhook ${SECRET_URL}`, code: 10015 }, { status: 404 }));

    // Act
    const error = await failure(postWebhook(SECRET_URL, {}, { fetch }));

    // Assess
    expect(error.message).toBe(
      'webhook delivery failed: HTTP 404 Not Found: Unknown Webhook [redacted] (code 10015) (not retryable, 1 attempt)',
    );
    expectNoSecret(error.message);
  });

  it('gives up before a wait that would pass the time budget', async () => {
    // Prepare
    let calls = 0;
    const fetch: typeof globalThis.fetch = () => {
      calls += 1;
      return Promise.resolve(new Response('', { status: 503, headers: { 'retry-after': '2' } }));
    };

    // Act
    const error = await failure(
      postWebhook(SECRET_URL, {}, { fetch, ...noSleep, maxElapsedMs: 2500, timeoutMs: 1000 }),
    );

    // Assess
    expect(calls).toBe(1);
    expect(error.message).toBe(
      'webhook delivery failed: HTTP 503 Service Unavailable (no time left for a 2 s wait within the delivery budget; gave up after 1 attempt)',
    );
    expect(error).toMatchObject({ status: 503, attempts: 1, retryable: true });
  });

  it('counts the waits against the time budget', async () => {
    // Prepare
    const waits: number[] = [];
    const fetch: typeof globalThis.fetch = () => Promise.resolve(new Response('', { status: 500 }));
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };

    // Act
    const error = await failure(
      postWebhook(SECRET_URL, {}, {
        fetch,
        sleep,
        random: () => 0,
        maxAttempts: 10,
        baseDelayMs: 1000,
        maxElapsedMs: 7000,
        timeoutMs: 500,
      }),
    );

    // Assess
    expect(waits).toEqual([500, 1000, 2000]);
    expect(error.attempts).toBe(4);
  });
});
