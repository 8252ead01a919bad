import { Logger } from '@aws-lambda-powertools/logger';
import { createExtensionWebhookUrlResolver } from '@herald/delivery';
import { ConfigError, parseHeraldConfigJson, type HeraldConfig } from '@herald/notify';
import { deliverMessages, type WebhookUrlLookup } from './deliver-messages.ts';
import { renderEvent, type EventEnricher, type RenderedMessage } from './render-event.ts';

export interface NotifierHandlerOptions {
  /** The function's name in logs, e.g. `codecommit-notifier`. */
  name: string;
  /** Builds the enricher once per container, from the checked config. */
  createEnricher?: (config: HeraldConfig) => EventEnricher;
  /** Defaults to `process.env`: `HERALD_CONFIG` holds the routing config as JSON. */
  env?: Record<string, string | undefined>;
  logger?: Logger;
  /** Defaults to Parameter Store / Secrets Manager through the AWS Parameters and Secrets Lambda Extension. */
  lookupUrl?: WebhookUrlLookup;
  delivery?: Parameters<typeof deliverMessages>[2];
}

export interface NotifierResult {
  delivered: string[];
  rejected: string[];
  skippedAsDuplicate: number;
}

/** Thrown when a message could not be delivered after retries, so Lambda retries the invocation. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';
}

/** Reads and checks the config the function was deployed with. Throws a `ConfigError` naming the field. */
export function loadNotifierConfig(env: Record<string, string | undefined>): HeraldConfig {
  const raw = env['HERALD_CONFIG'];
  if (!raw) throw new ConfigError('invalid config: HERALD_CONFIG is not set');
  const config = parseHeraldConfigJson(raw, 'HERALD_CONFIG');
  for (const [name, target] of Object.entries(config.targets)) {
    if (!target.webhook) throw new ConfigError(`invalid HERALD_CONFIG: targets.${name}.webhook: required (an SSM parameter or secret)`);
  }
  return config;
}

function defaultUrlLookup(config: HeraldConfig): WebhookUrlLookup {
  const resolver = createExtensionWebhookUrlResolver();
  return async (target) => {
    const webhook = config.targets[target]?.webhook;
    if (!webhook) throw new ConfigError(`target ${target} has no webhook`);
    return resolver.resolve(webhook);
  };
}

const deliveryKey = (message: RenderedMessage) => `${message.eventKey ?? ''}\u0000${message.target}`;

/**
 * A Lambda handler for Herald: config read and checked once per container (cold start), then for every
 * invocation parse → enrich → describe → route → format → deliver.
 *
 * A malformed event is logged and dropped: retrying cannot fix it. A delivery still failing after its
 * retries throws, so Lambda retries the invocation and finally hands it to the dead-letter queue.
 *
 * @example
 * export const handler = createNotifierHandler({ name: 'codecommit-notifier', createEnricher });
 */
/** What the handler reads from the Lambda context: the time left, to bound delivery retries. */
export interface NotifierContext {
  getRemainingTimeInMillis(): number;
}

/** Time kept back from the Lambda timeout so a failing delivery is reported rather than cut off. */
const TIMEOUT_MARGIN_MS = 3000;

export function createNotifierHandler(
  options: NotifierHandlerOptions,
): (event: unknown, context?: NotifierContext) => Promise<NotifierResult> {
  const logger = options.logger ?? new Logger({ serviceName: `herald-${options.name}` });
  const config = loadNotifierConfig(options.env ?? process.env);
  const lookupUrl = options.lookupUrl ?? defaultUrlLookup(config);
  const enrich = options.createEnricher?.(config);
  // Targets already served per event in this container: a retried invocation does not repeat them.
  const delivered = new Set<string>();

  return async (event, context) => {
    const rendered = await renderEvent(event, { config, ...(enrich ? { enrich } : {}) });
    for (const error of rendered.rejected) logger.warn('event rejected', { reason: error.reason });

    const pending = rendered.messages.filter((message) => !message.eventKey || !delivered.has(deliveryKey(message)));
    const skippedAsDuplicate = rendered.messages.length - pending.length;
    const remaining = context ? context.getRemainingTimeInMillis() - TIMEOUT_MARGIN_MS : undefined;
    const report = await deliverMessages(pending, lookupUrl, {
      // With no time left for retries, one attempt is still made; its failure is then reported in time.
      ...(remaining !== undefined ? { maxElapsedMs: Math.max(1, remaining) } : {}),
      ...options.delivery,
    });
    for (const message of report.deliveredMessages) {
      if (message.eventKey) delivered.add(deliveryKey(message));
    }
    logger.info('notifications sent', {
      events: rendered.events.map((item) => ({ kind: item.kind, eventId: item.eventId })),
      delivered: report.delivered,
      failed: report.failed,
      skippedAsDuplicate,
    });
    if (report.failed.length > 0) {
      throw new DeliveryFailedError(
        `delivery failed for ${report.failed.map((failure) => `${failure.target} (${failure.reason})`).join(', ')}`,
      );
    }
    return {
      delivered: report.delivered,
      rejected: rendered.rejected.map((error) => error.reason),
      skippedAsDuplicate,
    };
  };
}
