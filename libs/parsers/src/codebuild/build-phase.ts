import type { BuildEvent } from '@herald/model';
import { arrayFrom, objectFrom, textField } from '../shared/loose-fields.ts';
import { compact } from '../shared/values.ts';

type BuildPhase = NonNullable<BuildEvent['phase']>;

/** Phase statuses that end a build unsuccessfully. */
const FAILED_PHASE_STATUSES = new Set(['FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED', 'CLIENT_ERROR']);

/**
 * Why a phase ended as it did, from its context: `completed-phase-context` is text such as
 * `"[COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1]"` (`"[]"` or
 * `"[: ]"` when there is nothing to say), `phase-context` an array of such messages.
 *
 * @example
 * phaseReason('[COMMAND_EXECUTION_ERROR: exit status 1]'); // 'COMMAND_EXECUTION_ERROR: exit status 1'
 * phaseReason('[: ]');                                     // undefined
 */
export function phaseReason(context: unknown): string | undefined {
  const messages = arrayFrom(context) ?? (typeof context === 'string' ? [context.trim().replace(/^\[([\s\S]*)\]$/, '$1')] : []);
  const meaningful = messages.filter(
    (message): message is string => typeof message === 'string' && !/^[\s:]*$/.test(message),
  );
  return meaningful.length === 0 ? undefined : meaningful.join('; ');
}

/** The first phase of `additional-information.phases` that ended the build unsuccessfully, if any. */
export function failedPhase(phases: readonly unknown[]): BuildPhase | undefined {
  for (const entry of phases) {
    const phase = objectFrom(entry);
    const name = phase === undefined ? undefined : textField(phase, 'phase-type');
    const status = phase === undefined ? undefined : textField(phase, 'phase-status');
    if (phase === undefined || name === undefined || status === undefined) continue;
    if (!FAILED_PHASE_STATUSES.has(status.trim().toUpperCase())) continue;
    return compact({ name, status, reason: phaseReason(phase['phase-context']) });
  }
  return undefined;
}
