import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { AwsStandInError, startAwsStandIn, type AwsStandIn } from '@herald/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookUrlResolver, WebhookUrlResolutionError } from '../../src/index.ts';

const SLACK_URL = 'https://hooks.slack.com/services/Tsecret1/Bsecret2/xoxsecrettoken-example';
const DISCORD_URL = 'https://discord.com/api/webhooks/123456789012345678/discordsecrettoken-abcdef';

const clientConfig = (endpoint: string) => ({
  region: 'eu-west-1',
  endpoint,
  credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in-secret' },
});

function clientsFor(standIn: AwsStandIn) {
  return {
    ssm: new SSMClient(clientConfig(standIn.url)),
    secretsManager: new SecretsManagerClient(clientConfig(standIn.url)),
  };
}

function parameters(values: Record<string, string>) {
  return {
    'AmazonSSM.GetParameter': (input: Record<string, unknown>) => {
      const name = String(input['Name']);
      const value = values[name];
      if (value === undefined) throw new AwsStandInError('ParameterNotFound', `Parameter ${name} not found.`);
      return { Parameter: { Name: name, Type: 'SecureString', Value: value, Version: 1 } };
    },
  };
}

async function resolutionFailure(promise: Promise<unknown>): Promise<WebhookUrlResolutionError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WebhookUrlResolutionError);
  return error as WebhookUrlResolutionError;
}

