import type { DeploymentStatus, NotificationStatus } from '@herald/model';
import { runMarks } from './status-style.ts';
import { readableWords } from './wording.ts';

/** How a deployment (or instance) status reads in a title. */
export interface DeploymentStatusWording {
  status: NotificationStatus;
  mark: string;
  /** Completes "Deployment d-1 …", e.g. `succeeded`. */
  verb: string;
}

const wordings: Record<Exclude<DeploymentStatus, 'unknown'>, DeploymentStatusWording> = {
  created: { status: 'info', mark: runMarks.running, verb: 'created' },
  started: { status: 'info', mark: runMarks.running, verb: 'started' },
  succeeded: { status: 'success', mark: runMarks.succeeded, verb: 'succeeded' },
  failed: { status: 'failure', mark: runMarks.failed, verb: 'failed' },
  stopped: { status: 'warning', mark: runMarks.stopped, verb: 'stopped' },
  ready: { status: 'info', mark: runMarks.waiting, verb: 'is ready for traffic' },
};

/**
 * The status, title mark and verb of a CodeDeploy status; an unknown status keeps AWS's own word.
 *
 * @example
 * deploymentStatusWording('failed', 'FAILED'); // { status: 'failure', mark: '❌', verb: 'failed' }
 */
export function deploymentStatusWording(status: DeploymentStatus, rawStatus: string): DeploymentStatusWording {
  if (status !== 'unknown') return wordings[status];
  const word = readableWords(rawStatus);
  return { status: 'info', mark: runMarks.other, verb: word ? `is ${word}` : 'changed state' };
}

/** `application / group`, or the application alone. */
export function applicationAndGroup(application: string | undefined, group: string | undefined): string | undefined {
  if (application && group) return `${application} / ${group}`;
  return application ?? (group ? `group ${group}` : undefined);
}
