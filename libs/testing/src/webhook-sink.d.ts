import { type IncomingHttpHeaders } from 'node:http';
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
    respondWith(script: WebhookSinkResponder | WebhookSinkAnswer[], options?: {
        path?: string;
    }): void;
    /** Closes every connection (held ones too) and stops listening. */
    close(): Promise<void>;
}
/** Requests to a path starting with this one are never answered unless a script says otherwise. */
export declare const NEVER_ANSWERS_PATH = "/never-answers";
/**
 * The default answer: what the real chat services answer on success (Discord `204 No Content` on
 * `/api/webhooks/…` paths, Slack `200 ok` elsewhere), or a hang on {@link NEVER_ANSWERS_PATH}.
 */
export declare function defaultWebhookSinkAnswer(request: Pick<WebhookSinkRequest, 'path'>): WebhookSinkAnswer;
/**
 * Starts a local stand-in for Slack and Discord incoming webhooks on 127.0.0.1: records every request and
 * answers as scripted (success by default; 429 with `Retry-After` or Discord's JSON body, 5xx, 4xx, or a
 * held connection that never answers).
 *
 * @example
 * ```ts
 * const sink = await startWebhookSink();
 * sink.respondWith([{ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' }, { status: 200, body: 'ok' }]);
 * await fetch(sink.urlFor('/services/T1/B1/x'), { method: 'POST', body: '{"text":"hi"}' });
 * sink.requests[0]?.body; // { text: 'hi' }
 * await sink.close();
 * ```
 */
export declare function startWebhookSink(options?: WebhookSinkOptions): Promise<WebhookSink>;
//# sourceMappingURL=webhook-sink.d.ts.map