describe('createWebhookUrlResolver', () => {
  let standIn: AwsStandIn | undefined;

  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
    vi.restoreAllMocks();
  });

  it('reads an SSM SecureString parameter decrypted, once for every resolve', async () => {
    // Prepare
    standIn = await startAwsStandIn(parameters({ '/herald/webhooks/team-slack': SLACK_URL }));
    const resolver = createWebhookUrlResolver(clientsFor(standIn));
    const ref = { ssmParameter: '/herald/webhooks/team-slack' };

    // Act
    const [first, concurrent] = await Promise.all([resolver.resolve(ref), resolver.resolve(ref)]);
    const later = await resolver.resolve(ref);

    // Assess
    expect([first, concurrent, later]).toEqual([SLACK_URL, SLACK_URL, SLACK_URL]);
    expect(standIn.calls).toHaveLength(1);
    expect(standIn.calls[0]).toMatchObject({
      target: 'AmazonSSM.GetParameter',
      input: { Name: '/herald/webhooks/team-slack', WithDecryption: true },
      region: 'eu-west-1',
    });
  });

  it('reads a Secrets Manager secret, whole or by JSON key, once per secret', async () => {
    // Prepare
    const secrets: Record<string, string> = {
      'herald/webhooks': JSON.stringify({ 'team-slack': SLACK_URL, 'team-discord': DISCORD_URL }),
      'herald/plain': `${DISCORD_URL}\n`,
    };
    standIn = await startAwsStandIn({
      'secretsmanager.GetSecretValue': (input) => ({
        Name: input['SecretId'],
        SecretString: secrets[String(input['SecretId'])],
      }),
    });
    const resolver = createWebhookUrlResolver(clientsFor(standIn));

    // Act
    const slack = await resolver.resolve({ secretId: 'herald/webhooks', jsonKey: 'team-slack' });
    const discord = await resolver.resolve({ secretId: 'herald/webhooks', jsonKey: 'team-discord' });
    const plain = await resolver.resolve({ secretId: 'herald/plain' });

    // Assess
    expect([slack, discord, plain]).toEqual([SLACK_URL, DISCORD_URL, DISCORD_URL]);
    expect(standIn.calls.map((call) => [call.target, call.input['SecretId']])).toEqual([
      ['secretsmanager.GetSecretValue', 'herald/webhooks'],
      ['secretsmanager.GetSecretValue', 'herald/plain'],
    ]);
  });

  it('names a missing parameter, and asks again next time', async () => {
    // Prepare
    standIn = await startAwsStandIn(parameters({}));
    const resolver = createWebhookUrlResolver(clientsFor(standIn));
    const ref = { ssmParameter: '/herald/webhooks/missing' };

    // Act
    const error = await resolutionFailure(resolver.resolve(ref));
    await resolutionFailure(resolver.resolve(ref));

    // Assess
    expect(error.message).toBe(
      'SSM parameter /herald/webhooks/missing: could not be read (ParameterNotFound: Parameter /herald/webhooks/missing not found.)',
    );
    expect(error.source).toBe('SSM parameter /herald/webhooks/missing');
    expect(standIn.calls).toHaveLength(2);
  });

  it('names a missing secret', async () => {
    // Prepare
    standIn = await startAwsStandIn({
      'secretsmanager.GetSecretValue': () => {
        throw new AwsStandInError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      },
    });
    const resolver = createWebhookUrlResolver(clientsFor(standIn));

    // Act
    const error = await resolutionFailure(resolver.resolve({ secretId: 'herald/nope', jsonKey: 'slack' }));

    // Assess
    expect(error.message).toBe(
      "secret herald/nope (key slack): could not be read (ResourceNotFoundException: Secrets Manager can't find the specified secret.)",
    );
  });

  it.each([
    ['http://hooks.example.com/services/Tsecret1/xoxsecrettoken-example'],
    ['ftp://hooks.example.com/Tsecret1/xoxsecrettoken-example'],
    ['hooks.example.com/Tsecret1/xoxsecrettoken-example'],
    ['javascript:alert(1)//xoxsecrettoken-example'],
  ])('rejects %s, naming the parameter but not the value', async (value) => {
    // Prepare
    standIn = await startAwsStandIn(parameters({ '/herald/webhooks/plain-http': value }));
    const resolver = createWebhookUrlResolver(clientsFor(standIn));

    // Act
    const error = await resolutionFailure(resolver.resolve({ ssmParameter: '/herald/webhooks/plain-http' }));

    // Assess
    expect(error.message).toBe(
      'SSM parameter /herald/webhooks/plain-http: does not hold an https URL (http only for 127.0.0.1 or localhost)',
    );
    expect(error.message).not.toContain('xoxsecrettoken-example');
    expect(error.message).not.toContain('hooks.example.com');
  });

  it('accepts plain http to this machine, for local testing', async () => {
    // Prepare
    standIn = await startAwsStandIn(
      parameters({ '/local/a': 'http://127.0.0.1:8080/hook', '/local/b': 'http://localhost:9/x' }),
    );
    const resolver = createWebhookUrlResolver(clientsFor(standIn));

    // Act
    const a = await resolver.resolve({ ssmParameter: '/local/a' });
    const b = await resolver.resolve({ ssmParameter: '/local/b' });

    // Assess
    expect([a, b]).toEqual(['http://127.0.0.1:8080/hook', 'http://localhost:9/x']);
  });

  it.each([
    ['not json', 'the secret is not a JSON object'],
    ['["a"]', 'the secret is not a JSON object'],
    ['{"other":"x"}', 'the secret has no string key "slack"'],
  ])('explains a secret %j that lacks the key', async (secret, reason) => {
    // Prepare
    standIn = await startAwsStandIn({ 'secretsmanager.GetSecretValue': () => ({ SecretString: secret }) });
    const resolver = createWebhookUrlResolver(clientsFor(standIn));

    // Act
    const error = await resolutionFailure(resolver.resolve({ secretId: 'herald/webhooks', jsonKey: 'slack' }));

    // Assess
    expect(error.message).toBe(`secret herald/webhooks (key slack): ${reason}`);
  });

  it('logs nothing, and never the URL', async () => {
    // Prepare
    standIn = await startAwsStandIn(parameters({ '/herald/webhooks/team-slack': SLACK_URL }));
    const consoleCalls = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    const resolver = createWebhookUrlResolver(clientsFor(standIn));

    // Act
    await resolver.resolve({ ssmParameter: '/herald/webhooks/team-slack' });
    await resolutionFailure(resolver.resolve({ ssmParameter: '/herald/webhooks/other' }));

    // Assess
    for (const spy of consoleCalls) expect(spy).not.toHaveBeenCalled();
  });
});
