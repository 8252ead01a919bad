/** The longest wait a server can ask for, as far as Herald is concerned; anything longer is clamped to it. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const DELAY_SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;
const LOOKS_LIKE_HTTP_DATE = /[a-z]{3}.*\d{1,2}:\d{2}:\d{2}/i;
const HAS_ZONE = /\b(GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\s*$/i;

function clampMs(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(Math.ceil(ms), MAX_RETRY_AFTER_MS);
}

/**
 * Parses a `Retry-After` header value, delay-seconds (`"1"`, `"0.5"`) or HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`), into milliseconds from `now`, between 0 and
 * {@link MAX_RETRY_AFTER_MS}. Anything else gives `undefined`; it never throws.
 *
 * @example
 * ```ts
 * parseRetryAfterHeader('1'); // 1000
 * parseRetryAfterHeader('soon'); // undefined
 * ```
 */
export function parseRetryAfterHeader(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const seconds = DELAY_SECONDS.exec(value)?.[1];
  if (seconds !== undefined) return clampMs(Number(seconds) * 1000);
  if (!LOOKS_LIKE_HTTP_DATE.test(value)) return undefined;
  // HTTP dates are in GMT; the asctime() form does not say so and would otherwise be read as local time.
  const date = Date.parse(HAS_ZONE.test(value) ? value : `${value} GMT`);
  return Number.isNaN(date) ? undefined : clampMs(date - now);
}

/**
 * Reads Discord's `retry_after` (float seconds) from a 429 JSON body, in milliseconds between 0 and
 * {@link MAX_RETRY_AFTER_MS}; `undefined` when the body has none. Never throws.
 *
 * @example
 * ```ts
 * parseRetryAfterBody({ message: 'You are being rate limited.', retry_after: 64.57, global: false }); // 64570
 * ```
 */
export function parseRetryAfterBody(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('retry_after' in body)) return undefined;
  const seconds = body.retry_after;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  return clampMs(seconds * 1000);
}

/**
 * How long a server asked to wait, from the `Retry-After` header and a Discord-style JSON body: the larger of
 * the two, or `undefined` when neither says.
 */
export function retryAfterMs(header: string | null | undefined, body: unknown, now = Date.now()): number | undefined {
  const fromHeader = parseRetryAfterHeader(header, now);
  const fromBody = parseRetryAfterBody(body);
  if (fromHeader === undefined) return fromBody;
  if (fromBody === undefined) return fromHeader;
  return Math.max(fromHeader, fromBody);
}
