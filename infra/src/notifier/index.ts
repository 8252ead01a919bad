export { Notifier } from './notifier.ts';
export type { NotifierArgs } from './notifier.ts';
export { deadLetterQueuePolicy, subscribeNotifier, targetNotifier } from './wiring.ts';
export type { DeadLetterSource } from './wiring.ts';
