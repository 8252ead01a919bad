/**
 * Slack's documented limits for an incoming-webhook message laid out with Block Kit, plus the ceilings
 * this formatter keeps where Slack documents none. Lengths are UTF-16 code units of the escaped text.
 *
 * @example
 * ```ts
 * import { SLACK_LIMITS } from '@herald/formatter-slack';
 * const fits = sectionText.length <= SLACK_LIMITS.sectionText;
 * ```
 */
export const SLACK_LIMITS = {
  /** Blocks per message. */
  blocks: 50,
  /** Text of a section block. */
  sectionText: 3000,
  /** Items in a section's `fields`. */
  sectionFields: 10,
  /** Text of one section field. */
  fieldText: 2000,
  /** Text of a header block; the title is kept to this visible length too. */
  headerText: 150,
  /** Elements of a context block. */
  contextElements: 10,
  /** Top-level `text` (Slack itself truncates at 40,000): kept to a summary's length. */
  messageText: 3000,
  /** Sum of all block texts: below the undocumented `msg_blocks_too_long` ceiling measured near 13,200. */
  blockTextTotal: 12000,
} as const;
