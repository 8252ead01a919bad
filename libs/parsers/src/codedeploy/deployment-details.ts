import type { DeploymentEvent, DeploymentOverview } from '@herald/model';
import * as z from 'zod/mini';
import { countField, objectFrom, textField } from '../shared/loose-fields.ts';
import { compactOrUndefined } from '../shared/values.ts';

/**
 * The parts of a CodeDeploy trigger message that AWS encodes two ways: real messages send
 * `deploymentOverview`, `errorInformation` and `rollbackInformation` as JSON text inside the JSON
 * (`"{}"` when empty), the documentation shows objects with counts as strings. Both are read; anything
 * else, or an empty object, means "not known" rather than a failure.
 */

const OVERVIEW_KEYS = ['Succeeded', 'Failed', 'Skipped', 'InProgress', 'Pending'] as const;

export const deploymentOverviewSchema = z.pipe(z.optional(z.unknown()), z.transform(toOverview));

export const errorInformationSchema = z.pipe(z.optional(z.unknown()), z.transform(toError));

export const rollbackInformationSchema = z.pipe(z.optional(z.unknown()), z.transform(toRollback));

function toOverview(value: unknown): DeploymentOverview | undefined {
  const record = objectFrom(value);
  if (record === undefined) return undefined;
  const [succeeded, failed, skipped, inProgress, pending] = OVERVIEW_KEYS.map((key) => countField(record, key));
  const counts = [succeeded, failed, skipped, inProgress, pending];
  if (counts.every((count) => count === undefined)) return undefined;
  // A count left out of an otherwise readable overview is an instance count of zero.
  return {
    succeeded: succeeded ?? 0,
    failed: failed ?? 0,
    skipped: skipped ?? 0,
    inProgress: inProgress ?? 0,
    pending: pending ?? 0,
  };
}

function toError(value: unknown): DeploymentEvent['error'] {
  const record = objectFrom(value);
  if (record === undefined) return undefined;
  return compactOrUndefined({ code: textField(record, 'ErrorCode'), message: textField(record, 'ErrorMessage') });
}

function toRollback(value: unknown): DeploymentEvent['rollback'] {
  const record = objectFrom(value);
  if (record === undefined) return undefined;
  return compactOrUndefined({
    message: textField(record, 'RollbackMessage'),
    triggeringDeploymentId: textField(record, 'RollbackTriggeringDeploymentId'),
    rollbackDeploymentId: textField(record, 'RollbackDeploymentId'),
  });
}
