import type { BuildEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import type { EventBridgeEvent } from '../envelopes/eventbridge.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { parseArn } from '../shared/arn.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { optionalText } from '../shared/loose-schemas.ts';
import { compact, compactOrUndefined } from '../shared/values.ts';
import { reasonAtPath } from '../shared/zod-reason.ts';
import { failedPhase, phaseReason } from './build-phase.ts';
import { toBuildStatus } from './build-status.ts';

/** The `detail-type` of a build's state changes (`build-status`). */
export const BUILD_STATE_CHANGE = 'CodeBuild Build State Change';
/** The `detail-type` of a build's phase changes (`completed-phase`, `completed-phase-status`). */
export const BUILD_PHASE_CHANGE = 'CodeBuild Build Phase Change';

/** `build/<project>:<build uuid>` */
const BUILD_RESOURCE = /^build\/(.+):[^:]+$/;

/** A CloudWatch Logs link that names no log group leads nowhere (notification rules send these early on). */
const DEAD_LOG_LINK = /[#;]logEvent:group=null(?:;|$)/;

const additionalInformationSchema = z.catch(
  z.optional(
    z.object({
      initiator: optionalText,
      'source-version': optionalText,
      logs: z.catch(z.optional(z.object({ 'deep-link': optionalText })), undefined),
      phases: z.catch(z.optional(z.array(z.unknown())), undefined),
    }),
  ),
  undefined,
);

const buildDetailSchema = z.object(
  {
    'build-status': optionalText,
    'project-name': optionalText,
    'build-id': optionalText,
    'completed-phase': optionalText,
    'completed-phase-status': optionalText,
    'completed-phase-context': z.optional(z.unknown()),
    'additional-information': additionalInformationSchema,
  },
  { error: 'must be an object' },
);

type BuildDetail = z.infer<typeof buildDetailSchema>;

/**
 * A "CodeBuild Build State Change" or "CodeBuild Build Phase Change" (EventBridge or notification rule)
 * → a build event. For a phase change, `status` is the completed phase's status. The build id stays the
 * full ARN AWS sent.
 *
 * @example
 * parseCodeBuildEvent(event, {});
 * // { ok: true, event: { kind: 'codebuild.build', project: 'my-sample-project', status: 'succeeded', ... } }
 */
export function parseCodeBuildEvent(event: EventBridgeEvent, delivery: Delivery): ParseOutcome {
  const subject = event.detailType;
  const result = buildDetailSchema.safeParse(event.detail);
  if (!result.success) return failed(`${subject}: ${reasonAtPath('detail', result.error)}`);
  const detail = result.data;
  const isPhaseChange = subject === BUILD_PHASE_CHANGE;

  const buildId = detail['build-id'] ?? event.resources.find((resource) => projectOfBuildArn(resource) !== undefined);
  if (buildId === undefined) return failed(`${subject}: detail.build-id must be a non-empty string`);
  const project = detail['project-name'] ?? projectOfBuildArn(buildId);
  if (project === undefined) return failed(`${subject}: detail.project-name must be a non-empty string`);
  const rawStatus = detail['build-status'] ?? (isPhaseChange ? detail['completed-phase-status'] : undefined);
  if (rawStatus === undefined) {
    const field = isPhaseChange ? 'completed-phase-status' : 'build-status';
    return failed(`${subject}: detail.${field} must be a non-empty string`);
  }
  const { region, account } = resolveOrigin({
    regions: [event.region],
    accounts: [event.account],
    arns: [buildId, ...event.resources],
    delivery,
  });
  if (region === undefined) return failed(`${subject}: region must be a non-empty string`);

  const information = detail['additional-information'];
  const logUrl = information?.logs?.['deep-link'];
  const build: BuildEvent = {
    kind: 'codebuild.build',
    via: event.via,
    region,
    account,
    time: toIsoTime(event.time),
    eventId: event.id,
    project,
    buildId,
    status: toBuildStatus(rawStatus),
    rawStatus,
    phase: isPhaseChange ? completedPhase(detail) : failedPhase(information?.phases ?? []),
    logUrl: logUrl === undefined || DEAD_LOG_LINK.test(logUrl) ? undefined : logUrl,
    initiator: information?.initiator,
    sourceVersion: information?.['source-version'],
  };
  return parsed(compact(build));
}

function completedPhase(detail: BuildDetail): BuildEvent['phase'] {
  const name = detail['completed-phase'];
  if (name === undefined) return undefined;
  return compactOrUndefined({
    name,
    status: detail['completed-phase-status'],
    reason: phaseReason(detail['completed-phase-context']),
  });
}

function projectOfBuildArn(value: string): string | undefined {
  const arn = parseArn(value);
  if (arn?.service !== 'codebuild') return undefined;
  return BUILD_RESOURCE.exec(arn.resource)?.[1];
}
