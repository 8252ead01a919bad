import type { Line } from '@herald/model';

/** Marks text that was cut. */
export const ELLIPSIS = '…';

/** Concatenates pieces while the result stays within `max` UTF-16 code units. */
export function take(pieces: Iterable<string>, max: number): { text: string; complete: boolean } {
  let text = '';
  for (const piece of pieces) {
    if (text.length + piece.length > max) return { text, complete: false };
    text += piece;
  }
  return { text, complete: true };
}

/**
 * Shares `total` between parties needing `needs[i]` each: none gets more than it needs, and what the
 * small ones leave is shared evenly by the others (max-min fairness).
 */
export function shareFairly(needs: readonly number[], total: number): number[] {
  const shares = needs.map(() => 0);
  const order = needs.map((_, i) => i).sort((a, b) => (needs[a] ?? 0) - (needs[b] ?? 0));
  let left = Math.max(0, total);
  order.forEach((i, k) => {
    const share = Math.min(needs[i] ?? 0, Math.floor(left / (order.length - k)));
    shares[i] = share;
    left -= share;
  });
  return shares;
}

/** The visible note for what was left out: `…and 3 more files`, `…and 100+ more files`. */
export function moreLine(count: number, noun: string, lowerBound = false): Line {
  return [{ type: 'text', text: `${ELLIPSIS}and ${count}${lowerBound ? '+' : ''} more ${noun}`.trimEnd() }];
}
