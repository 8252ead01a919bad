/**
 * Time formats sent by AWS developer tools, normalised to one: ISO-8601 UTC.
 *
 * Producers disagree: CodeCommit triggers send `2021-02-08T10:03:08.862+0000`, CodeDeploy and pull-request
 * events send Java `Date.toString()` output (`Thu Oct 13 15:50:45 UTC 2022`, and `Tue Feb 9 2019 10:18:42 PDT `
 * with the year before the time), CodeBuild sends `Sep 1, 2017 4:12:29 PM`, git sends `1484167798 -0800` and
 * the APIs send epoch seconds as floats. Each format is matched exactly; `Date.parse` is never used as a
 * fallback because its acceptance of other strings differs between engines.
 */

const MILLISECONDS_PER_MINUTE = 60_000;

/** Epoch numbers above this are milliseconds (1e12 seconds would be the year 33658). */
const EPOCH_MILLISECONDS_THRESHOLD = 1e12;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Offsets, in hours, of the zone abbreviations Java prints for the zones AWS users run in. */
const ZONE_OFFSET_HOURS: Readonly<Record<string, number>> = {
  UTC: 0,
  UT: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 1,
  BST: 1,
  CET: 1,
  CEST: 2,
  EET: 2,
  EEST: 3,
  JST: 9,
  KST: 9,
  AEST: 10,
  AEDT: 11,
  HST: -10,
  AKST: -9,
  AKDT: -8,
  PST: -8,
  PDT: -7,
  MST: -7,
  MDT: -6,
  CST: -6,
  CDT: -5,
  EST: -5,
  EDT: -4,
};

const DAY = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?`;
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const CLOCK = String.raw`(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?`;
/** A zone abbreviation, or an offset with or without a `GMT`/`UTC` prefix: `PDT`, `GMT+02:00`, `+0530`. */
const ZONE = String.raw`([a-z]{1,5}|(?:gmt|utc)?[+-]\d{1,2}(?::?\d{2})?)`;

const ISO_PATTERN = new RegExp(
  String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$`,
  'i',
);
/** Java `Date.toString()`: `Thu Oct 13 15:50:45 UTC 2022`. */
const JAVA_PATTERN = new RegExp(String.raw`^(?:${DAY}\s+)?${MONTH}\s+(\d{1,2})\s+${CLOCK}\s+${ZONE}\s+(\d{4})$`, 'i');
/** The variant with the year before the time: `Tue Feb 9 2019 10:18:42 PDT`. */
const JAVA_YEAR_FIRST_PATTERN = new RegExp(
  String.raw`^(?:${DAY}\s+)?${MONTH}\s+(\d{1,2}),?\s+(\d{4})\s+${CLOCK}\s*${ZONE}?$`,
  'i',
);
/** CodeBuild: `Sep 1, 2017 4:12:29 PM` (UTC). */
const CODEBUILD_PATTERN = new RegExp(String.raw`^${MONTH}\s+(\d{1,2}),\s*(\d{4}),?\s+${CLOCK}\s*(am|pm)$`, 'i');
/** Git: seconds and the author's offset, `1484167798 -0800` (the offset does not change the instant). */
const GIT_PATTERN = /^(\d+)\s+[+-]\d{4}$/;
const EPOCH_PATTERN = /^\d+(?:\.\d+)?$/;

interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Digits after the decimal point of the seconds, as written. */
  fraction?: string | undefined;
  offsetMinutes: number;
}

/**
 * Normalises any time format AWS developer tools send into ISO-8601 UTC, or `undefined` when the value
 * is not a recognisable time. Never throws.
 *
 * Accepts ISO-8601 (`Z`, `+0000`, `+00:00`, fractions; no zone means UTC), Java `Date.toString()` with a
 * zone abbreviation, CodeBuild `Sep 1, 2017 4:12:29 PM`, git `1484167798 -0800`, epoch seconds (number or
 * string, with fractions), epoch milliseconds (numbers above 1e12) and `Date` objects.
 *
 * @example
 * toIsoTime('2021-02-08T10:03:08.862+0000'); // '2021-02-08T10:03:08.862Z'
 * toIsoTime('Tue Feb 9 2019 10:18:42 PDT '); // '2019-02-09T17:18:42.000Z'
 * toIsoTime(1446137312.204);                 // '2015-10-29T16:48:32.204Z'
 * toIsoTime('yesterday');                    // undefined
 */
