import { code, link, text, type Line, type Notification, type PullRequestEvent } from '@herald/model';
import { contextLine } from './context-line.ts';
import { commitUrl, pullRequestUrl, repositoryUrl } from './console-links.ts';
import { revisionIdInline } from './revision-lines.ts';
import { statusColors } from './status-style.ts';
import { textLines } from './text-lines.ts';
import { actorLabel, readableWords } from './wording.ts';

type PullRequestChange = 'created' | 'source-updated' | 'merged' | 'closed' | 'reopened' | 'approval' | 'other';

/** What happened to the pull request, from the event name and its merge and open/closed state. */
function pullRequestChange(event: PullRequestEvent): PullRequestChange {
  if (event.event === 'pullRequestCreated') return 'created';
  if (event.event === 'pullRequestSourceBranchUpdated') return 'source-updated';
  if (event.merged && (event.event === 'pullRequestMergeStatusUpdated' || event.event === 'pullRequestStatusChanged')) return 'merged';
  if (event.event === 'pullRequestStatusChanged') return event.status === 'open' ? 'reopened' : 'closed';
  if (/approval/i.test(event.event)) return 'approval';
  return 'other';
}

const changeWording: Record<PullRequestChange, { verb: string; status: Notification['status'] }> = {
  created: { verb: 'created', status: 'info' },
  'source-updated': { verb: 'updated the source branch of', status: 'info' },
  merged: { verb: 'merged', status: 'success' },
  closed: { verb: 'closed', status: 'warning' },
  reopened: { verb: 'reopened', status: 'info' },
  approval: { verb: 'changed the approval state of', status: 'info' },
  other: { verb: 'updated', status: 'info' },
};

const BRANCH_PREFIX = 'refs/heads/';
const branchName = (reference: string) => (reference.startsWith(BRANCH_PREFIX) ? reference.slice(BRANCH_PREFIX.length) : reference);

function branchesLine(event: PullRequestEvent): Line | undefined {
  const { sourceReference, destinationReference } = event;
  if (!sourceReference && !destinationReference) return undefined;
  const line: Line = [];
  if (sourceReference) line.push(code(branchName(sourceReference)));
  line.push(text(sourceReference && destinationReference ? ' → ' : destinationReference ? 'into ' : ''));
  if (destinationReference) line.push(code(branchName(destinationReference)));
  return line.filter((inline) => inline.text !== '');
}

/**
 * Describes a CodeCommit pull request event: who did what (created, updated the source branch, merged,
 * closed, reopened) to which pull request of which repository, its branches and its description.
 *
 * @example
 * describePullRequest(event).title; // '[MyDemoRepo] Mary_Major created pull request #1: My Example Pull Request'
 */
export function describePullRequest(event: PullRequestEvent): Notification {
  const change = pullRequestChange(event);
  const { verb, status } = changeWording[change];
  const who = event.actor?.name ?? 'Someone';
  const titleSuffix = event.title ? `: ${event.title}` : '';
  const what = change === 'other' ? `updated pull request #${event.pullRequestId} (${readableWords(event.event)})` : `${verb} pull request #${event.pullRequestId}`;
  const title = `[${event.repository}] ${who} ${what}${titleSuffix}`;
  const url = pullRequestUrl(event.region, event.repository, event.pullRequestId);

  const fields: Notification['fields'] = [
    { label: 'Repository', value: [link(event.repository, repositoryUrl(event.region, event.repository))], short: true },
    { label: 'Pull request', value: [link(`#${event.pullRequestId}`, url)], short: true },
  ];
  const branches = branchesLine(event);
  if (branches) fields.push({ label: 'Branches', value: branches, short: true });
  const by = actorLabel(event.actor);
  if (by) fields.push({ label: 'By', value: [text(by)], short: true });
  if (event.sourceCommit) {
    const sourceCommit = revisionIdInline(event.sourceCommit, commitUrl(event.region, event.repository, event.sourceCommit));
    fields.push({ label: 'Source commit', value: [sourceCommit], short: true });
  }

  const description = textLines(event.description);
  return {
    eventKind: event.kind,
    status,
    color: statusColors[status],
    title,
    url,
    fallbackText: title,
    fields,
    sections: description.length > 0 ? [{ heading: [text('Description')], lines: description, lists: [] }] : [],
    notices: [],
    context: contextLine(event.region, event.time),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
