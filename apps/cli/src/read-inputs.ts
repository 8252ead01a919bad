import { readFile } from 'node:fs/promises';
import { chatTargetTypes } from '@herald/model';
import { defaultHeraldConfig, parseHeraldConfigJson, type HeraldConfig } from '@herald/notify';
import { CliError } from './cli-error.ts';

async function readText(path: string): Promise<string> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path === '-' ? 'standard input' : path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The Lambda event in a file (`-`: standard input), as JSON. */
export async function readEvent(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${path === '-' ? 'standard input' : path} is not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

export async function readConfig(path: string | undefined): Promise<HeraldConfig> {
  if (!path) return defaultHeraldConfig();
  try {
    return parseHeraldConfigJson(await readText(path), path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError((error as Error).message);
  }
}

/**
 * The config narrowed to one target. A name the config does not know but that is a chat type
 * (`slack`, `discord`) renders for an ad-hoc target of that type, without routing rules.
 */
export function selectTarget(config: HeraldConfig, target: string | undefined): { config: HeraldConfig; onlyTargets?: string[] } {
  if (!target) return { config };
  if (target in config.targets) return { config, onlyTargets: [target] };
  if ((chatTargetTypes as readonly string[]).includes(target)) {
    return {
      config: { ...config, targets: { [target]: { type: target as HeraldConfig['targets'][string]['type'] } }, routes: [] },
      onlyTargets: [target],
    };
  }
  const known = [...new Set([...Object.keys(config.targets), ...chatTargetTypes])].join(', ');
  throw new CliError(`unknown target "${target}" (known: ${known})`);
}
