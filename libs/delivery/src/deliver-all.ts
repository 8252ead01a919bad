import { DeliveryError } from './delivery-error.ts';
import { deliverySettings, postWebhookWithin, type PostWebhookOptions } from './post-webhook.ts';
import { scrubUrl } from './redact.ts';

/** The payloads for one chat target, posted in order to its webhook. */
export interface WebhookDelivery {
  /** A name safe to log, e.g. the routing config's target name. */
  target: string;
  url: string;
  payloads: unknown[];
}

export interface DeliveredTarget {
  target: string;
  /** Requests sent for all of the target's payloads. */
  attempts: number;
  payloads: number;
}

export interface FailedTarget {
  target: string;
  error: DeliveryError;
  /** Payloads delivered before the failing one; the rest were not sent. */
  deliveredPayloads: number;
}

/** Targets in the order given. */
export interface DeliveryReport {
  delivered: DeliveredTarget[];
  failed: FailedTarget[];
}

type TargetOutcome = { delivered: DeliveredTarget } | { failed: FailedTarget };

function asDeliveryError(error: unknown, url: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const reason = error instanceof Error ? scrubUrl(error.message, url) : 'unknown error';
  return new DeliveryError(`webhook delivery failed: ${reason}`, { kind: 'network', attempts: 0, retryable: true });
}

async function deliverTarget(delivery: WebhookDelivery, options: PostWebhookOptions): Promise<TargetOutcome> {
  const settings = deliverySettings(options);
  const budget = { spentMs: 0 };
  let attempts = 0;
  for (const [index, payload] of delivery.payloads.entries()) {
    try {
      attempts += (await postWebhookWithin(delivery.url, payload, settings, budget)).attempts;
    } catch (error) {
      const failed = { target: delivery.target, error: asDeliveryError(error, delivery.url), deliveredPayloads: index };
      return { failed };
    }
  }
  return { delivered: { target: delivery.target, attempts, payloads: delivery.payloads.length } };
}

/**
 * Delivers to every target at once, each target's payloads in order; a target stops at its first failed
 * payload, and one target's failure neither stops nor repeats another. `options` apply to each target, the
 * time budget (`maxElapsedMs`) covering all of a target's payloads. Never throws.
 *
 * @example
 * ```ts
 * const report = await deliverAll([
 *   { target: 'team-slack', url: slackUrl, payloads: [formatSlackMessage(notification)] },
 *   { target: 'team-discord', url: discordUrl, payloads: [formatDiscordMessage(notification)] },
 * ]);
 * for (const { target, error } of report.failed) logger.error('delivery failed', { target, reason: error.message });
 * if (report.failed.length > 0) throw new Error(`${report.failed.length} target(s) not delivered`);
 * ```
 */
export async function deliverAll(
  deliveries: WebhookDelivery[],
  options: PostWebhookOptions = {},
): Promise<DeliveryReport> {
  const outcomes = await Promise.all(deliveries.map((delivery) => deliverTarget(delivery, options)));
  const report: DeliveryReport = { delivered: [], failed: [] };
  for (const outcome of outcomes) {
    if ('delivered' in outcome) report.delivered.push(outcome.delivered);
    else report.failed.push(outcome.failed);
  }
  return report;
}
