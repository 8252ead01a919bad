import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The AWS samples shipped with Herald (copied from public sources; see fixtures/aws-events/README.md). */
export const fixturesRoot = join(import.meta.dirname, '..', 'fixtures', 'aws-events');

/** Reads a fixture as parsed JSON, by its path under `fixtures/aws-events`, e.g. `codecommit/….json`. */
export function loadFixture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(fixturesRoot, relativePath), 'utf8')) as T;
}

/** Every fixture file name in one folder under `fixtures/aws-events` (sorted), optionally filtered by prefix. */
export function listFixtures(folder: string, prefix = ''): string[] {
  return readdirSync(join(fixturesRoot, folder))
    .filter((name) => name.endsWith('.json') && name.startsWith(prefix))
    .sort()
    .map((name) => `${folder}/${name}`);
}
