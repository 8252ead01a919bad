import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, planRetryWait, type RetryWaitInput } from '../../src/retry-policy.ts';

const base: RetryWaitInput = {
  attempt: 1,
  retryAfterMs: undefined,
  baseDelayMs: 500,
  maxWaitMs: 30_000,
  remainingMs: 60_000,
  random: 0.5,
};

describe('backoffMs', () => {
  it('doubles each attempt, with jitter between half and all of the step', () => {
    // Act
    const lowest = [1, 2, 3, 4].map((attempt) => backoffMs(attempt, 500, 30_000, 0));
    const highest = [1, 2, 3, 4].map((attempt) => backoffMs(attempt, 500, 30_000, 1));

    // Assess
    expect(lowest).toEqual([250, 500, 1000, 2000]);
    expect(highest).toEqual([500, 1000, 2000, 4000]);
  });

  it('never goes over the single-wait cap', () => {
    // Act
    const result = backoffMs(30, 500, 30_000, 0.9);

    // Assess
    expect(result).toBe(30_000);
  });
});

describe('planRetryWait', () => {
  it('waits at least what the server asked', () => {
    // Act
    const result = planRetryWait({ ...base, retryAfterMs: 1000 });

    // Assess
    expect(result).toEqual({ waitMs: 1000 });
  });

  it('waits the backoff when the server asked for less', () => {
    // Act
    const result = planRetryWait({ ...base, attempt: 3, retryAfterMs: 100, random: 1 });

    // Assess
    expect(result).toEqual({ waitMs: 2000 });
  });

  it('gives up, saying why, when the server asks for more than the cap', () => {
    // Act
    const result = planRetryWait({ ...base, retryAfterMs: 64_570 });

    // Assess
    expect(result).toEqual({ giveUp: 'server asked to wait 64.6 s, over the 30 s limit' });
  });

  it('gives up when the wait would not fit in the time left', () => {
    // Act
    const result = planRetryWait({ ...base, retryAfterMs: 5000, remainingMs: 4000 });

    // Assess
    expect(result).toEqual({ giveUp: 'no time left for a 5 s wait within the delivery budget' });
  });

  it('never throws, never waits a negative time, over the cap or past the budget', () => {
    // Prepare
    const input = fc.record({
      attempt: fc.integer({ min: 1, max: 100 }),
      retryAfterMs: fc.option(fc.double({ min: -1e12, max: 1e12 }), { nil: undefined }),
      baseDelayMs: fc.double({ min: 0, max: 1e9, noNaN: true }),
      maxWaitMs: fc.integer({ min: 0, max: 3_600_000 }),
      remainingMs: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    });

    // Act & Assess
    fc.assert(
      fc.property(input, (value) => {
        const plan = planRetryWait(value);
        if ('giveUp' in plan) return plan.giveUp.length > 0;
        const askedMs = Number.isNaN(value.retryAfterMs) ? 0 : (value.retryAfterMs ?? 0);
        return (
          plan.waitMs >= 0 &&
          plan.waitMs <= value.maxWaitMs &&
          plan.waitMs < value.remainingMs &&
          plan.waitMs >= Math.min(askedMs, value.maxWaitMs)
        );
      }),
    );
  });
});
