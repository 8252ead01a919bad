import { createWebhookUrlResolverFrom, type WebhookUrlResolver } from './webhook-url-resolver.ts';

export interface ExtensionWebhookUrlResolverOptions {
  /** Defaults to `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT`, then 2773 (the extension's default). */
  port?: number;
  /** Defaults to `AWS_SESSION_TOKEN`: the extension only answers requests that carry it. */
  sessionToken?: string;
  /** Defaults to `http://127.0.0.1` (the extension's localhost listener, without a name lookup). */
  host?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** An answer of the extension that is not a value, told without echoing the body. */
class ExtensionAnswerError extends Error {
  override readonly name = 'ExtensionAnswerError';
}

/**
 * Reads webhook URLs through the AWS Parameters and Secrets Lambda Extension (the AWS-managed layer that
 * answers `GetParameter` and `GetSecretValue` on localhost and caches them), so a Lambda bundle needs no SSM
 * or Secrets Manager SDK client. The extension answers during invocations only, so resolve on first use.
 *
 * @example
 * ```ts
 * const webhookUrls = createExtensionWebhookUrlResolver();
 * const slackUrl = await webhookUrls.resolve({ ssmParameter: '/herald/webhooks/team-slack' });
 * ```
 */
export function createExtensionWebhookUrlResolver(options: ExtensionWebhookUrlResolverOptions = {}): WebhookUrlResolver {
  const port = options.port ?? Number(process.env['PARAMETERS_SECRETS_EXTENSION_HTTP_PORT'] ?? 2773);
  const base = `${options.host ?? 'http://127.0.0.1'}:${port}`;
  const doFetch = options.fetch ?? fetch;

  async function get(path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    const url = `${base}${path}?${new URLSearchParams(query).toString()}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { 'X-Aws-Parameters-Secrets-Token': options.sessionToken ?? process.env['AWS_SESSION_TOKEN'] ?? '' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : 'not reachable';
      throw new ExtensionAnswerError(`the Parameters and Secrets extension on port ${port} is ${reason} (is its layer attached?)`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ExtensionAnswerError(`the Parameters and Secrets extension answered HTTP ${response.status}`);
    }
    return (await response.json()) as Record<string, unknown>;
  }

  return createWebhookUrlResolverFrom({
    async readParameter(name) {
      const answer = await get('/systemsmanager/parameters/get', { name, withDecryption: 'true' });
      const value = (answer['Parameter'] as Record<string, unknown> | undefined)?.['Value'];
      return typeof value === 'string' ? value : undefined;
    },
    async readSecret(secretId) {
      const answer = await get('/secretsmanager/get', { secretId });
      return typeof answer['SecretString'] === 'string' ? answer['SecretString'] : undefined;
    },
  });
}
