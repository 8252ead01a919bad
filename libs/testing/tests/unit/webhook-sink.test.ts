import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEVER_ANSWERS_PATH, startWebhookSink, type WebhookSink } from '../../src/webhook-sink.ts';

function post(url: string, body: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
}

describe('startWebhookSink', () => {
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = await startWebhookSink();
  });

  afterEach(async () => {
    await sink.close();
  });

  it('listens on 127.0.0.1 and builds URLs for paths', () => {
    // Assess
    expect(sink.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sink.urlFor('/services/T1/B1/x')).toBe(`${sink.url}/services/T1/B1/x`);
    expect(sink.urlFor('hooks/a')).toBe(`${sink.url}/hooks/a`);
  });

  it('answers like Slack (200 "ok") by default and records the parsed JSON body', async () => {
    // Act
    const response = await post(sink.urlFor('/services/T1/B1/x'), '{"text":"hello"}');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]).toMatchObject({
      method: 'POST',
      path: '/services/T1/B1/x',
      body: { text: 'hello' },
      rawBody: '{"text":"hello"}',
    });
    expect(sink.requests[0]?.headers['content-type']).toBe('application/json');
    expect(sink.requests[0]?.receivedAt).toBeTypeOf('number');
  });

  it('answers like Discord (204, no body) on /api/webhooks paths', async () => {
    // Act
    const response = await post(sink.urlFor('/api/webhooks/123/token?wait=false'), '{"content":"hi"}');

    // Assess
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('keeps a body that is not JSON as raw text', async () => {
    // Act
    await post(sink.urlFor('/raw'), 'not json', { headers: { 'content-type': 'text/plain' } });

    // Assess
    expect(sink.requests[0]?.body).toBe('not json');
  });

  it('plays a scripted queue in order, then falls back to the default answer', async () => {
    // Prepare
    sink.respondWith([
      { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.5, global: false } },
      { status: 500 },
      { status: 400, body: 'invalid_blocks' },
    ]);
    const url = sink.urlFor('/services/T1/B1/x');

    // Act
    const first = await post(url, '{}');
    const second = await post(url, '{}');
    const third = await post(url, '{}');
    const fourth = await post(url, '{}');
    const fifth = await post(url, '{}');

    // Assess
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(await first.text()).toBe('rate_limited');
    expect(second.status).toBe(429);
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(await second.json()).toMatchObject({ retry_after: 0.5 });
    expect(third.status).toBe(500);
    expect(fourth.status).toBe(400);
    expect(await fourth.text()).toBe('invalid_blocks');
    expect(fifth.status).toBe(200);
    expect(sink.requests).toHaveLength(5);
  });

  it('scripts one path without touching the others', async () => {
    // Prepare
    sink.respondWith([{ status: 500 }], { path: '/bad' });

    // Act
    const bad = await post(sink.urlFor('/bad?x=1'), '{}');
    const good = await post(sink.urlFor('/good'), '{}');
    const badAgain = await post(sink.urlFor('/bad'), '{}');

    // Assess
    expect(bad.status).toBe(500);
    expect(good.status).toBe(200);
    expect(badAgain.status).toBe(200);
  });

  it('answers with a function', async () => {
    // Prepare
    sink.respondWith((request) => ({ status: 201, body: { echo: request.body } }));

    // Act
    const response = await post(sink.urlFor('/echo'), '{"a":1}');

    // Assess
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ echo: { a: 1 } });
  });

  it('holds a request on the never-answers path until the client gives up', async () => {
    // Prepare
    const started = Date.now();

    // Act
    const attempt = post(sink.urlFor(`${NEVER_ANSWERS_PATH}/x`), '{}', { signal: AbortSignal.timeout(150) });

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sink.requests).toHaveLength(1);
  });

  it('closes held connections on close()', async () => {
    // Prepare
    const local = await startWebhookSink();
    local.respondWith([{ hang: true }]);
    const pending = post(local.urlFor('/held'), '{}');
    await expect.poll(() => local.requests.length).toBe(1);

    // Act
    await local.close();

    // Assess
    await expect(pending).rejects.toThrow();
  });
});
