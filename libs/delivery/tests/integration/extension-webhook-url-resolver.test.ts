import { startParametersSecretsExtensionStandIn, type ParametersSecretsExtensionStandIn } from '@herald/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createExtensionWebhookUrlResolver, WebhookUrlResolutionError } from '../../src/index.ts';

const SLACK_URL = 'https://hooks.example.test/services/T000/B000/secret-token-value';
let extension: ParametersSecretsExtensionStandIn | undefined;

async function start() {
  extension = await startParametersSecretsExtensionStandIn({
    sessionToken: 'session-token',
    parameters: { '/herald/slack': SLACK_URL, '/herald/plain': 'not a url' },
    secrets: { 'herald/webhooks': JSON.stringify({ discord: 'https://discord.example.test/api/webhooks/1/t' }) },
  });
  return createExtensionWebhookUrlResolver({ host: extension.host, port: extension.port, sessionToken: 'session-token' });
}

describe('createExtensionWebhookUrlResolver', () => {
  afterEach(async () => {
    await extension?.close();
    extension = undefined;
  });

  it('reads a SecureString parameter, decrypted, once per resolver', async () => {
    // Prepare
    const resolver = await start();

    // Act
    const [first, second] = await Promise.all([
      resolver.resolve({ ssmParameter: '/herald/slack' }),
      resolver.resolve({ ssmParameter: '/herald/slack' }),
    ]);
    const third = await resolver.resolve({ ssmParameter: '/herald/slack' });

    // Assess
    expect([first, second, third]).toEqual([SLACK_URL, SLACK_URL, SLACK_URL]);
    expect(extension!.requests).toEqual(['/systemsmanager/parameters/get?name=%2Fherald%2Fslack&withDecryption=true']);
  });

  it('reads a key of a JSON secret', async () => {
    const resolver = await start();
    await expect(resolver.resolve({ secretId: 'herald/webhooks', jsonKey: 'discord' })).resolves.toBe(
      'https://discord.example.test/api/webhooks/1/t',
    );
  });

  it('names the parameter, never a value, when it cannot be read or is no URL', async () => {
    // Prepare
    const resolver = await start();

    // Act
    const missing = resolver.resolve({ ssmParameter: '/herald/missing' });
    const plain = resolver.resolve({ ssmParameter: '/herald/plain' });

    // Assess
    await expect(missing).rejects.toThrow(WebhookUrlResolutionError);
    await expect(missing).rejects.toThrow(/^SSM parameter \/herald\/missing: could not be read \(.*HTTP 400\)$/);
    await expect(plain).rejects.toThrow('SSM parameter /herald/plain: does not hold an https URL');
    await expect(plain).rejects.not.toThrow(/not a url/);
  });

  it('says the extension is missing when nothing listens', async () => {
    // Prepare
    await start();
    const port = extension!.port;
    await extension!.close();
    extension = undefined;
    const resolver = createExtensionWebhookUrlResolver({ host: 'http://127.0.0.1', port, sessionToken: 'x' });

    // Act, Assess
    await expect(resolver.resolve({ ssmParameter: '/herald/slack' })).rejects.toThrow(
      `the Parameters and Secrets extension on port ${port} is not reachable (is its layer attached?)`,
    );
  });

  it('is refused without the session token', async () => {
    await start();
    const resolver = createExtensionWebhookUrlResolver({ host: extension!.host, port: extension!.port, sessionToken: 'wrong' });
    await expect(resolver.resolve({ ssmParameter: '/herald/slack' })).rejects.toThrow(/HTTP 401/);
  });
});
