import type { DeploymentInstanceEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import { arrayFrom, fieldIgnoringCase, objectFrom, textField } from '../shared/loose-fields.ts';
import { compact } from '../shared/values.ts';

type LifecycleEvent = DeploymentInstanceEvent['lifecycleEvents'][number];

/**
 * `lifecycleEvents` of an instance trigger: an array (or JSON text of one) of
 * `{LifecycleEvent, LifecycleEventStatus, StartTime, EndTime}`. Entries without a name are left out;
 * anything unreadable is an empty list.
 */
export const lifecycleEventsSchema = z.pipe(z.optional(z.unknown()), z.transform(toLifecycleEvents));

function toLifecycleEvents(value: unknown): LifecycleEvent[] {
  return (arrayFrom(value) ?? []).flatMap((entry) => {
    const record = objectFrom(entry);
    const name = record === undefined ? undefined : textField(record, 'LifecycleEvent', 'Name');
    if (record === undefined || name === undefined) return [];
    const lifecycleEvent: LifecycleEvent = {
      name,
      status: textField(record, 'LifecycleEventStatus', 'Status') ?? 'Unknown',
      startTime: toIsoTime(fieldIgnoringCase(record, 'StartTime')),
      endTime: toIsoTime(fieldIgnoringCase(record, 'EndTime')),
    };
    return [compact(lifecycleEvent)];
  });
}
