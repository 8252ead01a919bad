import type { DevEvent } from '@herald/model';

/** The longest reason kept; longer ones are cut with an ellipsis so a log line stays a line. */
const MAX_REASON_LENGTH = 200;

/**
 * An input Herald cannot turn into a {@link DevEvent}. The `reason` is one short line saying what is wrong
 * and where; it never carries a stack trace or a large slice of the input.
 *
 * @example
 * const error = new ParseError('Records[0].Sns.Message is not JSON');
 * error.reason; // 'Records[0].Sns.Message is not JSON'
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  /** What is wrong and where, on one line of at most 200 characters. */
  readonly reason: string;

  constructor(reason: string) {
    const line = toOneLine(reason);
    super(line);
    this.reason = line;
  }
}

/**
 * What parsing one event yields: a typed event, or the reason it could not be read.
 *
 * @example
 * for (const outcome of parseLambdaEvent(input)) {
 *   if (outcome.ok) handle(outcome.event);
 *   else logger.warn(outcome.error.reason);
 * }
 */
export type ParseOutcome = { ok: true; event: DevEvent } | { ok: false; error: ParseError };

export function parsed(event: DevEvent): ParseOutcome {
  return { ok: true, event };
}

export function failed(reason: string): ParseOutcome {
  return { ok: false, error: new ParseError(reason) };
}

/** Prefixes every failure with where in the input it happened, e.g. `Records[1].Sns.Message: …`. */
export function locateFailures(location: string, outcomes: ParseOutcome[]): ParseOutcome[] {
  if (location === '') return outcomes;
  return outcomes.map((outcome) => (outcome.ok ? outcome : failed(`${location}: ${outcome.error.reason}`)));
}

function toOneLine(reason: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a log line
  const line = reason.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length <= MAX_REASON_LENGTH ? line : `${line.slice(0, MAX_REASON_LENGTH - 1)}…`;
}
