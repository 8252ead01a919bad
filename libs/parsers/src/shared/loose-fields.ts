import { isRecord } from './values.ts';

/**
 * Readers for the parts of AWS payloads whose encoding and key spelling vary between producers: objects
 * and arrays sent either as themselves or as JSON text of themselves, keys in `PascalCase` or `camelCase`.
 */

/** The JSON value of a text, or `undefined` when it is not JSON. */
export function parseJsonText(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** An object, or JSON text of one; anything else is `undefined`. */
export function objectFrom(value: unknown): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  if (typeof value !== 'string') return undefined;
  const json = parseJsonText(value);
  return json !== undefined && isRecord(json.value) ? json.value : undefined;
}

/** An array, or JSON text of one; anything else is `undefined`. */
export function arrayFrom(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  const json = parseJsonText(value);
  return json !== undefined && Array.isArray(json.value) ? json.value : undefined;
}

/**
 * The first of `names` that holds a non-blank string, matching each name exactly first and then
 * ignoring case (`CommitId`, `commitId`, `commitID`); the string is kept exactly as sent.
 */
export function textField(record: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fieldIgnoringCase(record, name);
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/** A whole number ≥ 0 under `name` (any case), also as numeric text; anything else is `undefined`. */
export function countField(record: Record<string, unknown>, name: string): number | undefined {
  return wholeNumber(fieldIgnoringCase(record, name));
}

/** `3`, `3.0`, `"3"` and `"3.0"` → 3; negative, fractional and other values → `undefined`. */
export function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+(?:\.0+)?\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/** The value under `name`, matched exactly first and then ignoring case. */
export function fieldIgnoringCase(record: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const lowerName = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lowerName);
  return key === undefined ? undefined : record[key];
}
