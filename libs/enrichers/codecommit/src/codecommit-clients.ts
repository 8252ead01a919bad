import { CodeCommitClient } from '@aws-sdk/client-codecommit';

/** One client per region for the life of the container: clients hold connections and resolved config. */
const clients = new Map<string, CodeCommitClient>();

/**
 * The shared CodeCommit client of a region, created on first use with the standard SDK configuration
 * (credentials chain, `AWS_ENDPOINT_URL`, retry settings from the environment).
 *
 * @example
 * ```ts
 * const client = codeCommitClientFor('eu-west-1');
 * ```
 */
export function codeCommitClientFor(region: string): CodeCommitClient {
  let client = clients.get(region);
  if (!client) {
    client = new CodeCommitClient({ region });
    clients.set(region, client);
  }
  return client;
}

/** The regions a shared client was created for (for tests and diagnostics). */
export function cachedCodeCommitClientRegions(): string[] {
  return [...clients.keys()];
}
