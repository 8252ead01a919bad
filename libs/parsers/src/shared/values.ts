/** Small readers for untrusted values, used to say what was found without echoing much of it. */

/** Longest slice of an input value quoted in a reason. */
const MAX_QUOTED_LENGTH = 80;

/** A non-null, non-array object whose properties can be read by name. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short noun for what a value is: `null`, `array`, `string`, `number`, `object`… */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value as a double-quoted, escaped, single-line string of at most ~80 characters. */
export function quote(value: string, maxLength = MAX_QUOTED_LENGTH): string {
  const characters = Array.from(value);
  const shown = characters.length <= maxLength ? value : `${characters.slice(0, maxLength).join('')}…`;
  return JSON.stringify(shown);
}

/** Drops properties whose value is `undefined`, so produced events hold only what is known. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, property]) => property !== undefined)) as T;
}

/** Like {@link compact}, but `undefined` when nothing is known at all. */
export function compactOrUndefined<T extends object>(value: T): T | undefined {
  const compacted = compact(value);
  return Object.keys(compacted).length === 0 ? undefined : compacted;
}

/** `table[key]` for the table's own keys only, so untrusted keys such as `constructor` find nothing. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
