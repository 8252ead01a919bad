/**
 * Google Chat's documented limits for an incoming-webhook message with a `cardsV2` card, and the ceilings this
 * formatter keeps where Google documents none. Lengths are UTF-16 code units of the escaped text (at most 3 UTF-8
 * bytes each in the body); the body is measured in UTF-8 bytes of its JSON.
 *
 * Verified: "The maximum message size (including any text or cards) is 32,000 bytes" (Chat API, send a message);
 * a card's "Maximum size is 32 KB" (`CardWithId`); "You can add up to 100 widgets per card. Any widgets beyond this
 * limit are ignored" (`Card`). The 4,096 limit of `text` is Google's own 400 answer ("Maximum length of the field
 * is 4096", reported by webhook clients), not a documented figure; whether it counts characters or bytes is not
 * said, so `text` keeps to 4,096 UTF-8 bytes, which satisfies both. How the 32,000 bytes are counted (the JSON, or
 * Google's internal form) is not documented either: bodies keep well under it.
 *
 * @example
 * ```ts
 * import { GOOGLE_CHAT_LIMITS } from '@herald/formatter-google-chat';
 * const fits = Buffer.byteLength(JSON.stringify(body)) <= GOOGLE_CHAT_LIMITS.maxBodyBytes;
 * ```
 */
export const GOOGLE_CHAT_LIMITS = {
  /** Documented: the whole message, text and cards. */
  documentedMessageBytes: 32_000,
  /** The JSON body this formatter never exceeds: a safety margin under the documented size. */
  maxBodyBytes: 24_000,
  /** The message `text`, in UTF-8 bytes (Google answers 400 above 4,096). */
  textBytes: 4096,
  /** Documented: widgets beyond it are silently dropped. */
  widgets: 100,
  /** The card header's title and subtitle. */
  title: 200,
  subtitle: 200,
  /** Fields shown, each as a decorated text. */
  fields: 10,
  fieldLabel: 100,
  fieldValue: 500,
  /** The notification summary in `text`, before the mentions. */
  fallbackText: 1000,
  /** People mentioned in one message. */
  mentions: 10,
  /** Longest URL linked; a longer one is shown as text only. */
  url: 1000,
} as const;
