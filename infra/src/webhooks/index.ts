export { WebhookParameters } from './webhook-parameters.ts';
export type { WebhookParametersArgs } from './webhook-parameters.ts';
