import { STATUS_CODES } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { DeliveryError } from './delivery-error.ts';
import { scrubUrl } from './redact.ts';
import { retryAfterMs } from './retry-after.ts';
import { planRetryWait } from './retry-policy.ts';

/** Tuning and test seams for {@link postWebhook}; every field has a default. */
export interface PostWebhookOptions {
  /** Time allowed for one attempt, answer body included. Default 5000. */
  timeoutMs?: number;
  /** Requests sent at most, the first one included. Default 4. */
  maxAttempts?: number;
  /** Longest single wait between attempts; a server asking for more makes the delivery give up. Default 30000. */
  maxWaitMs?: number;
  /**
   * Time budget for the whole delivery, attempts and waits together; keep it under the Lambda's remaining time
   * (`context.getRemainingTimeInMillis()`). Default 60000.
   */
  maxElapsedMs?: number;
  /** First backoff step; each later one doubles, with jitter. Default 500. */
  baseDelayMs?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Defaults to Node's global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). Defaults to `Math.random`. */
  random?: () => number;
}

/** A delivered payload: the 2xx status answered and the requests it took. */
export interface DeliveryResult {
  ok: true;
  status: number;
  attempts: number;
}

type Settings = Required<Omit<PostWebhookOptions, 'headers'>> & { headers: Record<string, string> };

type AttemptOutcome =
  | { type: 'delivered'; status: number }
  | { type: 'http'; status: number; retryable: boolean; retryAfterMs: number | undefined; detail: string }
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'network'; detail: string };

type Failure = Exclude<AttemptOutcome, { type: 'delivered' }>;

/** Time spent so far by one delivery; shared by the payloads of one target. */
export interface DeliveryBudget {
  spentMs: number;
}

const MAX_DETAIL_LENGTH = 200;
const SHORTEST_USEFUL_ATTEMPT_MS = 1000;

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Fills in the defaults of {@link PostWebhookOptions}. */
export function deliverySettings(options: PostWebhookOptions = {}): Settings {
  return {
    timeoutMs: positive(options.timeoutMs, 5000),
    maxAttempts: Math.max(1, Math.floor(positive(options.maxAttempts, 4))),
    maxWaitMs: positive(options.maxWaitMs, 30_000),
    maxElapsedMs: positive(options.maxElapsedMs, 60_000),
    baseDelayMs: positive(options.baseDelayMs, 500),
    headers: { 'content-type': 'application/json', ...options.headers },
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    sleep: options.sleep ?? ((ms) => delay(ms)),
    random: options.random ?? Math.random,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

function describeBody(text: string, json: unknown, url: string): string {
  if (typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string') {
    const code = 'code' in json && typeof json.code === 'number' ? ` (code ${json.code})` : '';
    return clip(scrubUrl(`${json.message}${code}`, url));
  }
  return clip(scrubUrl(text, url));
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function describeNetworkError(error: unknown, url: string): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const message = cause instanceof Error ? scrubUrl(cause.message, url) : '';
  const code = errorCode(cause);
  if (code !== undefined && !message.includes(code)) return clip(message === '' ? code : `${code}: ${message}`);
  return clip(message === '' ? 'request failed' : message);
}

async function attemptOnce(url: string, body: string, timeoutMs: number, settings: Settings): Promise<AttemptOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await settings.fetch(url, {
      method: 'POST',
      headers: settings.headers,
      body,
      signal,
      redirect: 'manual',
    });
    if (response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      return { type: 'delivered', status: response.status };
    }
    const text = await response.text();
    const json = parseJson(text);
    const retryable = response.status === 429 || response.status >= 500;
    return {
      type: 'http',
      status: response.status,
      retryable,
      retryAfterMs: retryable ? retryAfterMs(response.headers.get('retry-after'), json) : undefined,
      detail: describeBody(text, json, url),
    };
  } catch (error) {
    if (signal.aborted) return { type: 'timeout', timeoutMs };
    return { type: 'network', detail: describeNetworkError(error, url) };
  }
}

