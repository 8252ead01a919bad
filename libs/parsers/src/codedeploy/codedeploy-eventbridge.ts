import type { DeploymentEvent, DeploymentInstanceEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import type { EventBridgeEvent } from '../envelopes/eventbridge.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resourceNameFromArns } from '../shared/arn.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalText, requiredText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';
import { reasonAtPath } from '../shared/zod-reason.ts';
import { toDeploymentStatus } from './deployment-status.ts';

/** The `detail-type` of CodeDeploy deployment events (`detail.state`: START, SUCCESS, FAILURE, STOP, READY). */
export const DEPLOYMENT_STATE_CHANGE = 'CodeDeploy Deployment State-change Notification';
/** The `detail-type` of CodeDeploy instance events. */
export const INSTANCE_STATE_CHANGE = 'CodeDeploy Instance State-change Notification';

const deploymentDetailSchema = z.object(
  {
    application: optionalText,
    deploymentGroup: optionalText,
    deploymentId: requiredText,
    state: requiredText,
    region: optionalText,
  },
  { error: 'must be an object' },
);

const instanceDetailSchema = z.object(
  {
    application: optionalText,
    deploymentGroup: optionalText,
    deploymentId: requiredText,
    instanceId: requiredText,
    state: requiredText,
    region: optionalText,
  },
  { error: 'must be an object' },
);

/**
 * A "CodeDeploy Deployment State-change Notification" → a deployment event. The application and
 * deployment group fall back to the `application:` and `deploymentgroup:` ARNs in `resources`.
 *
 * @example
 * parseCodeDeployDeploymentEvent(event, {});
 * // { ok: true, event: { kind: 'codedeploy.deployment', via: 'eventbridge', status: 'succeeded', rawStatus: 'SUCCESS', ... } }
 */
export function parseCodeDeployDeploymentEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const result = deploymentDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${DEPLOYMENT_STATE_CHANGE}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;

  const application = detail.application ?? applicationFromResources(event.resources);
  if (application === undefined) {
    return failed(`${DEPLOYMENT_STATE_CHANGE}: detail.application must be a non-empty string`);
  }
  const { region, account } = originOf(event, detail.region, delivery);
  if (region === undefined) return failed(`${DEPLOYMENT_STATE_CHANGE}: region must be a non-empty string`);

  const deployment: DeploymentEvent = {
    kind: 'codedeploy.deployment',
    via: 'eventbridge',
    region,
    account,
    time: toIsoTime(event.time),
    eventId: event.id,
    application,
    deploymentGroup: detail.deploymentGroup ?? deploymentGroupFromResources(event.resources),
    deploymentId: detail.deploymentId,
    status: toDeploymentStatus(detail.state),
    rawStatus: detail.state,
  };
  return parsed(compact(deployment));
}

/**
 * A "CodeDeploy Instance State-change Notification" → an instance event (EventBridge sends no
 * lifecycle events).
 *
 * @example
 * parseCodeDeployInstanceEvent(event, {});
 * // { ok: true, event: { kind: 'codedeploy.instance', via: 'eventbridge', instanceId: 'i-0123…', status: 'failed', ... } }
 */
export function parseCodeDeployInstanceEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const result = instanceDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${INSTANCE_STATE_CHANGE}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;

  const { region, account } = originOf(event, detail.region, delivery);
  if (region === undefined) return failed(`${INSTANCE_STATE_CHANGE}: region must be a non-empty string`);

  const instance: DeploymentInstanceEvent = {
    kind: 'codedeploy.instance',
    via: 'eventbridge',
    region,
    account,
    time: toIsoTime(event.time),
    eventId: event.id,
    deploymentId: detail.deploymentId,
    application: detail.application ?? applicationFromResources(event.resources),
    deploymentGroup: detail.deploymentGroup ?? deploymentGroupFromResources(event.resources),
    instanceId: detail.instanceId,
    status: toDeploymentStatus(detail.state),
    rawStatus: detail.state,
    lifecycleEvents: [],
  };
  return parsed(compact(instance));
}

function originOf(event: EventBridgeEvent, detailRegion: string | undefined, delivery: Delivery) {
  return resolveOrigin({
    regions: [event.region, detailRegion],
    accounts: [event.account],
    arns: event.resources,
    delivery,
  });
}

function applicationFromResources(resources: readonly string[]): string | undefined {
  return resourceNameFromArns(resources, 'codedeploy', 'application:');
}

/** `deploymentgroup:<application>/<group>` */
function deploymentGroupFromResources(resources: readonly string[]): string | undefined {
  const name = resourceNameFromArns(resources, 'codedeploy', 'deploymentgroup:');
  const slash = name?.indexOf('/') ?? -1;
  return name === undefined || slash < 0 ? name : name.slice(slash + 1) || undefined;
}
