import type { BuildStatus } from '@herald/model';
import { lookup } from '../shared/values.ts';

const STATUS_BY_NAME: Readonly<Record<string, BuildStatus>> = {
  IN_PROGRESS: 'in-progress',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  STOPPED: 'stopped',
  TIMED_OUT: 'timed-out',
  FAULT: 'fault',
};

/**
 * A CodeBuild build or phase status (any case, `-` or `_`) → {@link BuildStatus}.
 *
 * @example
 * toBuildStatus('TIMED_OUT'); // 'timed-out'
 * toBuildStatus('QUEUED');    // 'unknown'
 */
export function toBuildStatus(rawStatus: string): BuildStatus {
  return lookup(STATUS_BY_NAME, rawStatus.trim().toUpperCase().replace(/[-\s]/g, '_')) ?? 'unknown';
}
