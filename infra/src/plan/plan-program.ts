import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { parse as parseYaml } from 'yaml';
import {
  createRecordingMocks,
  defaultMockAccount,
  isSecretValue,
  outputValue,
  settleRegistrations,
  type MockAccount,
  type PlannedResource,
} from './recording-mocks.ts';

/** A stack's configuration as Pulumi hands it to a program: namespaced keys, objects as JSON text. */
export interface StackSettings {
  stack: string;
  config: Record<string, string>;
  /** Keys whose value is (or contains) a secret. */
  secretKeys: string[];
}

/** Stands in for a value encrypted in the stack file (`secure: …`), which only the Pulumi CLI can decrypt. */
export const securePlaceholder = 'https://webhook.invalid/encrypted-in-stack-file';

const webhooksKey = 'herald:webhooks';

function replaceSecure(value: unknown, onSecure: () => void): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceSecure(item, onSecure));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === 'secure') {
      onSecure();
      return securePlaceholder;
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, replaceSecure(item, onSecure)]));
  }
  return value;
}

/**
 * Reads a `Pulumi.<stack>.yaml` stack file the way the CLI passes it to a program. Encrypted values
 * (`secure: …`) become {@link securePlaceholder}; `herald:webhooks` is always a secret. With
 * `placeholderWebhooks`, a target of `herald:config` without a URL gets a placeholder one, since a stack file
 * kept in git has no URLs in clear.
 */
export function readStackFile(path: string, options: { placeholderWebhooks?: boolean } = {}): StackSettings {
  const document = parseYaml(readFileSync(path, 'utf8')) as { config?: Record<string, unknown> } | null;
  const config: Record<string, string> = {};
  const secretKeys = new Set<string>();
  for (const [key, raw] of Object.entries(document?.config ?? {})) {
    const value = replaceSecure(raw, () => secretKeys.add(key));
    config[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }

  if (options.placeholderWebhooks) {
    const herald = JSON.parse(config['herald:config'] ?? '{}') as { targets?: Record<string, unknown> };
    const webhooks = JSON.parse(config[webhooksKey] ?? '{}') as Record<string, string>;
    for (const target of Object.keys(herald.targets ?? {})) webhooks[target] ??= `https://webhook.invalid/${target}`;
    config[webhooksKey] = JSON.stringify(webhooks);
  }
  if (config[webhooksKey] !== undefined) secretKeys.add(webhooksKey);

  const stack = /^Pulumi\.(.+)\.ya?ml$/.exec(basename(path))?.[1] ?? 'stack';
  return { stack, config, secretKeys: [...secretKeys] };
}

export interface PlanOptions {
  settings: StackSettings;
  /** Imports the program; called once mocks and configuration are in place. */
  loadProgram: () => Promise<Record<string, unknown>>;
  project?: string;
  account?: MockAccount;
}

export interface Plan {
  resources: PlannedResource[];
  /** The program's stack outputs, resolved. */
  outputs: Record<string, unknown>;
}

/**
 * Runs a Pulumi program under mocks with a stack's configuration and returns every resource it registers:
 * what `pulumi up` would create, with no cloud and no CLI.
 *
 * @example
 * const plan = await planProgram({ settings: readStackFile('infra/Pulumi.example.yaml'), loadProgram: () => import('../main.ts') });
 */
export async function planProgram(options: PlanOptions): Promise<Plan> {
  const { mocks, resources } = createRecordingMocks(options.account ?? defaultMockAccount);
  // Mocks and configuration first: the program reads both as it is imported.
  await pulumi.runtime.setMocks(mocks, options.project ?? 'herald', options.settings.stack, false);
  pulumi.runtime.setAllConfig(options.settings.config, options.settings.secretKeys);

  const program = await options.loadProgram();
  const outputs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(program)) {
    if (pulumi.Output.isInstance(value)) outputs[name] = await outputValue(value);
    else if (value !== undefined) outputs[name] = value;
  }
  await settleRegistrations(resources);
  return { resources, outputs };
}

/** A recorded input made printable: secrets as `[secret]`, assets as the file they point at. */
export async function describeValue(value: unknown, root: string): Promise<unknown> {
  if (isSecretValue(value)) return '[secret]';
  if (value instanceof pulumi.asset.FileAsset) return { file: relative(root, await value.path) };
  if (value instanceof pulumi.asset.StringAsset) return { text: await value.text };
  if (value instanceof pulumi.asset.AssetArchive) {
    const assets = await value.assets;
    return { archive: await describeValue(assets, root) };
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => describeValue(item, root)));
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await describeValue(item, root)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * The planned resources as plain JSON: type, name and inputs, with secrets hidden. Sorted by name, which
 * groups each component's resources (child names start with the component's) and keeps the output stable.
 */
export async function describePlan(
  resources: readonly PlannedResource[],
  root: string,
): Promise<{ type: string; name: string; inputs: unknown }[]> {
  const byName = [...resources].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
  return Promise.all(
    byName.map(async (resource) => ({
      type: resource.type,
      name: resource.name,
      inputs: await describeValue(resource.inputs, root),
    })),
  );
}
