import type { Delivery } from './delivery.ts';

/**
 * What opening an envelope yields: the payload it carries, where that payload sits in the input and,
 * for SNS, what the envelope says about the delivery.
 */
export type EnvelopeContent =
  | { ok: true; content: unknown; location: string; delivery?: Delivery }
  | { ok: false; reason: string };