export function toIsoTime(value: unknown): string | undefined {
  try {
    return isoFromMilliseconds(toEpochMilliseconds(value));
  } catch {
    return undefined;
  }
}

function toEpochMilliseconds(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return fromEpochNumber(value);
  if (typeof value === 'string') return fromText(value.trim());
  return undefined;
}

function isoFromMilliseconds(milliseconds: number | undefined): string | undefined {
  if (milliseconds === undefined || !Number.isFinite(milliseconds)) return undefined;
  const date = new Date(milliseconds);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function fromEpochNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  return value > EPOCH_MILLISECONDS_THRESHOLD ? value : Math.round(value * 1000);
}

function fromText(text: string): number | undefined {
  if (text.length === 0 || text.length > 64) return undefined;
  if (EPOCH_PATTERN.test(text)) return fromEpochNumber(Number(text));
  const git = GIT_PATTERN.exec(text);
  if (git) return fromEpochNumber(Number(git[1]));
  const parts = isoParts(text) ?? javaParts(text) ?? javaYearFirstParts(text) ?? codeBuildParts(text);
  return parts === undefined ? undefined : fromParts(parts);
}

function isoParts(text: string): DateTimeParts | undefined {
  const match = ISO_PATTERN.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offsetMinutes = zone === undefined ? 0 : zoneOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    fraction,
    offsetMinutes,
  };
}

function javaParts(text: string): DateTimeParts | undefined {
  const match = JAVA_PATTERN.exec(text);
  if (!match) return undefined;
  const [, monthName, day, hour, minute, second, fraction, zone, year] = match;
  return partsWithZone({ year, monthName, day, hour, minute, second, fraction, zone });
}

function javaYearFirstParts(text: string): DateTimeParts | undefined {
  const match = JAVA_YEAR_FIRST_PATTERN.exec(text);
  if (!match) return undefined;
  const [, monthName, day, year, hour, minute, second, fraction, zone] = match;
  return partsWithZone({ year, monthName, day, hour, minute, second, fraction, zone: zone ?? 'UTC' });
}

function codeBuildParts(text: string): DateTimeParts | undefined {
  const match = CODEBUILD_PATTERN.exec(text);
  if (!match) return undefined;
  const [, monthName, day, year, hour, minute, second, fraction, meridiem] = match;
  const hourOfHalfDay = Number(hour);
  if (hourOfHalfDay < 1 || hourOfHalfDay > 12) return undefined;
  const isAfternoon = meridiem?.toLowerCase() === 'pm';
  const hourOfDay = (hourOfHalfDay % 12) + (isAfternoon ? 12 : 0);
  return partsWithZone({ year, monthName, day, hour: String(hourOfDay), minute, second, fraction, zone: 'UTC' });
}

function partsWithZone(fields: {
  year: string | undefined;
  monthName: string | undefined;
  day: string | undefined;
  hour: string | undefined;
  minute: string | undefined;
  second: string | undefined;
  fraction: string | undefined;
  zone: string | undefined;
}): DateTimeParts | undefined {
  const month = MONTHS.indexOf((fields.monthName ?? '').slice(0, 3).toLowerCase()) + 1;
  const offsetMinutes = zoneOffsetMinutes(fields.zone ?? '');
  if (month === 0 || offsetMinutes === undefined) return undefined;
  return {
    year: Number(fields.year),
    month,
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    fraction: fields.fraction,
    offsetMinutes,
  };
}

/** `Z`, `+0000`, `-07:00`, `+05`, `GMT+02:00`, `PDT` → minutes east of UTC; unknown zones → undefined. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const upper = zone.toUpperCase();
  const named = ZONE_OFFSET_HOURS[upper];
  if (named !== undefined) return named * 60;
  const offset = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (!offset) return undefined;
  const [, sign, hours, minutes] = offset;
  if (Number(hours) > 14 || Number(minutes ?? 0) > 59) return undefined;
  const total = Number(hours) * 60 + Number(minutes ?? 0);
  return sign === '-' ? -total : total;
}

function fromParts(parts: DateTimeParts): number | undefined {
  const { year, month, day, hour, minute, second, fraction, offsetMinutes } = parts;
  const isValid =
    year >= 1000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  if (!isValid) return undefined;
  const milliseconds = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  return local - offsetMinutes * MILLISECONDS_PER_MINUTE;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
