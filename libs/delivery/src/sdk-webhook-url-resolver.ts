import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createWebhookUrlResolverFrom, type WebhookUrlResolver } from './webhook-url-resolver.ts';

export interface WebhookUrlResolverClients {
  /** Defaults to an `SSMClient` with the standard SDK configuration, created on first use. */
  ssm?: SSMClient;
  /** Defaults to a `SecretsManagerClient` with the standard SDK configuration, created on first use. */
  secretsManager?: SecretsManagerClient;
}

/**
 * Reads webhook URLs from SSM Parameter Store (decrypted) or Secrets Manager with the AWS SDK, once per
 * resolver. Errors name the parameter or secret, never its value.
 *
 * @example
 * ```ts
 * const webhookUrls = createWebhookUrlResolver();
 * const slackUrl = await webhookUrls.resolve({ ssmParameter: '/herald/webhooks/team-slack' });
 * const discordUrl = await webhookUrls.resolve({ secretId: 'herald/webhooks', jsonKey: 'team-discord' });
 * ```
 */
export function createWebhookUrlResolver(clients: WebhookUrlResolverClients = {}): WebhookUrlResolver {
  let ssm = clients.ssm;
  let secretsManager = clients.secretsManager;
  return createWebhookUrlResolverFrom({
    async readParameter(name) {
      ssm ??= new SSMClient({});
      const output = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      return output.Parameter?.Value;
    },
    async readSecret(secretId) {
      secretsManager ??= new SecretsManagerClient({});
      const output = await secretsManager.send(new GetSecretValueCommand({ SecretId: secretId }));
      return output.SecretString;
    },
  });
}
