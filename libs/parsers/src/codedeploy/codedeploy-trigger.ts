import type { DeploymentEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalIdentifier, optionalText, requiredText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';
import { reasonFromZodError } from '../shared/zod-reason.ts';
import { deploymentOverviewSchema, errorInformationSchema, rollbackInformationSchema } from './deployment-details.ts';
import { toDeploymentStatus } from './deployment-status.ts';
import { parseDeploymentSubject } from './deployment-subject.ts';

const SUBJECT = 'CodeDeploy trigger';

/**
 * The message a deployment-level CodeDeploy trigger publishes to SNS. `completeTime` is `null` until the
 * deployment ends; times are Java dates (`Thu Oct 13 15:50:45 UTC 2022`) or epoch text (`"1446744188.595"`).
 */
const deploymentTriggerSchema = z.object(
  {
    region: optionalText,
    accountId: optionalIdentifier,
    eventTriggerName: optionalText,
    applicationName: optionalText,
    deploymentId: requiredText,
    deploymentGroupName: optionalText,
    createTime: z.optional(z.unknown()),
    completeTime: z.optional(z.unknown()),
    deploymentOverview: deploymentOverviewSchema,
    status: optionalText,
    errorInformation: errorInformationSchema,
    rollbackInformation: rollbackInformationSchema,
  },
  { error: 'must be an object' },
);

/** A message of a deployment-level trigger (it names the deployment, not an instance). */
export function isCodeDeployDeploymentTrigger(value: Record<string, unknown>): boolean {
  return (
    'deploymentId' in value &&
    ('eventTriggerName' in value || 'applicationName' in value || 'deploymentGroupName' in value || 'status' in value)
  );
}

/**
 * A deployment-level CodeDeploy trigger message (the SNS `Message`, or the bare message) → a deployment
 * event. The SNS Subject stands in for a status, application or region the message leaves out.
 *
 * @example
 * parseCodeDeployTrigger(JSON.parse(record.Sns.Message), { messageId: record.Sns.MessageId });
 * // { ok: true, event: { kind: 'codedeploy.deployment', via: 'trigger', deploymentId: 'd-X', status: 'failed', ... } }
 */
export function parseCodeDeployTrigger(message: Record<string, unknown>, delivery: Delivery): ParseOutcome {
  const result = deploymentTriggerSchema.safeParse(message);
  if (!result.success) return failed(reasonFromZodError(SUBJECT, result.error));
  const trigger = result.data;
  const subject = parseDeploymentSubject(delivery.subject);

  const rawStatus = trigger.status ?? subject?.status;
  if (rawStatus === undefined) return failed(`${SUBJECT}: status must be a non-empty string`);
  const application = trigger.applicationName ?? subject?.application;
  if (application === undefined) return failed(`${SUBJECT}: applicationName must be a non-empty string`);
  const { region, account } = resolveOrigin({
    regions: [trigger.region, subject?.region],
    accounts: [trigger.accountId],
    delivery,
  });
  if (region === undefined) return failed(`${SUBJECT}: region must be a non-empty string`);

  const createTime = toIsoTime(trigger.createTime);
  const completeTime = toIsoTime(trigger.completeTime);
  const event: DeploymentEvent = {
    kind: 'codedeploy.deployment',
    via: 'trigger',
    region,
    account,
    time: toIsoTime(delivery.timestamp) ?? completeTime ?? createTime,
    eventId: delivery.messageId,
    application,
    deploymentGroup: trigger.deploymentGroupName,
    deploymentId: trigger.deploymentId,
    status: toDeploymentStatus(rawStatus),
    rawStatus,
    createTime,
    completeTime,
    overview: trigger.deploymentOverview,
    error: trigger.errorInformation,
    rollback: trigger.rollbackInformation,
    triggerName: trigger.eventTriggerName,
  };
  return parsed(compact(event));
}
