import { text, type Line } from '@herald/model';
import { truncateText } from './wording.ts';

const MAX_LINES = 10;
const MAX_CHARS = 1200;

/**
 * Untrusted multi-line text as plain lines (no inline may hold a line break), at most ten lines and
 * 1200 characters with a visible "…" when cut; blank input gives no lines.
 *
 * @example
 * textLines('Refunds were rounded down.\n\nNow half-even.'); // three lines, the middle one empty
 */
export function textLines(value: string | undefined, maxLines = MAX_LINES, maxChars = MAX_CHARS): Line[] {
  if (!value || value.trim() === '') return [];
  return truncateText(value.trim(), maxLines, maxChars)
    .split('\n')
    .map((line) => [text(line)]);
}
