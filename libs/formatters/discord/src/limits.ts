/**
 * Discord's documented limits for an execute-webhook message with embeds. Lengths are UTF-16 code units
 * of the escaped text (never fewer than the characters Discord counts).
 *
 * @example
 * ```ts
 * import { DISCORD_LIMITS } from '@herald/formatter-discord';
 * const fits = embed.description.length <= DISCORD_LIMITS.description;
 * ```
 */
export const DISCORD_LIMITS = {
  /** Message `content`. */
  content: 2000,
  /** Embeds per message. */
  embeds: 10,
  /** Embed title. */
  title: 256,
  /** Embed description. */
  description: 4096,
  /** Fields per embed. */
  fields: 25,
  /** Field name. */
  fieldName: 256,
  /** Field value. */
  fieldValue: 1024,
  /** Footer text. */
  footerText: 2048,
  /** Author name. */
  authorName: 256,
  /** Sum of titles, descriptions, field names and values, footer texts and author names of all embeds. */
  embedsTotal: 6000,
} as const;
