export interface RetryWaitInput {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** What the server asked for (`Retry-After`, Discord `retry_after`), if anything. */
  retryAfterMs: number | undefined;
  /** The first backoff step; each later one doubles. */
  baseDelayMs: number;
  /** The longest single wait allowed. */
  maxWaitMs: number;
  /** Time left in the whole delivery's budget. */
  remainingMs: number;
  /** A number in [0, 1). */
  random: number;
}

export type RetryWait = { waitMs: number } | { giveUp: string };

function seconds(ms: number): string {
  const value = ms / 1000;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} s`;
}

/**
 * Exponential backoff with jitter: a random wait between half and all of `baseDelayMs * 2^(attempt-1)`,
 * never over `maxWaitMs`.
 */
export function backoffMs(attempt: number, baseDelayMs: number, maxWaitMs: number, random: number): number {
  const step = Math.max(0, baseDelayMs) * 2 ** Math.max(0, attempt - 1);
  const jittered = step / 2 + (step / 2) * Math.min(Math.max(random, 0), 1);
  if (Number.isNaN(jittered)) return 0;
  return Math.max(0, Math.min(Math.round(jittered), maxWaitMs));
}

/**
 * Decides how long to wait before the next attempt: never shorter than the server asked nor than the backoff,
 * never longer than `maxWaitMs` nor past the budget. When the server asks for more than that, gives up with
 * the reason instead of waiting.
 */
export function planRetryWait(input: RetryWaitInput): RetryWait {
  const maxWaitMs = Math.max(0, input.maxWaitMs);
  const remainingMs = Math.max(0, input.remainingMs);
  const askedMs = Number.isNaN(input.retryAfterMs) ? 0 : Math.max(0, input.retryAfterMs ?? 0);
  if (askedMs > maxWaitMs) {
    return { giveUp: `server asked to wait ${seconds(askedMs)}, over the ${seconds(maxWaitMs)} limit` };
  }
  const waitMs = Math.max(askedMs, backoffMs(input.attempt, input.baseDelayMs, maxWaitMs, input.random));
  if (waitMs >= remainingMs) {
    return { giveUp: `no time left for a ${seconds(waitMs)} wait within the delivery budget` };
  }
  return { waitMs };
}
