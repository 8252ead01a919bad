import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An error answered the way AWS JSON-protocol services answer one. */
export class AwsStandInError extends Error {
  override readonly name = 'AwsStandInError';
  readonly type: string;
  readonly status: number;
  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/** Answers one operation: a JSON body, or throws `AwsStandInError`. */
export type AwsOperationHandler = (input: Record<string, unknown>) => unknown | Promise<unknown>;

/** Handlers keyed by the `X-Amz-Target` header, e.g. `CodeCommit_20150413.GetCommit`. */
export type AwsOperationHandlers = Record<string, AwsOperationHandler>;

export interface AwsCall {
  target: string;
  input: Record<string, unknown>;
  region?: string;
}

export interface AwsStandIn {
  /** The endpoint for `AWS_ENDPOINT_URL` or a client's `endpoint`. */
  url: string;
  /** Every call received, in order. */
  calls: AwsCall[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function regionOf(request: IncomingMessage): string | undefined {
  const auth = request.headers.authorization ?? '';
  return /Credential=[^/]+\/\d+\/([^/]+)\//.exec(auth)?.[1];
}

/**
 * A local HTTP server that speaks the AWS JSON 1.1 protocol (CodeCommit, SSM, Secrets Manager,
 * CodePipeline), so the real SDK clients can be exercised without AWS. Listens on 127.0.0.1 only.
 */
export async function startAwsStandIn(handlers: AwsOperationHandlers): Promise<AwsStandIn> {
  const calls: AwsCall[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const raw = await readBody(request);
      const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      calls.push({ target, input, region: regionOf(request) });
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        response.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          'content-length': Buffer.byteLength(text),
          'x-amzn-requestid': `stand-in-${calls.length}`,
        });
        response.end(text);
      };
      const handler = handlers[target];
      if (!handler) {
        send(400, { __type: 'UnknownOperationException', message: `No stand-in for ${target}` });
        return;
      }
      try {
        send(200, (await handler(input)) ?? {});
      } catch (error) {
        if (error instanceof AwsStandInError) send(error.status, { __type: error.type, message: error.message });
        else send(500, { __type: 'InternalFailure', message: String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
