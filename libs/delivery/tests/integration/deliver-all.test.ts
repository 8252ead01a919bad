import { startWebhookSink, type WebhookSink } from '@herald/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverAll } from '../../src/deliver-all.ts';
import { DeliveryError } from '../../src/delivery-error.ts';

const noSleep = { sleep: () => Promise.resolve() };

describe('deliverAll', () => {
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = await startWebhookSink();
  });

  afterEach(async () => {
    await sink.close();
  });

  const pathsOf = (path: string) => sink.requests.filter((request) => request.path === path);

  it('delivers the good target exactly once and reports the failing one', async () => {
    // Prepare
    sink.respondWith([{ status: 400, body: 'invalid_payload' }], { path: '/bad' });

    // Act
    const report = await deliverAll(
      [
        { target: 'bad-slack', url: sink.urlFor('/bad'), payloads: [{ text: 'bad' }] },
        { target: 'good-discord', url: sink.urlFor('/api/webhooks/1/good'), payloads: [{ content: 'good' }] },
      ],
      noSleep,
    );

    // Assess
    expect(report.delivered).toEqual([{ target: 'good-discord', attempts: 1, payloads: 1 }]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]).toMatchObject({ target: 'bad-slack', deliveredPayloads: 0 });
    expect(report.failed[0]?.error).toBeInstanceOf(DeliveryError);
    expect(report.failed[0]?.error).toMatchObject({ status: 400, attempts: 1, retryable: false });
    expect(pathsOf('/api/webhooks/1/good')).toHaveLength(1);
    expect(pathsOf('/bad')).toHaveLength(1);
  });

  it('does not repeat a good target while another one is retried', async () => {
    // Prepare
    sink.respondWith(() => ({ status: 502 }), { path: '/flaky' });

    // Act
    const report = await deliverAll(
      [
        { target: 'flaky', url: sink.urlFor('/flaky'), payloads: [{ text: 'x' }] },
        { target: 'good', url: sink.urlFor('/good'), payloads: [{ text: 'y' }] },
      ],
      { ...noSleep, maxAttempts: 3 },
    );

    // Assess
    expect(report.delivered).toEqual([{ target: 'good', attempts: 1, payloads: 1 }]);
    expect(report.failed.map((failure) => [failure.target, failure.error.attempts])).toEqual([['flaky', 3]]);
    expect(pathsOf('/flaky')).toHaveLength(3);
    expect(pathsOf('/good')).toHaveLength(1);
  });

  it("posts one target's payloads in order", async () => {
    // Act
    const report = await deliverAll([
      { target: 'slack', url: sink.urlFor('/ordered'), payloads: [1, 2, 3].map((n) => ({ text: `part ${n}` })) },
    ]);

    // Assess
    expect(report).toEqual({ delivered: [{ target: 'slack', attempts: 3, payloads: 3 }], failed: [] });
    expect(pathsOf('/ordered').map((request) => request.body)).toEqual([
      { text: 'part 1' },
      { text: 'part 2' },
      { text: 'part 3' },
    ]);
  });

  it("stops a target at its first failed payload and counts what got through", async () => {
    // Prepare
    sink.respondWith([{ status: 200, body: 'ok' }, { status: 400, body: 'invalid_blocks' }], { path: '/partial' });

    // Act
    const report = await deliverAll(
      [{ target: 'slack', url: sink.urlFor('/partial'), payloads: [{ n: 1 }, { n: 2 }, { n: 3 }] }],
      noSleep,
    );

    // Assess
    expect(report.delivered).toEqual([]);
    expect(report.failed[0]).toMatchObject({ target: 'slack', deliveredPayloads: 1 });
    expect(pathsOf('/partial').map((request) => request.body)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('delivers targets concurrently: a hanging target does not hold up the others', async () => {
    // Prepare
    const started = Date.now();

    // Act
    const report = await deliverAll(
      [
        { target: 'hanging', url: sink.urlFor('/never-answers/x'), payloads: [{ text: 'x' }] },
        { target: 'fast', url: sink.urlFor('/fast'), payloads: [{ n: 1 }, { n: 2 }] },
      ],
      { ...noSleep, timeoutMs: 300, maxAttempts: 2 },
    );

    // Assess
    expect(report.delivered).toEqual([{ target: 'fast', attempts: 2, payloads: 2 }]);
    expect(report.failed[0]).toMatchObject({ target: 'hanging', error: { kind: 'timeout', attempts: 2 } });
    const fast = pathsOf('/fast');
    expect(fast).toHaveLength(2);
    expect((fast[1]?.receivedAt ?? Infinity) - started).toBeLessThan(300);
  });

  it('reports a target whose URL is not usable without affecting the others', async () => {
    // Act
    const report = await deliverAll([
      { target: 'broken', url: 'not a url', payloads: [{ text: 'x' }] },
      { target: 'good', url: sink.urlFor('/good'), payloads: [{ text: 'y' }] },
    ]);

    // Assess
    expect(report.delivered.map((delivered) => delivered.target)).toEqual(['good']);
    expect(report.failed[0]).toMatchObject({ target: 'broken', error: { kind: 'invalid-request', attempts: 0 } });
  });

  it('reports nothing for nothing to deliver', async () => {
    // Act
    const report = await deliverAll([]);

    // Assess
    expect(report).toEqual({ delivered: [], failed: [] });
  });
});
