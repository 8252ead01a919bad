export { postWebhook } from './post-webhook.ts';
export type { PostWebhookOptions, DeliveryResult } from './post-webhook.ts';
export { deliverAll } from './deliver-all.ts';
export type { WebhookDelivery, DeliveryReport, DeliveredTarget, FailedTarget } from './deliver-all.ts';
export { DeliveryError } from './delivery-error.ts';
export type { DeliveryFailureKind } from './delivery-error.ts';
export { redactUrl } from './redact.ts';
export { createWebhookUrlResolver, isAcceptableWebhookUrl, WebhookUrlResolutionError } from './webhook-url-resolver.ts';
export type { WebhookUrlRef, WebhookUrlResolver, WebhookUrlResolverClients } from './webhook-url-resolver.ts';
