import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  codeCommitHandlers,
  demoCodeCommitWorld,
  fixturesRoot,
  startAwsStandIn,
  startWebhookSink,
  type AwsStandIn,
  type WebhookSink,
} from '@herald/testing';
import { chatTargetTypes } from '@herald/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'herald.js');
const fixture = (name: string) => join(fixturesRoot, name);
const PUSH = fixture('codecommit/codecommit-trigger-sns-http-push.json');
const scratch = mkdtempSync(join(tmpdir(), 'herald-cli-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function herald(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env['PATH'] ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

function expectBadInput(run: Run, pattern: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^herald: .+\n$/);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

describe('herald render', () => {
  it('prints the Slack and Discord bodies of a push, in order', async () => {
    // Act
    const run = await herald(['render', '--event', PUSH, '--offline']);

    // Assess
    expect(run.code).toBe(0);
    const bodies = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toHaveProperty('attachments');
    expect(bodies[1]).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(run.stdout).toContain('master');
  });

  it('renders for one target type', async () => {
    const run = await herald(['render', '--event', PUSH, '--target', 'discord', '--offline']);
    expect(run.code).toBe(0);
    const bodies = JSON.parse(run.stdout) as unknown[];
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toHaveProperty('embeds');
  });

  it('reads the event from standard input', async () => {
    const { readFileSync } = await import('node:fs');
    const run = await herald(['render', '--event', '-', '--target', 'slack', '--offline'], { stdin: readFileSync(PUSH, 'utf8') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('follows the routes of a config file', async () => {
    // Prepare
    const config = join(scratch, 'routes.json');
    writeFileSync(
      config,
      JSON.stringify({
        targets: { releases: { type: 'slack' }, everything: { type: 'discord' } },
        routes: [{ targets: ['releases'], match: { tags: ['v*'] } }, { targets: ['everything'] }],
      }),
    );

    // Act
    const run = await herald(['render', '--event', PUSH, '--config', config, '--offline']);

    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it.each([
    [['render', '--event', join(scratch, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
    [['render'], /--event is required/],
    [['render', '--event', PUSH, '--target', 'irc', '--offline'], /unknown target "irc"/],
    [['render', '--event', fixture('sns/sns-lambda-envelope-powertools.json'), '--offline'], /is not JSON|unsupported/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['render', '--event', PUSH, '--colour'], /Unknown option '--colour'/],
  ])('answers bad input %j with exit 2 and one line', async (args, pattern) => {
    expectBadInput(await herald(args), pattern);
  });

  it('answers JSON that does not parse with exit 2', async () => {
    expectBadInput(await herald(['render', '--event', '-', '--offline'], { stdin: '{"Records": [' }), /^herald: standard input is not JSON/);
  });

  it('names the bad field of a config file', async () => {
    const config = join(scratch, 'bad.json');
    writeFileSync(config, JSON.stringify({ targets: { team: { type: 'slack' } }, routes: [{ targets: ['ops'] }] }));
    expectBadInput(
      await herald(['render', '--event', PUSH, '--config', config, '--offline']),
      /routes\[0\]\.targets\[0\]: unknown target "ops"/,
    );
  });

  describe('with AWS', () => {
    let standIn: AwsStandIn;
    beforeAll(async () => {
      standIn = await startAwsStandIn(codeCommitHandlers(demoCodeCommitWorld()));
    });
    afterAll(async () => {
      await standIn.close();
    });

    it('enriches through the standard SDK configuration', async () => {
      // Act
      const run = await herald(['render', '--event', PUSH, '--target', 'slack'], {
        env: { AWS_ENDPOINT_URL: standIn.url, AWS_ACCESS_KEY_ID: 'cli', AWS_SECRET_ACCESS_KEY: 'cli', AWS_REGION: 'eu-west-1' },
      });

      // Assess
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/files? changed/);
      expect(standIn.calls.some((call) => call.target.endsWith('.GetCommit') && call.region === 'us-east-1')).toBe(true);
    });
  });
});

describe('herald send', () => {
  let sink: WebhookSink;
  beforeAll(async () => {
    sink = await startWebhookSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it('posts through the delivery code and exits 0', async () => {
    // Act
    const run = await herald(['send', '--event', PUSH, '--target', 'discord', '--webhook', sink.urlFor('/api/webhooks/1/cli-token'), '--offline']);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('herald: delivered 1 message to discord\n');
    expect(sink.requests.at(-1)?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('exits 1 with the reason, never the URL, when the webhook refuses', async () => {
    // Prepare
    sink.respondWith([{ status: 404, body: { message: 'Unknown Webhook' } }]);

    // Act
    const run = await herald(['send', '--event', PUSH, '--target', 'slack', '--webhook', sink.urlFor('/services/T/B/very-secret-token'), '--offline']);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^herald: delivery to slack failed: .*404/);
    expect(run.stderr).not.toContain('very-secret-token');
    expect(run.stderr).not.toContain('127.0.0.1');
  });

  it('needs a target and a webhook', async () => {
    expectBadInput(await herald(['send', '--event', PUSH, '--offline']), /--target is required/);
    expectBadInput(await herald(['send', '--event', PUSH, '--target', 'slack', '--webhook', 'not a url']), /--webhook is not a URL/);
  });
});

describe('herald demo', () => {
  it('runs every sample push through the real handler and shows each message', async () => {
    // Act
    const run = await herald(['demo']);

    // Assess
    expect(run.code).toBe(0);
    const delivered = run.stdout.split('\n').filter((line) => line.startsWith('━━━'));
    expect(delivered.length).toBeGreaterThanOrEqual(30);
    for (const line of delivered) expect(line).toMatch(new RegExp(`→ delivered to ${chatTargetTypes.join(', ')}$`));
    expect(run.stdout).toContain('Slack · notification text:');
    expect(run.stdout).toContain('Discord · allowed_mentions {"parse":[]}');
  }, 60_000);

  it('prints help', async () => {
    const run = await herald(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}herald render --event FILE\|-/);
  });
});
