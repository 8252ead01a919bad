import { CodePipelineClient } from '@aws-sdk/client-codepipeline';

/** One client per region for the life of the container: clients hold connections and resolved config. */
const clients = new Map<string, CodePipelineClient>();

/**
 * The shared CodePipeline client of a region, created on first use with the standard SDK configuration
 * (credentials chain, `AWS_ENDPOINT_URL`, retry settings from the environment).
 *
 * @example
 * ```ts
 * const client = codePipelineClientFor('us-west-2');
 * ```
 */
export function codePipelineClientFor(region: string): CodePipelineClient {
  let client = clients.get(region);
  if (!client) {
    client = new CodePipelineClient({ region });
    clients.set(region, client);
  }
  return client;
}

/** The regions a shared client was created for (for tests and diagnostics). */
export function cachedCodePipelineClientRegions(): string[] {
  return [...clients.keys()];
}
