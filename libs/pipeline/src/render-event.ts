import { createHash } from 'node:crypto';
import type { DevEvent, Enrichment } from '@herald/model';
import { describeEvent, routeNotification, type HeraldConfig } from '@herald/notify';
import { parseLambdaEvent, type ParseError } from '@herald/parsers';
import { formatterFor } from './chat-formatters.ts';

/** Adds what AWS knows about an event. Best effort: resolves `undefined` when nothing applies. */
export type EventEnricher = (event: DevEvent) => Promise<Enrichment | undefined>;

export interface RenderOptions {
  config: HeraldConfig;
  /** Omit to render from the event alone (offline). */
  enrich?: EventEnricher;
  /** Render only for these target names (routing still applies to the rest of the config). */
  onlyTargets?: readonly string[];
}

/** One webhook body for one target. */
export interface RenderedMessage {
  target: string;
  type: string;
  payload: unknown;
  eventKind: DevEvent['kind'];
  /** Identifies the event across redeliveries: its id and a digest of its content. */
  eventKey?: string;
}

export interface RenderResult {
  events: DevEvent[];
  messages: RenderedMessage[];
  /** Input that was not a supported event, each with a one-line reason. */
  rejected: ParseError[];
}

function eventKey(event: DevEvent): string | undefined {
  if (!event.eventId) return undefined;
  // The id alone is not enough: AWS's own samples reuse ids for different events.
  return `${event.kind}\u0000${event.eventId}\u0000${createHash('sha256').update(JSON.stringify(event)).digest('base64url')}`;
}

async function enrichSafely(event: DevEvent, enrich: EventEnricher | undefined): Promise<Enrichment | undefined> {
  if (!enrich) return undefined;
  try {
    return await enrich(event);
  } catch {
    // Enrichers report their own failures; anything that escapes still must not stop the notification.
    return undefined;
  }
}

/**
 * Parse → enrich → describe → route → format: the exact webhook bodies an event produces, in order.
 *
 * @example
 * const { messages } = await renderEvent(lambdaEvent, { config });
 */
export async function renderEvent(input: unknown, options: RenderOptions): Promise<RenderResult> {
  const outcomes = parseLambdaEvent(input);
  const events = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.event] : []));
  const rejected = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
  const enrichments = await Promise.all(events.map((event) => enrichSafely(event, options.enrich)));

  const messages: RenderedMessage[] = [];
  events.forEach((event, index) => {
    const notification = describeEvent(event, enrichments[index], options.config);
    const key = eventKey(event);
    const payloads = new Map<string, unknown>();
    for (const { target, mentions } of routeNotification(event, notification, options.config)) {
      const type = options.config.targets[target]?.type;
      if (!type || (options.onlyTargets && !options.onlyTargets.includes(target))) continue;
      // Mentions differ per route: only identical requests share a formatted payload.
      const cacheKey = `${type}\u0000${JSON.stringify(mentions)}`;
      if (!payloads.has(cacheKey)) payloads.set(cacheKey, formatterFor(type).format(notification, { mentions }));
      messages.push({
        target,
        type,
        payload: payloads.get(cacheKey),
        eventKind: event.kind,
        ...(key ? { eventKey: key } : {}),
      });
    }
  });
  return { events, messages, rejected };
}
