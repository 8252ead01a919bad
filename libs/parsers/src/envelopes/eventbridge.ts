import * as z from 'zod/mini';
import { NON_EMPTY_STRING_MESSAGE, optionalText } from '../shared/loose-schemas.ts';
import { joinPath, reasonAtPath } from '../shared/zod-reason.ts';

/**
 * An EventBridge event, as a rule delivers it (`detail-type`) or as a notification rule processes it
 * (`detailType`, no `id`/`version`, plus `notificationRuleArn` and `additionalAttributes`).
 */
export interface EventBridgeEvent {
  detailType: string;
  /** Which of the two forms it came in. */
  via: 'eventbridge' | 'notification-rule';
  source?: string | undefined;
  account?: string | undefined;
  region?: string | undefined;
  time?: unknown;
  id?: string | undefined;
  /** The ARNs the event is about, e.g. the repository. */
  resources: string[];
  detail?: unknown;
  notificationRuleArn?: string | undefined;
  /** What a notification rule adds to the event (failed actions, source revisions…), unchecked. */
  additionalAttributes?: unknown;
}

const eventBridgeEventSchema = z.object({
  'detail-type': optionalText,
  detailType: optionalText,
  source: optionalText,
  account: optionalText,
  region: optionalText,
  time: z.optional(z.unknown()),
  id: optionalText,
  resources: z.catch(
    z.pipe(
      z.array(z.unknown()),
      z.transform((resources) => resources.filter((resource): resource is string => typeof resource === 'string')),
    ),
    [],
  ),
  detail: z.optional(z.unknown()),
  notificationRuleArn: optionalText,
  additionalAttributes: z.optional(z.unknown()),
});

export function isEventBridgeEvent(value: Record<string, unknown>): boolean {
  return 'detail-type' in value || 'detailType' in value;
}

/** Reads the envelope of an EventBridge event; `location` is where it sits (empty for the whole input). */
export function readEventBridgeEvent(
  value: Record<string, unknown>,
  location: string,
): { ok: true; event: EventBridgeEvent } | { ok: false; reason: string } {
  const result = eventBridgeEventSchema.safeParse(value);
  if (!result.success) return { ok: false, reason: reasonAtPath(location, result.error) };
  const { 'detail-type': dashed, detailType: camel, ...rest } = result.data;
  const detailType = dashed ?? camel;
  if (detailType === undefined) {
    const key = 'detail-type' in value ? 'detail-type' : 'detailType';
    return { ok: false, reason: `${joinPath(location, key)} ${NON_EMPTY_STRING_MESSAGE}` };
  }
  const isNotificationRule = dashed === undefined || rest.notificationRuleArn !== undefined;
  return { ok: true, event: { detailType, via: isNotificationRule ? 'notification-rule' : 'eventbridge', ...rest } };
}
