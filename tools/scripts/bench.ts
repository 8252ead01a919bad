/**
 * Prints the figures that matter for a Lambda notifier, for every built notifier bundle:
 * its size, its cold init (loading the bundle and constructing its clients, over an empty Node start),
 * and one push handled end to end by a fresh process against local stand-ins. Figures only: no pass/fail
 * on timing, so a slow machine never breaks a build.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import {
  codeCommitHandlers,
  codePipelineHandlers,
  demoCodeCommitWorld,
  demoCodePipelineWorld,
  loadFixture,
  startAwsStandIn,
  startParametersSecretsExtensionStandIn,
  startWebhookSink,
} from '@herald/testing';

const root = resolve(import.meta.dirname, '..', '..');
const runs = Number(process.env['BENCH_RUNS'] ?? 15);
const budget = { bundleKb: 400, coldInitMs: 40 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolvePromise(performance.now() - started);
      else reject(new Error(`exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

async function medianOf(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const samples: number[] = [];
  await timeProcess(args, env); // warm the file cache
  for (let run = 0; run < runs; run += 1) samples.push(await timeProcess(args, env));
  return median(samples);
}

const bundles = existsSync(join(root, 'dist', 'apps'))
  ? readdirSync(join(root, 'dist', 'apps'))
      .filter((name) => name.endsWith('-notifier'))
      .map((name) => ({ name, file: join(root, 'dist', 'apps', name, 'handler.cjs') }))
      .filter((bundle) => existsSync(bundle.file))
      .sort((a, b) => a.name.localeCompare(b.name))
  : [];
if (bundles.length === 0) {
  console.error('bench: no built notifier bundles under dist/apps (run `npx nx run-many -t build` first)');
  process.exit(1);
}

const sink = await startWebhookSink();
const standIn = await startAwsStandIn({
  ...codeCommitHandlers(demoCodeCommitWorld()),
  ...codePipelineHandlers(demoCodePipelineWorld()),
});
const secrets = await startParametersSecretsExtensionStandIn({
  sessionToken: 'bench',
  parameters: { '/herald/slack': sink.urlFor('/services/T/B/bench'), '/herald/discord': sink.urlFor('/api/webhooks/1/bench') },
});
const env: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  AWS_ENDPOINT_URL: standIn.url,
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(secrets.port),
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  HERALD_CONFIG: JSON.stringify({
    targets: {
      slack: { type: 'slack', webhook: { ssmParameter: '/herald/slack' } },
      discord: { type: 'discord', webhook: { ssmParameter: '/herald/discord' } },
    },
    deploymentGroups: { 'temporary-status/temporary-status-deployment': { pipeline: 'temporary-status-pipeline' } },
  }),
};
/** The event each notifier handles in the end-to-end figure. */
const sampleEvents: Record<string, string> = {
  'codecommit-notifier': 'codecommit/codecommit-trigger-sns-http-push.json',
  'codedeploy-notifier': 'codedeploy/codedeploy-trigger-sns-lambda-deployment-succeeded.json',
  'codepipeline-notifier': 'codepipeline/codepipeline-eventbridge-action-failed-awsdocs.json',
};

// Script files rather than `node -e`: eval input goes through Node's TypeScript detection, which is not
// part of what a Lambda runtime does when it loads a handler.
const scripts = mkdtempSync(join(tmpdir(), 'herald-bench-'));
const script = (name: string, body: string) => {
  const file = join(scripts, name);
  writeFileSync(file, body);
  return file;
};
const emptyScript = script('empty.cjs', '');
const loadScript = script('load.cjs', 'require(process.argv[2]);\n');
const handleScript = script(
  'handle.cjs',
  "require(process.argv[2]).handler(JSON.parse(process.env.BENCH_EVENT)).then((r) => { if (!r.delivered.length) process.exit(3); });\n",
);

try {
  const emptyStart = await medianOf([emptyScript], env);
  console.log(`node ${process.version}, ${runs} runs each, medians; empty Node start ${emptyStart.toFixed(1)} ms`);
  console.log('bundle                     size KB   cold init ms (over empty start)   one event end to end ms');
  for (const bundle of bundles) {
    const sizeKb = statSync(bundle.file).size / 1024;
    const init = (await medianOf([loadScript, bundle.file], env)) - emptyStart;
    const sample = sampleEvents[bundle.name] ?? sampleEvents['codecommit-notifier']!;
    const endToEnd = await medianOf([handleScript, bundle.file], { ...env, BENCH_EVENT: JSON.stringify(loadFixture(sample)) });
    const flags = [
      sizeKb > budget.bundleKb ? `size over ${budget.bundleKb} KB budget` : '',
      init > budget.coldInitMs ? `cold init over ${budget.coldInitMs} ms budget` : '',
    ].filter(Boolean);
    console.log(
      `${bundle.name.padEnd(26)} ${sizeKb.toFixed(1).padStart(7)}   ${init.toFixed(1).padStart(12)}                       ${endToEnd.toFixed(1).padStart(10)}${flags.length ? `   (${flags.join('; ')})` : ''}`,
    );
  }
  console.log(`budget: bundle ≤ ${budget.bundleKb} KB, cold init ≤ ${budget.coldInitMs} ms over an empty Node start`);

  // What the heavy parts cost alone, bundled with the notifiers' own esbuild options.
  const buildOptions = JSON.parse(readFileSync(join(root, 'apps', 'codecommit-notifier', 'package.json'), 'utf8')).nx.targets
    .build.options;
  const probes: Record<string, string> = {
    'CodeCommit SDK client': "import { CodeCommitClient } from '@aws-sdk/client-codecommit'; new CodeCommitClient({ region: 'us-east-1' });",
    'zod/mini': "import * as z from 'zod/mini'; z.object({ a: z.string() });",
    'Powertools logger': "import { Logger } from '@aws-lambda-powertools/logger'; new Logger();",
  };
  console.log('\ndependency alone            size KB   cold init ms');
  for (const [name, contents] of Object.entries(probes)) {
    const outfile = join(scripts, `${name.replace(/\W+/g, '-')}.cjs`);
    await build({
      stdin: { contents, resolveDir: root, loader: 'ts' },
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      target: buildOptions.target,
      format: 'cjs',
      logLevel: 'error',
      mainFields: buildOptions.esbuildOptions.mainFields,
      conditions: buildOptions.esbuildOptions.conditions,
      alias: Object.fromEntries(
        Object.entries(buildOptions.esbuildOptions.alias as Record<string, string>).map(([from, to]) => [from, join(root, to)]),
      ),
    });
    const init = (await medianOf([loadScript, outfile], env)) - emptyStart;
    console.log(`${name.padEnd(26)} ${(statSync(outfile).size / 1024).toFixed(1).padStart(7)}   ${init.toFixed(1).padStart(12)}`);
  }
} finally {
  rmSync(scripts, { recursive: true, force: true });
  await secrets.close();
  await standIn.close();
  await sink.close();
}
