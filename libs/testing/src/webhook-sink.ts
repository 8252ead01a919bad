import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request received by the sink. */
export interface WebhookSinkRequest {
  method: string;
  /** Path and query, e.g. `/services/T000/B000/XXXX`. */
  path: string;
  /** Header names are lower case. */
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the raw text when it is not JSON, or `undefined` when empty. */
  body: unknown;
  rawBody: string;
  /** `Date.now()` when the whole body had arrived. */
  receivedAt: number;
}

/** An answer: `body` is sent as is when a string, as JSON otherwise. */
export interface WebhookSinkReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Accept the request, then never answer: the connection is held until the client gives up or the sink closes. */
export interface WebhookSinkHang {
  hang: true;
}

export type WebhookSinkAnswer = WebhookSinkReply | WebhookSinkHang;

/** Decides the answer to one request. */
export type WebhookSinkResponder = (request: WebhookSinkRequest) => WebhookSinkAnswer | Promise<WebhookSinkAnswer>;

export interface WebhookSinkOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

export interface WebhookSink {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** The absolute URL of a path on the sink, e.g. `urlFor('/api/webhooks/1/token')`. */
  urlFor(path: string): string;
  /** Every request received, in arrival order (including those never answered). */
  requests: WebhookSinkRequest[];
  /**
   * Scripts the answers, for every path or for one `path` (query ignored): a function, or a queue of answers
   * used one per request. Once a path's queue is empty the answer for every path applies; once that queue is
   * empty, the default answer ({@link defaultWebhookSinkAnswer}). A later call replaces an earlier one.
   */
  respondWith(script: WebhookSinkResponder | WebhookSinkAnswer[], options?: { path?: string }): void;
  /** Closes every connection (held ones too) and stops listening. */
  close(): Promise<void>;
}

/** Requests to a path starting with this one are never answered unless a script says otherwise. */
export const NEVER_ANSWERS_PATH = '/never-answers';

const DISCORD_WEBHOOK_PATH = /^\/api(\/v\d+)?\/webhooks\//;

/**
 * The default answer: what the real chat services answer on success (Discord `204 No Content` on
 * `/api/webhooks/…` paths, Slack `200 ok` elsewhere), or a hang on {@link NEVER_ANSWERS_PATH}.
 */
export function defaultWebhookSinkAnswer(request: Pick<WebhookSinkRequest, 'path'>): WebhookSinkAnswer {
  if (request.path.startsWith(NEVER_ANSWERS_PATH)) return { hang: true };
  if (DISCORD_WEBHOOK_PATH.test(request.path)) return { status: 204 };
  return { status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' };
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

async function readRequest(request: IncomingMessage): Promise<WebhookSinkRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  return {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers: request.headers,
    body: parseBody(rawBody),
    rawBody,
    receivedAt: Date.now(),
  };
}

function send(response: ServerResponse, reply: WebhookSinkReply): void {
  const text =
    reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = { ...reply.headers };
  if (text !== '' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = typeof reply.body === 'string' ? 'text/plain' : 'application/json';
  }
  response.writeHead(reply.status, headers);
  response.end(text);
}

function toResponder(
  script: WebhookSinkResponder | WebhookSinkAnswer[],
  otherwise: WebhookSinkResponder,
): WebhookSinkResponder {
  if (typeof script === 'function') return script;
  const queue = [...script];
  return (request) => queue.shift() ?? otherwise(request);
}

function pathOnly(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/**
 * Starts a local stand-in for Slack and Discord incoming webhooks on 127.0.0.1: records every request and
 * answers as scripted (success by default; 429 with `Retry-After` or Discord's JSON body, 5xx, 4xx, or a
 * held connection that never answers).
 *
 * @example
 * ```ts
 * const sink = await startWebhookSink();
 * sink.respondWith([{ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' }, { status: 204 }]);
 * await fetch(sink.urlFor('/services/T1/B1/x'), { method: 'POST', body: '{"text":"hi"}' });
 * sink.requests[0]?.body; // { text: 'hi' }
 * await sink.close();
 * ```
 */
export async function startWebhookSink(options: WebhookSinkOptions = {}): Promise<WebhookSink> {
  const requests: WebhookSinkRequest[] = [];
  const routes = new Map<string, WebhookSinkResponder>();
  let fallback: WebhookSinkResponder = defaultWebhookSinkAnswer;

  const server = createServer((request, response) => {
    void (async () => {
      try {
        const received = await readRequest(request);
        requests.push(received);
        const responder = routes.get(pathOnly(received.path)) ?? fallback;
        const answer = await responder(received);
        if ('hang' in answer) return;
        send(response, answer);
      } catch (error) {
        if (!response.headersSent) send(response, { status: 500, body: `webhook sink: ${String(error)}` });
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    urlFor: (path) => `${url}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    respondWith(script, scriptOptions = {}) {
      if (scriptOptions.path === undefined) fallback = toResponder(script, defaultWebhookSinkAnswer);
      else routes.set(pathOnly(scriptOptions.path), toResponder(script, (request) => fallback(request)));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
