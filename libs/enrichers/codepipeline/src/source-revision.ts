import type { SourceRevision } from '@herald/model';
import { revisionOrigin } from './revision-url.ts';

/** A revision as CodePipeline reports one (`ArtifactRevision`, a source action's state). */
export interface RevisionFacts {
  /** The artifact or action that carries it. */
  name?: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

/**
 * The commit message in a revision summary. CodeCommit and GitHub give the message itself; CodeStar
 * connections give a JSON string `{"ProviderType":"GitHub","CommitMessage":"…"}`.
 *
 * @example
 * ```ts
 * decodeRevisionSummary('{"ProviderType":"Bitbucket","CommitMessage":"Fix the build"}');
 * // { message: 'Fix the build', provider: 'Bitbucket' }
 * ```
 */
export function decodeRevisionSummary(summary: string): { message: string; provider?: string } {
  if (summary.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(summary);
      if (typeof parsed === 'object' && parsed !== null && ('CommitMessage' in parsed || 'ProviderType' in parsed)) {
        const { CommitMessage: message, ProviderType: provider } = parsed as Record<string, unknown>;
        return {
          message: typeof message === 'string' ? message : '',
          ...(typeof provider === 'string' && provider !== '' ? { provider } : {}),
        };
      }
    } catch {
      // A message that merely starts with a brace.
    }
  }
  return { message: summary };
}

/**
 * Splits a commit message into its first line and the rest; the rest keeps at most `maxLines` lines, then "…".
 *
 * @example
 * ```ts
 * splitCommitMessage('Fix the build\n\nThe cache key missed the lock file.\n', 10);
 * // { title: 'Fix the build', body: 'The cache key missed the lock file.' }
 * ```
 */
export function splitCommitMessage(message: string, maxLines: number): { title: string; body: string } {
  const text = message.replace(/\r\n?/g, '\n').trim();
  const newline = text.indexOf('\n');
  if (newline < 0) return { title: text, body: '' };
  const lines = text.slice(newline + 1).trim().split('\n');
  const kept = lines.slice(0, maxLines).join('\n').trimEnd();
  return { title: text.slice(0, newline).trimEnd(), body: lines.length > maxLines ? `${kept}\n…` : kept };
}

/**
 * A `SourceRevision` from what CodePipeline reports: the commit message split (connection summaries
 * decoded), the link checked, and the provider and repository read from the link.
 *
 * @example
 * ```ts
 * toSourceRevision({ name: 'SourceArtifact', revisionId: '8cf40f2…', revisionSummary: 'Added LICENSE.txt' }, 10);
 * // { action: 'SourceArtifact', revisionId: '8cf40f2…', title: 'Added LICENSE.txt' }
 * ```
 */
export function toSourceRevision(facts: RevisionFacts, bodyMaxLines: number): SourceRevision {
  const decoded = facts.revisionSummary === undefined ? undefined : decodeRevisionSummary(facts.revisionSummary);
  const message = decoded ? splitCommitMessage(decoded.message, bodyMaxLines) : undefined;
  const origin = revisionOrigin(facts.revisionUrl);
  const provider = decoded?.provider ?? origin.provider;
  return {
    ...(facts.name ? { action: facts.name } : {}),
    ...(facts.revisionId ? { revisionId: facts.revisionId } : {}),
    ...(message?.title ? { title: message.title } : {}),
    ...(message?.body && bodyMaxLines > 0 ? { body: message.body } : {}),
    ...(origin.url ? { url: origin.url } : {}),
    ...(origin.repository ? { repository: origin.repository } : {}),
    ...(provider ? { provider } : {}),
  };
}
