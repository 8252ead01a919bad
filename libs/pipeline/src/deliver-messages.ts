import { deliverAll, type DeliveryReport } from '@herald/delivery';
import type { RenderedMessage } from './render-event.ts';

/** Finds a target's webhook URL (a secret) by the target's name. */
export type WebhookUrlLookup = (target: string) => Promise<string>;

export interface MessagesDeliveryReport {
  /** Targets that got every one of their messages. */
  delivered: string[];
  failed: { target: string; reason: string }[];
  /** Every message that went out, also those of a target that failed later on. */
  deliveredMessages: RenderedMessage[];
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
  const byTarget = new Map<string, RenderedMessage[]>();
  for (const message of messages) {
    const ofTarget = byTarget.get(message.target) ?? [];
    ofTarget.push(message);
    byTarget.set(message.target, ofTarget);
  }
  const failed: MessagesDeliveryReport['failed'] = [];
  const resolved = await Promise.all(
    [...byTarget].map(async ([target, ofTarget]) => {
      try {
        return { target, url: await lookupUrl(target), payloads: ofTarget.map((message) => message.payload) };
      } catch (error) {
        failed.push({ target, reason: (error as Error).message });
        return undefined;
      }
    }),
  );
  const deliveries = resolved.filter((entry) => entry !== undefined);
  const report: DeliveryReport = deliveries.length ? await deliverAll(deliveries, options) : { delivered: [], failed: [] };
  const sent = (target: string, count: number) => (byTarget.get(target) ?? []).slice(0, count);
  return {
    delivered: report.delivered.map((entry) => entry.target),
    failed: [...failed, ...report.failed.map((entry) => ({ target: entry.target, reason: entry.error.message }))],
    deliveredMessages: [
      ...report.delivered.flatMap((entry) => sent(entry.target, entry.payloads)),
      ...report.failed.flatMap((entry) => sent(entry.target, entry.deliveredPayloads)),
    ],
  };
}
