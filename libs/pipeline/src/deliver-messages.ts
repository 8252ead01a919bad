import { deliverAll, type DeliveryReport } from '@herald/delivery';
import type { RenderedMessage } from './render-event.ts';

/** Finds a target's webhook URL (a secret) by the target's name. */
export type WebhookUrlLookup = (target: string) => Promise<string>;

export interface MessagesDeliveryReport {
  delivered: string[];
  failed: { target: string; reason: string }[];
}

/**
 * Posts every rendered message, targets independently and concurrently, each target's messages in order.
 * A target whose URL cannot be resolved fails alone.
 */
export async function deliverMessages(
  messages: readonly RenderedMessage[],
  lookupUrl: WebhookUrlLookup,
  options?: Parameters<typeof deliverAll>[1],
): Promise<MessagesDeliveryReport> {
  const byTarget = new Map<string, unknown[]>();
  for (const message of messages) {
    const payloads = byTarget.get(message.target) ?? [];
    payloads.push(message.payload);
    byTarget.set(message.target, payloads);
  }
  const failed: MessagesDeliveryReport['failed'] = [];
  const resolved = await Promise.all(
    [...byTarget].map(async ([target, payloads]) => {
      try {
        return { target, url: await lookupUrl(target), payloads };
      } catch (error) {
        failed.push({ target, reason: (error as Error).message });
        return undefined;
      }
    }),
  );
  const deliveries = resolved.filter((entry) => entry !== undefined);
  const report: DeliveryReport = deliveries.length ? await deliverAll(deliveries, options) : { delivered: [], failed: [] };
  return {
    delivered: report.delivered.map((entry) => entry.target),
    failed: [...failed, ...report.failed.map((entry) => ({ target: entry.target, reason: entry.error.message }))],
  };
}
