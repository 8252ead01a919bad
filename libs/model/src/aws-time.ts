/**
 * Normalises any time format AWS developer tools send into ISO-8601 UTC, or `undefined` when the value
 * is not a recognisable time.
 */
export function toIsoTime(value: unknown): string | undefined {
  void value;
  throw new Error('not implemented yet');
}
