import type { DeploymentStatus } from '@herald/model';
import { lookup } from '../shared/values.ts';

/**
 * Every spelling CodeDeploy uses, folded to upper case without separators: triggers send `CREATED`,
 * `IN_PROGRESS`, `SUCCEEDED`… (the docs show `Failed`, instances `InProgress`), EventBridge sends
 * `START`, `SUCCESS`, `FAILURE`, `STOP`, `READY`.
 */
const STATUS_BY_FOLDED_NAME: Readonly<Record<string, DeploymentStatus>> = {
  CREATED: 'created',
  START: 'started',
  STARTED: 'started',
  INPROGRESS: 'started',
  SUCCESS: 'succeeded',
  SUCCEEDED: 'succeeded',
  FAILURE: 'failed',
  FAILED: 'failed',
  STOP: 'stopped',
  STOPPED: 'stopped',
  READY: 'ready',
};

/**
 * A deployment or instance status as CodeDeploy wrote it → {@link DeploymentStatus}; statuses with no
 * counterpart (`Pending`, `Skipped`, `Baking`…) are `unknown`.
 *
 * @example
 * toDeploymentStatus('IN_PROGRESS'); // 'started'
 * toDeploymentStatus('FAILURE');     // 'failed'
 */
export function toDeploymentStatus(rawStatus: string): DeploymentStatus {
  const folded = rawStatus.toUpperCase().replace(/[^A-Z]/g, '');
  return lookup(STATUS_BY_FOLDED_NAME, folded) ?? 'unknown';
}
