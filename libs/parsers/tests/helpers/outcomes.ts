import type { DevEvent, DevEventKind } from '@herald/model';
import type { ParseOutcome } from '../../src/index.ts';

/** The member of the DevEvent union with the given kind. */
export type EventOfKind<K extends DevEventKind> = Extract<DevEvent, { kind: K }>;

function isOfKind<K extends DevEventKind>(event: DevEvent, kind: K): event is EventOfKind<K> {
  return event.kind === kind;
}

/** The events of outcomes that must all have parsed into events of one kind; fails with the reasons otherwise. */
export function expectEvents<K extends DevEventKind>(outcomes: ParseOutcome[], kind: K): EventOfKind<K>[] {
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw new Error(`expected an event, got: ${outcome.error.reason}`);
    if (!isOfKind(outcome.event, kind)) throw new Error(`expected a ${kind} event, got ${outcome.event.kind}`);
    return outcome.event;
  });
}

/** The single event of outcomes that must hold exactly one parsed event of the given kind. */
export function expectOneEvent<K extends DevEventKind>(outcomes: ParseOutcome[], kind: K): EventOfKind<K> {
  const events = expectEvents(outcomes, kind);
  const [event] = events;
  if (events.length !== 1 || event === undefined) throw new Error(`expected one event, got ${events.length}`);
  return event;
}

/** The reasons of failed outcomes, `undefined` in place of each parsed event. */
export function reasonsOf(outcomes: ParseOutcome[]): (string | undefined)[] {
  return outcomes.map((outcome) => (outcome.ok ? undefined : outcome.error.reason));
}
