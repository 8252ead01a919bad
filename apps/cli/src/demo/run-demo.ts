import {
  codeCommitHandlers,
  demoCodeCommitWorld,
  listFixtures,
  loadFixture,
  startAwsStandIn,
  startParametersSecretsExtensionStandIn,
  startWebhookSink,
} from '@herald/testing';
import { previewDiscordMessage, previewSlackMessage } from './preview-message.ts';

const SLACK_PATH = '/services/T0DEMO/B0DEMO/demo-slack';
const DISCORD_PATH = '/api/webhooks/1000/demo-discord';

/** The sample events the demo replays: every CodeCommit push and reference event Herald ships. */
function demoEvents(): string[] {
  return [
    ...listFixtures('codecommit', 'codecommit-trigger-'),
    ...listFixtures('codecommit', 'codecommit-eventbridge-reference-'),
  ];
}

/**
 * Runs the real CodeCommit notifier handler on sample events, with the real AWS SDK client talking to a
 * local stand-in of the CodeCommit API, webhook URLs read from a local stand-in of the Parameters and Secrets
 * Lambda Extension, and real HTTP delivery to a local webhook sink; prints
 * every message the sink received. Needs no AWS account and no chat workspace; ends by itself.
 */
export async function runDemo(): Promise<void> {
  const sink = await startWebhookSink();
  const sessionToken = 'demo-session-token';
  const secrets = await startParametersSecretsExtensionStandIn({
    sessionToken,
    parameters: { '/herald/demo/slack': sink.urlFor(SLACK_PATH), '/herald/demo/discord': sink.urlFor(DISCORD_PATH) },
  });
  const standIn = await startAwsStandIn(codeCommitHandlers(demoCodeCommitWorld()));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: standIn.url,
    AWS_SESSION_TOKEN: sessionToken,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'demo',
    POWERTOOLS_LOG_LEVEL: process.env['POWERTOOLS_LOG_LEVEL'] ?? 'WARN',
    HERALD_CONFIG: JSON.stringify({
      targets: {
        slack: { type: 'slack', webhook: { ssmParameter: '/herald/demo/slack' } },
        discord: { type: 'discord', webhook: { ssmParameter: '/herald/demo/discord' } },
      },
    }),
  });

  try {
    // Imported only now: the handler reads its config and creates its clients at load, like a cold start.
    const { handler } = await import('@herald/codecommit-notifier');
    const out = (text: string) => process.stdout.write(`${text}\n`);
    out(`Herald demo: CodeCommit stand-in at ${standIn.url}, webhook sink at ${sink.url}\n`);
    for (const fixture of demoEvents()) {
      const before = sink.requests.length;
      const result = await handler(loadFixture(fixture));
      out(`━━━ ${fixture} → delivered to ${result.delivered.join(', ') || 'nobody'}`);
      for (const request of sink.requests.slice(before)) {
        out(request.path === SLACK_PATH ? previewSlackMessage(request.body) : previewDiscordMessage(request.body));
        out('');
      }
    }
    const calls = standIn.calls.reduce<Record<string, number>>((counts, call) => {
      counts[call.target] = (counts[call.target] ?? 0) + 1;
      return counts;
    }, {});
    out(`AWS API calls answered by the stand-in: ${JSON.stringify(calls)}`);
    out(`Webhook URLs read from Parameter Store through the extension: ${secrets.requests.length}`);
    out(`Webhook requests received by the sink: ${sink.requests.length}`);
  } finally {
    await secrets.close();
    await standIn.close();
    await sink.close();
  }
}
