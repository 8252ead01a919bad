import type { Notification } from './notification.ts';

/**
 * The contract every chat formatter library implements: turn a Notification into the exact webhook body
 * of one chat product, within that product's limits, with untrusted text unable to mention or link.
 */
export interface ChatFormatter<Payload = unknown> {
  /** The target type as written in config and on the CLI, e.g. `slack`. */
  readonly type: string;
  format(notification: Notification, options?: FormatOptions): Payload;
}

/**
 * A mention a route opted into (config, trusted): the only way a message can notify anyone. Formatters
 * render it in their product's syntax and allow exactly these ids; ids not in their format are dropped.
 */
export interface ChatMention {
  kind: 'user' | 'group';
  id: string;
}

export interface FormatOptions {
  mentions?: readonly ChatMention[];
}
