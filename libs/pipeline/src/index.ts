export { chatFormatters, formatterFor } from './chat-formatters.ts';
export { renderEvent } from './render-event.ts';
export type { EventEnricher, RenderOptions, RenderedMessage, RenderResult } from './render-event.ts';
export { deliverMessages } from './deliver-messages.ts';
export type { MessagesDeliveryReport, WebhookUrlLookup } from './deliver-messages.ts';
export { createNotifierHandler, loadNotifierConfig, DeliveryFailedError } from './notifier-handler.ts';
export type { NotifierHandlerOptions, NotifierResult, NotifierContext } from './notifier-handler.ts';