function describeFailure(outcome: Failure): string {
  switch (outcome.type) {
    case 'http': {
      const status = `HTTP ${outcome.status} ${STATUS_CODES[outcome.status] ?? ''}`.trim();
      return outcome.detail === '' ? status : `${status}: ${outcome.detail}`;
    }
    case 'timeout':
      return `no answer within ${Math.round(outcome.timeoutMs)} ms`;
    case 'network':
      return `network error: ${outcome.detail}`;
  }
}

function attemptsText(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'}`;
}

function failed(outcome: Failure, attempts: number, why: string): DeliveryError {
  const retryable = outcome.type !== 'http' || outcome.retryable;
  return new DeliveryError(`webhook delivery failed: ${describeFailure(outcome)} (${why})`, {
    kind: outcome.type,
    ...(outcome.type === 'http' ? { status: outcome.status } : {}),
    attempts,
    retryable,
  });
}

function notSent(reason: string, retryable = false): DeliveryError {
  return new DeliveryError(`webhook delivery failed: ${reason} (nothing sent)`, {
    kind: 'invalid-request',
    attempts: 0,
    retryable,
  });
}

function serialise(payload: unknown): string {
  try {
    const body = JSON.stringify(payload);
    if (typeof body === 'string') return body;
  } catch {
    // Falls through to the same error as a payload JSON cannot represent.
  }
  throw notSent('the payload cannot be serialised to JSON');
}

function isHttpUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

/** {@link postWebhook} with settings already filled in and a budget that may be shared with other payloads. */
export async function postWebhookWithin(
  url: string,
  payload: unknown,
  settings: Settings,
  budget: DeliveryBudget,
): Promise<DeliveryResult> {
  if (!isHttpUrl(url)) throw notSent('the webhook URL is not a valid http(s) URL');
  const body = serialise(payload);
  for (let attempt = 1; ; attempt += 1) {
    const remainingMs = settings.maxElapsedMs - budget.spentMs;
    if (remainingMs <= 0) throw notSent('no time left in the delivery budget', true);
    const started = performance.now();
    const outcome = await attemptOnce(url, body, Math.min(settings.timeoutMs, remainingMs), settings);
    budget.spentMs += performance.now() - started;
    if (outcome.type === 'delivered') return { ok: true, status: outcome.status, attempts: attempt };
    if (outcome.type === 'http' && !outcome.retryable) {
      throw failed(outcome, attempt, `not retryable, ${attemptsText(attempt)}`);
    }
    if (attempt >= settings.maxAttempts) throw failed(outcome, attempt, `gave up after ${attemptsText(attempt)}`);
    const plan = planRetryWait({
      attempt,
      retryAfterMs: outcome.type === 'http' ? outcome.retryAfterMs : undefined,
      baseDelayMs: settings.baseDelayMs,
      maxWaitMs: settings.maxWaitMs,
      remainingMs: settings.maxElapsedMs - budget.spentMs - Math.min(settings.timeoutMs, SHORTEST_USEFUL_ATTEMPT_MS),
      random: settings.random(),
    });
    if ('giveUp' in plan) throw failed(outcome, attempt, `${plan.giveUp}; gave up after ${attemptsText(attempt)}`);
    await settings.sleep(plan.waitMs);
    budget.spentMs += plan.waitMs;
  }
}

/**
 * POSTs one JSON payload to a chat webhook. Retries with exponential backoff and jitter on 429, 5xx, timeouts
 * and network errors, waiting at least what the server asks (`Retry-After` header in seconds or as an HTTP
 * date, Discord's `retry_after` body; the larger wins); never retries another 4xx. Throws a
 * {@link DeliveryError}, whose message never contains the URL, when the payload is not delivered.
 *
 * @example
 * ```ts
 * const result = await postWebhook(webhookUrl, formatSlackMessage(notification), { timeoutMs: 3000 });
 * // { ok: true, status: 200, attempts: 1 }
 * ```
 */
export function postWebhook(url: string, payload: unknown, options: PostWebhookOptions = {}): Promise<DeliveryResult> {
  return postWebhookWithin(url, payload, deliverySettings(options), { spentMs: 0 });
}
