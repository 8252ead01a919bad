import type { EventSourceRevision, PipelineExecutionEvent } from '@herald/model';
import * as z from 'zod/mini';
import { objectFrom, textField } from '../shared/loose-fields.ts';
import { optionalText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';

/** `execution-result` of an action event; what cannot be read is left out. */
export const executionResultSchema = z.catch(
  z.optional(
    z.object({
      'external-execution-url': optionalText,
      'external-execution-summary': optionalText,
      'external-execution-id': optionalText,
      'error-code': optionalText,
    }),
  ),
  undefined,
);

type ExecutionResult = z.infer<typeof executionResultSchema>;

export interface ActionOutcome {
  result?: PipelineExecutionEvent['result'];
  /** Set when the result is a source action's revision. */
  sourceRevision?: EventSourceRevision;
}

/**
 * An action's `execution-result` → `result`, and the revision when the action fetched source: a source
 * action that succeeded, or any result whose summary is a CodeStar connections JSON text such as
 * `{"ProviderType":"GitHub","CommitMessage":"…"}` (its commit message becomes the summary).
 *
 * @example
 * readActionOutcome({ 'external-execution-id': 'f7ec852', 'external-execution-summary': '{"CommitMessage":"Fix"}' }, 'Source', false);
 * // { result: { summary: 'Fix', externalId: 'f7ec852' }, sourceRevision: { action: 'Source', revisionId: 'f7ec852', summary: 'Fix' } }
 */
export function readActionOutcome(
  executionResult: ExecutionResult,
  action: string | undefined,
  isSucceededSourceAction: boolean,
): ActionOutcome {
  if (executionResult === undefined) return {};
  const rawSummary = executionResult['external-execution-summary'];
  const commitMessage = commitMessageOf(rawSummary);
  const result = compact({
    summary: commitMessage ?? rawSummary,
    url: executionResult['external-execution-url'],
    externalId: executionResult['external-execution-id'],
    errorCode: executionResult['error-code'],
  });
  if (Object.keys(result).length === 0) return {};
  if (!isSucceededSourceAction && commitMessage === undefined) return { result };
  const sourceRevision = compact({ action, revisionId: result.externalId, summary: result.summary, url: result.url });
  return { result, sourceRevision };
}

/** The commit message of a summary that is JSON text of an object with a `CommitMessage`. */
function commitMessageOf(summary: string | undefined): string | undefined {
  if (summary === undefined || !summary.trimStart().startsWith('{')) return undefined;
  const record = objectFrom(summary);
  return record === undefined ? undefined : textField(record, 'CommitMessage');
}
