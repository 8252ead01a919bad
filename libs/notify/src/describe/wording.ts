/** Small wording helpers shared by every description. */

import type { Actor } from '@herald/model';

/** The 7-character id people recognise; ids that are not hex are shown as sent. */
export function shortCommitId(commitId: string): string {
  return /^[0-9a-f]{8,}$/i.test(commitId) ? commitId.slice(0, 7) : commitId;
}

/** The first block of an execution UUID, as the console shows it; other ids are shown as sent. */
export function shortExecutionId(executionId: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(executionId) ? executionId.slice(0, 8) : executionId;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** At most `maxLines` lines and `maxChars` characters, with a visible "…" when cut. */
export function truncateText(value: string, maxLines: number, maxChars: number): string {
  const lines = value.split(/\r?\n/);
  let result = lines.slice(0, maxLines).join('\n');
  let cut = lines.length > maxLines;
  if (result.length > maxChars) {
    result = Array.from(result).slice(0, maxChars).join('');
    cut = true;
  }
  return cut ? `${result.trimEnd()}\n…` : result;
}

/** `2017-01-11 20:49 UTC` from an ISO time. */
export function readableTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long from one ISO time to another, in the two largest units: `45 s`, `8 min 52 s`, `1 h 5 min`,
 * `2 d 3 h`. Undefined when either time is missing or invalid, or the end is before the start.
 *
 * @example
 * readableDuration('2022-10-13T15:50:45Z', '2022-10-13T15:59:37Z'); // '8 min 52 s'
 */
export function readableDuration(startIso: string | undefined, endIso: string | undefined): string | undefined {
  if (!startIso || !endIso) return undefined;
  const milliseconds = new Date(endIso).getTime() - new Date(startIso).getTime();
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return undefined;
  return readableSpan(milliseconds);
}

function readableSpan(milliseconds: number): string {
  const units: [number, string][] = [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ];
  const firstIndex = units.findIndex(([size]) => milliseconds >= size);
  if (firstIndex === -1) return milliseconds === 0 ? '0 s' : '< 1 s';
  const parts: string[] = [];
  let rest = milliseconds;
  for (const [size, unit] of units.slice(firstIndex, firstIndex + 2)) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length === 0) parts.push(`${count} ${unit}`);
  }
  return parts.join(' ');
}

/**
 * How far ahead a time is from a reference time, in words: `in about 7 days`, `in about 3 hours`,
 * `in 20 minutes`; `already passed` when it is not ahead. Undefined when either time is missing or invalid.
 *
 * @example
 * timeUntil('2021-10-06T17:37:00Z', '2021-09-29T17:37:37Z'); // 'in about 7 days'
 */
export function timeUntil(targetIso: string | undefined, fromIso: string | undefined): string | undefined {
  if (!targetIso || !fromIso) return undefined;
  const milliseconds = new Date(targetIso).getTime() - new Date(fromIso).getTime();
  if (!Number.isFinite(milliseconds)) return undefined;
  if (milliseconds <= 0) return 'already passed';
  if (milliseconds >= 2 * DAY) return `in about ${plural(Math.round(milliseconds / DAY), 'day')}`;
  if (milliseconds >= 2 * HOUR) return `in about ${plural(Math.round(milliseconds / HOUR), 'hour')}`;
  return `in ${plural(Math.max(1, Math.floor(milliseconds / MINUTE)), 'minute')}`;
}

/** A status or type as AWS writes it, in lower-case words: `IN_PROGRESS` and `InProgress` → `in progress`. */
export function readableWords(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The sentence a notice shows for something an enricher could not fetch, e.g.
 * `Could not fetch execution details: access denied (AccessDeniedException).`
 *
 * @example
 * couldNotFetch('execution details: throttled (ThrottlingException)');
 * // 'Could not fetch execution details: throttled (ThrottlingException).'
 */
export function couldNotFetch(missing: string): string {
  const phrase = missing.trim() || 'some details';
  return `Could not fetch ${phrase}${/[.!?]$/.test(phrase) ? '' : '.'}`;
}

/**
 * The readable name in an IAM or STS ARN: the session of an assumed role with the role in brackets,
 * the user of a user ARN, `root`, or the last part of anything else.
 *
 * @example
 * nameFromArn('arn:aws:sts::123456789012:assumed-role/Admin/my-user'); // 'my-user (Admin)'
 */
export function nameFromArn(arn: string): string {
  const resource = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/.exec(arn)?.[1];
  if (!resource) return arn;
  if (resource === 'root') return 'root';
  const parts = resource.split('/');
  const [kind] = parts;
  const last = parts.at(-1) ?? resource;
  if (kind === 'assumed-role' && parts.length >= 3) return `${last} (${parts[1]})`;
  return last;
}

/**
 * Who did it: the name, with the assumed role in brackets.
 *
 * @example
 * actorLabel({ arn: '…', name: 'Mary_Major', kind: 'assumed-role', role: 'Admin' }); // 'Mary_Major (Admin)'
 */
export function actorLabel(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  return actor.role ? `${actor.name} (${actor.role})` : actor.name;
}
