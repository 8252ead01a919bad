/**
 * Why a delivery failed: `http` (the webhook answered with an error status), `timeout` (no answer in time),
 * `network` (no connection), `invalid-request` (nothing was sent: bad URL or payload).
 */
export type DeliveryFailureKind = 'http' | 'timeout' | 'network' | 'invalid-request';

export interface DeliveryErrorDetails {
  kind: DeliveryFailureKind;
  /** The last HTTP status answered, if any. */
  status?: number;
  /** Requests sent, from 0 (nothing sent) up to the attempt limit. */
  attempts: number;
  /** Whether sending again later could succeed (5xx, 429, timeouts, network errors) or not (other 4xx). */
  retryable: boolean;
}

/**
 * A webhook delivery that failed after its retries. The message is one line and never contains the webhook
 * URL or any part of it, so it is safe to log and to show.
 *
 * @example
 * ```ts
 * try {
 *   await postWebhook(url, payload);
 * } catch (error) {
 *   if (error instanceof DeliveryError && !error.retryable) logger.error(error.message);
 *   else throw error;
 * }
 * ```
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly kind: DeliveryFailureKind;
  readonly status?: number;
  readonly attempts: number;
  readonly retryable: boolean;

  constructor(message: string, details: DeliveryErrorDetails) {
    super(message);
    this.kind = details.kind;
    if (details.status !== undefined) this.status = details.status;
    this.attempts = details.attempts;
    this.retryable = details.retryable;
  }
}
