/**
 * Where a webhook URL is kept: an SSM parameter (SecureString), or a Secrets Manager secret holding the URL or
 * a JSON object with the URL under `jsonKey`.
 */
export type WebhookUrlRef = { ssmParameter: string } | { secretId: string; jsonKey?: string };

/** Reads raw values from Parameter Store (decrypted) and Secrets Manager. */
export interface SecretStoreReader {
  readParameter(name: string): Promise<string | undefined>;
  readSecret(secretId: string): Promise<string | undefined>;
}

export interface WebhookUrlResolver {
  /** The webhook URL stored at `ref`; rejects with a {@link WebhookUrlResolutionError}. */
  resolve(ref: WebhookUrlRef): Promise<string>;
}

/**
 * A webhook URL that could not be read or is not acceptable. The message names the parameter or secret, never
 * its value.
 */
export class WebhookUrlResolutionError extends Error {
  override readonly name = 'WebhookUrlResolutionError';
  /** e.g. `SSM parameter /herald/slack` or `secret herald/webhooks (key slack)`. */
  readonly source: string;

  constructor(source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.source = source;
  }
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a webhook URL may be used: `https:`, or `http:` to this machine only (local testing). */
export function isAcceptableWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

function describeRef(ref: WebhookUrlRef): string {
  if ('ssmParameter' in ref) return `SSM parameter ${ref.ssmParameter}`;
  return ref.jsonKey === undefined ? `secret ${ref.secretId}` : `secret ${ref.secretId} (key ${ref.jsonKey})`;
}

function describeAwsError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const message = error.message.replace(/\s+/g, ' ').trim();
  return message === '' || message === error.name ? error.name : `${error.name}: ${message}`;
}

function checkedUrl(source: string, value: string | undefined): string {
  const url = value?.trim() ?? '';
  if (url === '') throw new WebhookUrlResolutionError(source, 'is empty');
  if (!isAcceptableWebhookUrl(url)) {
    throw new WebhookUrlResolutionError(source, 'does not hold an https URL (http only for 127.0.0.1 or localhost)');
  }
  return url;
}

function pickJsonKey(source: string, secret: string, key: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    throw new WebhookUrlResolutionError(source, 'the secret is not a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new WebhookUrlResolutionError(source, 'the secret is not a JSON object');
  }
  const value: unknown = (parsed as Record<string, unknown>)[key];
  if (typeof value !== 'string') throw new WebhookUrlResolutionError(source, `the secret has no string key "${key}"`);
  return value;
}

/**
 * Webhook URLs read through `reader`, once per resolver: keep one resolver per Lambda container. Concurrent
 * reads of the same parameter or secret share one call; a failed read is not cached.
 */
export function createWebhookUrlResolverFrom(reader: SecretStoreReader): WebhookUrlResolver {
  const cache = new Map<string, Promise<string | undefined>>();

  function cached(key: string, read: () => Promise<string | undefined>): Promise<string | undefined> {
    const existing = cache.get(key);
    if (existing) return existing;
    const pending = read();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
    return pending;
  }

  return {
    async resolve(ref) {
      const source = describeRef(ref);
      let value: string | undefined;
      try {
        value =
          'ssmParameter' in ref
            ? await cached(`ssm:${ref.ssmParameter}`, () => reader.readParameter(ref.ssmParameter))
            : await cached(`secret:${ref.secretId}`, () => reader.readSecret(ref.secretId));
      } catch (error) {
        throw new WebhookUrlResolutionError(source, `could not be read (${describeAwsError(error)})`);
      }
      if ('secretId' in ref) {
        if (value === undefined) throw new WebhookUrlResolutionError(source, 'the secret has no SecretString');
        if (ref.jsonKey !== undefined) value = pickJsonKey(source, value, ref.jsonKey);
      }
      return checkedUrl(source, value);
    },
  };
}
