import { startAwsStandIn, type AwsOperationHandlers, type AwsStandIn } from './aws-stand-in.ts';
import {
  startParametersSecretsExtensionStandIn,
  type ParametersSecretsExtensionStandIn,
} from './parameters-secrets-extension-stand-in.ts';
import { startWebhookSink, type WebhookSink } from './webhook-sink.ts';

export const HARNESS_SLACK_PATH = '/services/T0TEST/B0TEST/secret-slack-token';
export const HARNESS_DISCORD_PATH = '/api/webhooks/42/secret-discord-token';

export interface NotifierHarness {
  sink: WebhookSink;
  secrets: ParametersSecretsExtensionStandIn;
  aws: AwsStandIn;
  /** The bodies the Slack and Discord webhooks received, in order. */
  slackBodies(): unknown[];
  discordBodies(): unknown[];
  /** Forgets what was received so far. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Everything a notifier Lambda talks to, on 127.0.0.1: an AWS API stand-in (reached by the real SDK
 * clients through `AWS_ENDPOINT_URL`), the Parameters and Secrets extension holding a Slack and a Discord
 * webhook URL, and a webhook sink. Sets the environment a deployed function would have — import the
 * handler after this.
 */
export async function startNotifierHarness(
  handlers: AwsOperationHandlers,
  extraConfig: Record<string, unknown> = {},
): Promise<NotifierHarness> {
  const sink = await startWebhookSink();
  const aws = await startAwsStandIn(handlers);
  const secrets = await startParametersSecretsExtensionStandIn({
    sessionToken: 'test-session',
    parameters: { '/herald/slack': sink.urlFor(HARNESS_SLACK_PATH), '/herald/discord': sink.urlFor(HARNESS_DISCORD_PATH) },
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: aws.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_SESSION_TOKEN: 'test-session',
    AWS_MAX_ATTEMPTS: '1',
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    HERALD_CONFIG: JSON.stringify({
      targets: {
        slack: { type: 'slack', webhook: { ssmParameter: '/herald/slack' } },
        discord: { type: 'discord', webhook: { ssmParameter: '/herald/discord' } },
      },
      ...extraConfig,
    }),
  });
  const bodiesAt = (path: string) => sink.requests.filter((request) => request.path === path).map((request) => request.body);
  return {
    sink,
    secrets,
    aws,
    slackBodies: () => bodiesAt(HARNESS_SLACK_PATH),
    discordBodies: () => bodiesAt(HARNESS_DISCORD_PATH),
    reset() {
      sink.requests.length = 0;
      aws.calls.length = 0;
      sink.respondWith([]);
      sink.respondWith([], { path: HARNESS_SLACK_PATH });
    },
    async close() {
      await secrets.close();
      await aws.close();
      await sink.close();
    },
  };
}
