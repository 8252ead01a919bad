import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { exampleStackFile, fakeWebhookUrls } from '../support/herald-plan.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);
const workDirectory = mkdtempSync(join(tmpdir(), 'herald-synth-'));

/** A stack file like the example, with the given keys changed, written where synth can read it. */
function stackFile(name: string, config: Record<string, unknown>): string {
  const document = parseYaml(readFileSync(exampleStackFile, 'utf8')) as { config: Record<string, unknown> };
  const path = join(workDirectory, `Pulumi.${name}.yaml`);
  writeFileSync(path, stringifyYaml({ config: { ...document.config, ...config } }));
  return path;
}

function synth(...args: string[]) {
  return run(process.execPath, [join(root, 'tools', 'scripts', 'synth.ts'), ...args], { cwd: root });
}

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

// Each case runs synth in its own Node process; they run side by side.
describe.concurrent('tools/scripts/synth.ts', () => {
  it('prints every planned resource as JSON, secrets hidden, with no webhook URL anywhere', async () => {
    // Prepare
    const path = stackFile('review', { 'herald:webhooks': fakeWebhookUrls });

    // Act
    const { stdout } = await synth('--stack-file', path);

    // Assess
    const resources = JSON.parse(stdout) as { type: string; name: string; inputs: Record<string, unknown> }[];
    const parameters = resources.filter((planned) => planned.type === 'aws:ssm/parameter:Parameter');
    const fn = resources.find((planned) => planned.name === 'herald-codecommit-notifier-function');
    for (const url of Object.values(fakeWebhookUrls)) expect(stdout).not.toContain(url);
    expect(stdout).not.toContain('SECRET');
    expect(parameters.map((parameter) => parameter.inputs['value'])).toEqual(['[secret]', '[secret]']);
    expect(fn?.inputs).toMatchObject({
      name: 'herald-review-codecommit-notifier',
      code: { archive: { 'handler.cjs': { file: 'dist/apps/codecommit-notifier/handler.cjs' } } },
    });
    expect(resources.length).toBeGreaterThan(50);
  });

  it('reviews the example stack file by default, standing in placeholders for its webhook URLs', async () => {
    // Act
    const { stdout } = await synth();

    // Assess
    const resources = JSON.parse(stdout) as { type: string; inputs: Record<string, unknown> }[];
    expect(resources.filter((planned) => planned.type === 'aws:lambda/function:Function').map((fn) => fn.inputs['name'])).toEqual([
      'herald-example-codecommit-notifier',
      'herald-example-codedeploy-notifier',
      'herald-example-codepipeline-notifier',
    ]);
  });

  it('fails with one line naming the field when the stack config is bad', async () => {
    // Prepare
    const path = stackFile('bad', { 'herald:webhooks': fakeWebhookUrls, 'herald:logRetentionDays': 10 });

    // Act
    const failure = await synth('--stack-file', path).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    // Assess
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^synth: invalid stack config: herald:logRetentionDays: must be one of/);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
  });
});
