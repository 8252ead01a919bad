import { link, text, type CommentEvent, type Inline, type Notification } from '@herald/model';
import { contextLine } from './context-line.ts';
import { commitUrl, pullRequestActivityUrl, repositoryUrl } from './console-links.ts';
import { revisionIdInline } from './revision-lines.ts';
import { statusColors } from './status-style.ts';
import { textLines } from './text-lines.ts';
import { actorLabel, shortCommitId } from './wording.ts';

/** What the comment is on, in words and as a link. */
function subjectOf(event: CommentEvent): { words: string; url: string; inline: Inline } {
  if (event.on === 'pull-request' && event.pullRequestId) {
    const url = pullRequestActivityUrl(event.region, event.repository, event.pullRequestId);
    return { words: `pull request #${event.pullRequestId}`, url, inline: link(`#${event.pullRequestId}`, url) };
  }
  if (event.commitId) {
    const url = commitUrl(event.region, event.repository, event.commitId);
    return { words: `commit ${shortCommitId(event.commitId)}`, url, inline: revisionIdInline(event.commitId, url) };
  }
  const url = repositoryUrl(event.region, event.repository);
  const words = event.on === 'pull-request' ? 'a pull request' : 'a commit';
  return { words, url, inline: text(words) };
}

/**
 * Describes a comment on a CodeCommit pull request or commit: who commented on what, and AWS's own
 * sentence about it, shown as plain text.
 *
 * @example
 * describeComment(event).title; // '[MyDemoRepo] Saanvi_Sarkar commented on pull request #201'
 */
export function describeComment(event: CommentEvent): Notification {
  const subject = subjectOf(event);
  const title = `[${event.repository}] ${event.actor?.name ?? 'Someone'} commented on ${subject.words}`;

  const fields: Notification['fields'] = [
    { label: 'Repository', value: [link(event.repository, repositoryUrl(event.region, event.repository))], short: true },
    { label: event.on === 'pull-request' ? 'Pull request' : 'Commit', value: [subject.inline], short: true },
  ];
  const by = actorLabel(event.actor);
  if (by) fields.push({ label: 'By', value: [text(by)], short: true });

  const body = textLines(event.notificationBody, 10, 1500);
  return {
    eventKind: event.kind,
    status: 'info',
    color: statusColors.info,
    title,
    url: subject.url,
    fallbackText: title,
    fields,
    sections: body.length > 0 ? [{ lines: body, lists: [] }] : [],
    notices: [],
    context: contextLine(event.region, event.time),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
