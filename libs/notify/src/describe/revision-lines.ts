import { code, link, strong, text, type Inline, type Line, type SourceRevision } from '@herald/model';
import { webUrl } from './console-links.ts';
import { textLines } from './text-lines.ts';
import { shortCommitId } from './wording.ts';

/** The revision id, linked to its commit page when there is one. */
export function revisionIdInline(revisionId: string, url: string | undefined): Inline {
  const safe = webUrl(url);
  return safe ? link(shortCommitId(revisionId), safe) : code(shortCommitId(revisionId));
}

/**
 * A source revision as lines: the linked short commit id with the commit title, the rest of the message,
 * then where it comes from (branch, repository, source action).
 *
 * @example
 * revisionLines({ revisionId: 'f7ec852…', title: 'Fix login', branch: 'main', repository: 'app' });
 * // [[link('f7ec852', …), text(' '), strong('Fix login')], [text('Branch '), code('main'), text(' of app')]]
 */
export function revisionLines(revision: SourceRevision): Line[] {
  const lines: Line[] = [];
  const headline: Line = [];
  if (revision.revisionId) headline.push(revisionIdInline(revision.revisionId, revision.url));
  else if (webUrl(revision.url)) headline.push(link('revision', revision.url ?? ''));
  if (revision.title) headline.push(...(headline.length > 0 ? [text(' ')] : []), strong(revision.title));
  if (headline.length > 0) lines.push(headline);
  lines.push(...textLines(revision.body));
  const origin = originLine(revision);
  if (origin) lines.push(origin);
  return lines;
}

function originLine(revision: SourceRevision): Line | undefined {
  const line: Line = [];
  if (revision.branch) line.push(text('Branch '), code(revision.branch));
  if (revision.repository) line.push(text(line.length > 0 ? ' of ' : 'Repository '), text(revision.repository));
  const from = [revision.action ? `source action ${revision.action}` : undefined, revision.provider].filter(Boolean);
  if (from.length > 0) line.push(text(`${line.length > 0 ? ' · ' : 'From '}${from.join(', ')}`));
  return line.length > 0 ? line : undefined;
}
