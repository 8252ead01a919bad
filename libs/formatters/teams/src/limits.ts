/**
 * Microsoft Teams' documented limit for a webhook message carrying an Adaptive Card, and the ceilings this
 * formatter keeps where Teams documents none. Lengths are UTF-16 code units of the escaped text (at most 3 UTF-8
 * bytes each in the body); the body is measured in UTF-8 bytes of its JSON.
 *
 * Teams documents "The message size limit is 28 KB" for incoming webhooks, and "about 28 KB … Request Entity too
 * large" for the Workflows actions that post cards; how it counts is not documented, and a client library reports
 * refusals from about 21 KB. Every body therefore stays at or under `maxBodyBytes`.
 *
 * @example
 * ```ts
 * import { TEAMS_LIMITS } from '@herald/formatter-teams';
 * const fits = Buffer.byteLength(JSON.stringify(body)) <= TEAMS_LIMITS.maxBodyBytes;
 * ```
 */
export const TEAMS_LIMITS = {
  /** The documented message size: 28 KB. */
  documentedBodyBytes: 28_000,
  /** The JSON body this formatter never exceeds: a safety margin under the documented size. */
  maxBodyBytes: 20_000,
  /** Visible title. */
  title: 256,
  /** Text of one TextBlock (one line of a section). */
  textBlock: 2000,
  /** Facts of the FactSet that shows the fields. */
  facts: 10,
  factTitle: 100,
  factValue: 500,
  /** People mentioned in one message. */
  mentions: 5,
  /** Longest URL linked; a longer one is shown as text only. */
  url: 1000,
  /** The card's `fallbackText`, shown by clients that cannot render it. */
  fallbackText: 300,
} as const;
