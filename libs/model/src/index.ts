export type * from './dev-event.ts';
export type * from './enrichment.ts';
export type * from './notification.ts';
export type * from './chat-target.ts';
export { text, code, strong, link } from './inline.ts';
export { toIsoTime } from './aws-time.ts';
export { chatTargetTypes } from './chat-target-types.ts';
export type { ChatTargetType } from './chat-target-types.ts';
