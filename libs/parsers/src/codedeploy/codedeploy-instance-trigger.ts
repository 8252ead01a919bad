import type { DeploymentInstanceEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalIdentifier, optionalText, requiredText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';
import { reasonFromZodError } from '../shared/zod-reason.ts';
import { toDeploymentStatus } from './deployment-status.ts';
import { lifecycleEventsSchema } from './lifecycle-events.ts';

const SUBJECT = 'CodeDeploy instance trigger';

/** The message an instance-level CodeDeploy trigger publishes; `instanceId` is an EC2 instance ARN. */
const instanceTriggerSchema = z.object(
  {
    region: optionalText,
    accountId: optionalIdentifier,
    applicationName: optionalText,
    deploymentGroupName: optionalText,
    deploymentId: requiredText,
    instanceId: requiredText,
    instanceStatus: requiredText,
    lastUpdatedAt: z.optional(z.unknown()),
    lifecycleEvents: lifecycleEventsSchema,
  },
  { error: 'must be an object' },
);

/** A message of an instance-level trigger. */
export function isCodeDeployInstanceTrigger(value: Record<string, unknown>): boolean {
  return 'deploymentId' in value && ('instanceId' in value || 'instanceStatus' in value);
}

/**
 * An instance-level CodeDeploy trigger message → an instance event with its lifecycle events.
 *
 * @example
 * parseCodeDeployInstanceTrigger(message, {});
 * // { ok: true, event: { kind: 'codedeploy.instance', via: 'trigger', instanceId: 'arn:aws:ec2:…', status: 'succeeded', ... } }
 */
export function parseCodeDeployInstanceTrigger(message: Record<string, unknown>, delivery: Delivery): ParseOutcome {
  const result = instanceTriggerSchema.safeParse(message);
  if (!result.success) return failed(reasonFromZodError(SUBJECT, result.error));
  const trigger = result.data;

  const { region, account } = resolveOrigin({
    regions: [trigger.region],
    accounts: [trigger.accountId],
    arns: [trigger.instanceId],
    delivery,
  });
  if (region === undefined) return failed(`${SUBJECT}: region must be a non-empty string`);

  const event: DeploymentInstanceEvent = {
    kind: 'codedeploy.instance',
    via: 'trigger',
    region,
    account,
    time: toIsoTime(trigger.lastUpdatedAt) ?? toIsoTime(delivery.timestamp),
    eventId: delivery.messageId,
    deploymentId: trigger.deploymentId,
    application: trigger.applicationName,
    deploymentGroup: trigger.deploymentGroupName,
    instanceId: trigger.instanceId,
    status: toDeploymentStatus(trigger.instanceStatus),
    rawStatus: trigger.instanceStatus,
    lifecycleEvents: trigger.lifecycleEvents,
  };
  return parsed(compact(event));
}
