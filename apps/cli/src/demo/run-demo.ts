import { chatTargetTypes } from '@herald/model';
import {
  codeCommitHandlers,
  codePipelineHandlers,
  demoCodeCommitWorld,
  demoCodePipelineWorld,
  listFixtures,
  loadFixture,
  startAwsStandIn,
  startParametersSecretsExtensionStandIn,
  startWebhookSink,
} from '@herald/testing';
import { previewMessage } from './preview-message.ts';

type Notifier = 'codecommit' | 'codedeploy' | 'codepipeline';

/** The sample events the demo replays, each with the notifier that receives it once deployed. */
function demoEvents(): { fixture: string; notifier: Notifier }[] {
  return [
    ...listFixtures('codecommit', 'codecommit-trigger-').map((fixture) => ({ fixture, notifier: 'codecommit' as const })),
    ...listFixtures('codecommit', 'codecommit-eventbridge-reference-').map((fixture) => ({ fixture, notifier: 'codecommit' as const })),
    ...listFixtures('codecommit', 'codecommit-eventbridge-pull-request-').map((fixture) => ({ fixture, notifier: 'codepipeline' as const })),
    ...listFixtures('codecommit', 'codecommit-eventbridge-comment-').map((fixture) => ({ fixture, notifier: 'codepipeline' as const })),
    ...listFixtures('codedeploy', 'codedeploy-trigger-sns-').map((fixture) => ({ fixture, notifier: 'codedeploy' as const })),
    ...listFixtures('codedeploy', 'codedeploy-eventbridge-').map((fixture) => ({ fixture, notifier: 'codedeploy' as const })),
    ...listFixtures('codepipeline').map((fixture) => ({ fixture, notifier: 'codepipeline' as const })),
    ...listFixtures('codebuild').map((fixture) => ({ fixture, notifier: 'codepipeline' as const })),
    ...listFixtures('codestar-notifications').map((fixture) => ({ fixture, notifier: 'codepipeline' as const })),
  ];
}

const webhookPath = (type: string) => (type === 'discord' ? `/api/webhooks/1000/demo-${type}` : `/hooks/demo-${type}`);

/**
 * Runs the real notifier handlers on sample events of every source, with the real AWS SDK clients talking
 * to local stand-ins of the CodeCommit and CodePipeline APIs, webhook URLs read from a local stand-in of
 * the Parameters and Secrets Lambda Extension, and real HTTP delivery to a local webhook sink; prints every
 * message the sink received. Needs no AWS account and no chat workspace; ends by itself.
 */
export async function runDemo(): Promise<void> {
  const sink = await startWebhookSink();
  const sessionToken = 'demo-session-token';
  const secrets = await startParametersSecretsExtensionStandIn({
    sessionToken,
    parameters: Object.fromEntries(chatTargetTypes.map((type) => [`/herald/demo/${type}`, sink.urlFor(webhookPath(type))])),
  });
  const standIn = await startAwsStandIn({
    ...codeCommitHandlers(demoCodeCommitWorld()),
    ...codePipelineHandlers(demoCodePipelineWorld()),
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: standIn.url,
    AWS_SESSION_TOKEN: sessionToken,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'demo',
    POWERTOOLS_LOG_LEVEL: process.env['POWERTOOLS_LOG_LEVEL'] ?? 'WARN',
    HERALD_CONFIG: JSON.stringify({
      targets: Object.fromEntries(
        chatTargetTypes.map((type) => [type, { type, webhook: { ssmParameter: `/herald/demo/${type}` } }]),
      ),
      deploymentGroups: {
        'temporary-status/temporary-status-deployment': { pipeline: 'temporary-status-pipeline', siteUrl: 'https://status.example.com' },
        'myApplication/myDeploymentGroup': { pipeline: 'myPipeline' },
      },
    }),
  });

  try {
    // Imported only now: each handler reads its config and creates its clients at load, like a cold start.
    const handlers = {
      codecommit: (await import('@herald/codecommit-notifier')).handler,
      codedeploy: (await import('@herald/codedeploy-notifier')).handler,
      codepipeline: (await import('@herald/codepipeline-notifier')).handler,
    };
    const typeOfPath = new Map(chatTargetTypes.map((type) => [webhookPath(type), type]));
    const out = (text: string) => process.stdout.write(`${text}\n`);
    out(`Herald demo: AWS stand-in at ${standIn.url}, webhook sink at ${sink.url}\n`);
    for (const { fixture, notifier } of demoEvents()) {
      const before = sink.requests.length;
      const result = await handlers[notifier](loadFixture(fixture));
      out(`━━━ ${fixture} → ${notifier}-notifier → delivered to ${result.delivered.join(', ') || 'nobody'}`);
      for (const request of sink.requests.slice(before)) {
        out(previewMessage(typeOfPath.get(request.path) ?? 'unknown', request.body));
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
