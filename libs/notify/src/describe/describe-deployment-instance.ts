import { code, link, text, type DeploymentInstanceEvent, type Line, type Notification, type NotificationSection } from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';
import { contextLine } from './context-line.ts';
import { deploymentUrl } from './console-links.ts';
import { applicationAndGroup, deploymentStatusWording } from './deployment-status.ts';
import { siteLink } from './site-link.ts';
import { statusColors } from './status-style.ts';
import { readableDuration, readableWords } from './wording.ts';

type LifecycleEvent = DeploymentInstanceEvent['lifecycleEvents'][number];

/** `i-496589f7` of `arn:aws:ec2:us-east-2:444455556666:instance/i-496589f7`; other ids as sent. */
function shortInstanceId(instanceId: string): string {
  return instanceId.startsWith('arn:') ? (instanceId.split('/').at(-1) ?? instanceId) : instanceId;
}

const hasFailed = (lifecycle: LifecycleEvent) => /fail/i.test(lifecycle.status);

function lifecycleItem(lifecycle: LifecycleEvent): Line {
  const took = readableDuration(lifecycle.startTime, lifecycle.endTime);
  return [code(lifecycle.name), text(` ${readableWords(lifecycle.status)}${took ? ` (${took})` : ''}`)];
}

function lifecycleSection(event: DeploymentInstanceEvent): NotificationSection | undefined {
  if (event.lifecycleEvents.length === 0) return undefined;
  const failed = event.lifecycleEvents.find(hasFailed);
  return {
    heading: [text('Lifecycle events')],
    lines: failed ? [[text('Failed at lifecycle event '), code(failed.name), text('.')]] : [],
    lists: [{ items: event.lifecycleEvents.map(lifecycleItem), omitted: 0, noun: 'lifecycle events' }],
  };
}

/**
 * Describes one instance of a CodeDeploy deployment: its state, the deployment it belongs to and the
 * lifecycle events it went through, naming the one that failed.
 *
 * @example
 * describeDeploymentInstance(event, config).title; // '❌ Instance i-496589f7 failed — deployment d-75I7MBT7C'
 */
export function describeDeploymentInstance(event: DeploymentInstanceEvent, config: HeraldConfig): Notification {
  const { status, mark, verb } = deploymentStatusWording(event.status, event.rawStatus);
  const instance = shortInstanceId(event.instanceId);
  const where = applicationAndGroup(event.application, event.deploymentGroup);
  const title = `${mark} Instance ${instance} ${verb} — deployment ${event.deploymentId}${where ? ` (${where})` : ''}`;
  const url = deploymentUrl(event.region, event.deploymentId);

  const fields: Notification['fields'] = [
    { label: 'Instance', value: [code(event.instanceId)], short: false },
    { label: 'Deployment', value: [link(event.deploymentId, url)], short: true },
  ];
  if (event.application) fields.push({ label: 'Application', value: [text(event.application)], short: true });
  if (event.deploymentGroup) fields.push({ label: 'Deployment group', value: [text(event.deploymentGroup)], short: true });
  const first = event.lifecycleEvents[0];
  const last = event.lifecycleEvents.at(-1);
  const duration = readableDuration(first?.startTime, last?.endTime);
  if (duration) fields.push({ label: 'Duration', value: [text(duration)], short: true });
  const site = siteLink(config, event.application, event.deploymentGroup);
  if (site) fields.push({ label: 'Site', value: [site], short: true });

  const lifecycle = lifecycleSection(event);
  const failed = event.lifecycleEvents.find(hasFailed);
  return {
    eventKind: event.kind,
    status,
    color: statusColors[status],
    title,
    url,
    fallbackText: failed ? `${title}: ${failed.name} failed` : title,
    fields,
    sections: lifecycle ? [lifecycle] : [],
    notices: [],
    context: contextLine(event.region, event.time),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
