import {
  code,
  link,
  text,
  type DeploymentEnrichment,
  type DeploymentEvent,
  type DeploymentOverview,
  type Line,
  type Notification,
  type NotificationSection,
} from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';
import { contextLine } from './context-line.ts';
import { deploymentUrl, pipelineExecutionUrl, pipelineUrl } from './console-links.ts';
import { applicationAndGroup, deploymentStatusWording } from './deployment-status.ts';
import { revisionLines } from './revision-lines.ts';
import { siteLink } from './site-link.ts';
import { statusColors } from './status-style.ts';
import { textLines } from './text-lines.ts';
import { couldNotFetch, readableDuration, shortExecutionId } from './wording.ts';

type DeployedRevision = NonNullable<DeploymentEnrichment['revision']>;

const isRollback = (event: DeploymentEvent) => Boolean(event.rollback?.triggeringDeploymentId);

function titleOf(event: DeploymentEvent): string {
  const { mark, verb } = deploymentStatusWording(event.status, event.rawStatus);
  const where = applicationAndGroup(event.application, event.deploymentGroup);
  const noun = isRollback(event) ? 'Rollback deployment' : 'Deployment';
  return `${mark} ${noun} ${event.deploymentId} ${verb}${where ? ` — ${where}` : ''}`;
}

/** A rollback that is still under way means something went wrong, whatever its own state says. */
function statusOf(event: DeploymentEvent): Notification['status'] {
  const { status } = deploymentStatusWording(event.status, event.rawStatus);
  return isRollback(event) && (event.status === 'created' || event.status === 'started') ? 'warning' : status;
}

function instancesText(overview: DeploymentOverview): string {
  const { succeeded, failed, skipped, inProgress, pending } = overview;
  return `${succeeded} succeeded, ${failed} failed, ${skipped} skipped, ${inProgress} in progress, ${pending} pending`;
}

function errorSection(error: NonNullable<DeploymentEvent['error']>): NotificationSection | undefined {
  if (!error.code && !error.message) return undefined;
  const heading: Line = error.code ? [text('Error '), code(error.code)] : [text('Error')];
  return { heading, lines: textLines(error.message), lists: [] };
}

function rollbackSection(event: DeploymentEvent): NotificationSection | undefined {
  const rollback = event.rollback;
  if (!rollback) return undefined;
  const deploymentLink = (id: string) => link(id, deploymentUrl(event.region, id));
  const lines: Line[] = [];
  if (rollback.triggeringDeploymentId) {
    lines.push([text('This deployment rolls back deployment '), deploymentLink(rollback.triggeringDeploymentId), text('.')]);
  }
  if (rollback.rollbackDeploymentId) {
    lines.push([text('This deployment was rolled back by deployment '), deploymentLink(rollback.rollbackDeploymentId), text('.')]);
  }
  lines.push(...textLines(rollback.message));
  return lines.length > 0 ? { heading: [text('Rollback')], lines, lists: [] } : undefined;
}

function revisionSection(event: DeploymentEvent, revision: DeployedRevision): NotificationSection {
  const lines: Line[] = [];
  if (revision.isCurrent) {
    const pipeline = revision.pipeline ? `pipeline ${revision.pipeline}` : 'the pipeline';
    lines.push([text(`This is the current source revision of ${pipeline}, not necessarily the one this deployment installed.`)]);
  }
  lines.push(...revisionLines(revision));
  if (revision.pipeline) {
    const from: Line = [text('From pipeline '), link(revision.pipeline, pipelineUrl(event.region, revision.pipeline))];
    if (revision.executionId) {
      const run = pipelineExecutionUrl(event.region, revision.pipeline, revision.executionId);
      from.push(text(', run '), link(shortExecutionId(revision.executionId), run));
    }
    lines.push(from);
  }
  return { heading: [text(revision.isCurrent ? "Pipeline's current revision" : 'Deployed revision')], lines, lists: [] };
}

/**
 * Describes a CodeDeploy deployment: its state with a clear mark, the application and group, how long it
 * took, its instances, the error and rollback, the revision it deployed and the group's site.
 *
 * @example
 * describeDeployment(event, enrichment, config).title;
 * // '❌ Deployment d-MainDeployment failed — temporary-status / temporary-status-deployment'
 */
export function describeDeployment(
  event: DeploymentEvent,
  enrichment: DeploymentEnrichment | undefined,
  config: HeraldConfig,
): Notification {
  const title = titleOf(event);
  const status = statusOf(event);
  const url = deploymentUrl(event.region, event.deploymentId);

  const fields: Notification['fields'] = [{ label: 'Application', value: [text(event.application)], short: true }];
  if (event.deploymentGroup) fields.push({ label: 'Deployment group', value: [text(event.deploymentGroup)], short: true });
  fields.push({ label: 'Deployment', value: [link(event.deploymentId, url)], short: true });
  const duration = readableDuration(event.createTime, event.completeTime);
  if (duration) fields.push({ label: 'Duration', value: [text(duration)], short: true });
  if (event.overview) fields.push({ label: 'Instances', value: [text(instancesText(event.overview))], short: false });
  const site = siteLink(config, event.application, event.deploymentGroup);
  if (site) fields.push({ label: 'Site', value: [site], short: true });

  const sections = [
    event.error ? errorSection(event.error) : undefined,
    rollbackSection(event),
    enrichment?.revision ? revisionSection(event, enrichment.revision) : undefined,
  ].filter((section): section is NotificationSection => section !== undefined);

  const detail = event.error?.code ?? event.error?.message?.split('\n')[0];
  return {
    eventKind: event.kind,
    status,
    color: statusColors[status],
    title,
    url,
    fallbackText: detail ? `${title}: ${detail}` : title,
    fields,
    sections,
    notices: (enrichment?.missing ?? []).map(couldNotFetch),
    context: contextLine(event.region, event.time, event.triggerName ? `trigger ${event.triggerName}` : undefined),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
