import type { CodeCommitPushEvent } from '@herald/model';
import type { ParseOutcome } from '../../src/index.ts';

/** The events of outcomes that must all have parsed; fails with the reasons otherwise. */
export function expectEvents(outcomes: ParseOutcome[]): CodeCommitPushEvent[] {
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw new Error(`expected an event, got: ${outcome.error.reason}`);
    return outcome.event;
  });
}

/** The single event of outcomes that must hold exactly one parsed event. */
export function expectOneEvent(outcomes: ParseOutcome[]): CodeCommitPushEvent {
  const events = expectEvents(outcomes);
  const [event] = events;
  if (events.length !== 1 || event === undefined) throw new Error(`expected one event, got ${events.length}`);
  return event;
}

/** The reasons of failed outcomes, `undefined` in place of each parsed event. */
export function reasonsOf(outcomes: ParseOutcome[]): (string | undefined)[] {
  return outcomes.map((outcome) => (outcome.ok ? undefined : outcome.error.reason));
}
