import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ParametersSecretsExtensionStandInOptions {
  /** Parameter name → value (served as SecureString). */
  parameters?: Record<string, string>;
  /** Secret id → SecretString. */
  secrets?: Record<string, string>;
  /** The token requests must carry in `X-Aws-Parameters-Secrets-Token` (the function's session token). */
  sessionToken: string;
}

export interface ParametersSecretsExtensionStandIn {
  /** `http://127.0.0.1` — the host part for a resolver's `host` option. */
  host: string;
  port: number;
  /** Every request's path and query, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in of the AWS Parameters and Secrets Lambda Extension's HTTP API: answers
 * `/systemsmanager/parameters/get` and `/secretsmanager/get` with the `GetParameter` / `GetSecretValue`
 * response shapes, refuses requests without the session token, and answers 400 for unknown names
 * (as the extension relays AWS's error).
 */
export async function startParametersSecretsExtensionStandIn(
  options: ParametersSecretsExtensionStandInOptions,
): Promise<ParametersSecretsExtensionStandIn> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (request.headers['x-aws-parameters-secrets-token'] !== options.sessionToken) {
      send(401, 'not authorized');
      return;
    }
    if (url.pathname === '/systemsmanager/parameters/get') {
      const name = url.searchParams.get('name') ?? '';
      const value = options.parameters?.[name];
      if (value === undefined) send(400, 'an internal error occurred: ParameterNotFound');
      else send(200, { Parameter: { Name: name, Type: 'SecureString', Value: value, Version: 1 }, ResultMetadata: {} });
      return;
    }
    if (url.pathname === '/secretsmanager/get') {
      const id = url.searchParams.get('secretId') ?? '';
      const value = options.secrets?.[id];
      if (value === undefined) send(400, 'an internal error occurred: ResourceNotFoundException');
      else send(200, { Name: id, SecretString: value, VersionStages: ['AWSCURRENT'] });
      return;
    }
    send(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: 'http://127.0.0.1',
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
