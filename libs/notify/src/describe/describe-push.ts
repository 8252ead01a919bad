import {
  code,
  link,
  strong,
  text,
  type CodeCommitPushEvent,
  type CommitInfo,
  type FileChange,
  type Line,
  type NotificationList,
  type NotificationSection,
  type Notification,
  type PushEnrichment,
  type ReferenceEnrichment,
  type ReferenceUpdate,
} from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';
import { branchColor } from './branch-color.ts';
import { commitUrl, referenceUrl, repositoryUrl } from './console-links.ts';
import { plural, readableTime, shortCommitId, truncateText } from './wording.ts';

/** More references than this in one push are summarised as "…and N more references". */
const MAX_REFERENCE_SECTIONS = 25;
const BODY_MAX_LINES = 10;
const BODY_MAX_CHARS = 1200;

const kindWord = (reference: ReferenceUpdate) =>
  reference.kind === 'branch' ? 'branch' : reference.kind === 'tag' ? 'tag' : 'reference';

function actorName(event: CodeCommitPushEvent): string {
  return event.actor?.name ?? 'Someone';
}

function titleOf(event: CodeCommitPushEvent): string {
  const who = actorName(event);
  const [only] = event.references;
  let action: string;
  if (event.references.length !== 1 || !only) action = `pushed ${plural(event.references.length, 'reference')}`;
  else if (only.change === 'updated') action = `pushed to ${only.name}`;
  else action = `${only.change} ${kindWord(only)} ${only.name}`;
  return `${event.isTest ? 'Test trigger: ' : ''}[${event.repository}] ${who} ${action}`;
}

function commitLink(event: CodeCommitPushEvent, commitId: string) {
  return link(shortCommitId(commitId), commitUrl(event.region, event.repository, commitId));
}

function authorLine(commit: CommitInfo): Line | undefined {
  const author = commit.author?.name ?? commit.author?.email;
  if (!author) return undefined;
  const when = readableTime(commit.author?.date);
  const line: Line = [text(`Author: ${author}${when ? ` · ${when}` : ''}`)];
  const committer = commit.committer?.name;
  if (committer && committer !== author) line.push(text(` (committed by ${committer})`));
  return line;
}

const changeWord: Record<FileChange['change'], string> = { added: 'added', modified: 'modified', deleted: 'deleted' };

function fileItem(file: FileChange): Line {
  const renamed = file.oldPath && file.oldPath !== file.path;
  return renamed
    ? [code(file.oldPath ?? ''), text(' → '), code(file.path), text(` (${changeWord[file.change]})`)]
    : [code(file.path), text(` (${changeWord[file.change]})`)];
}

function filesSummary(enrichment: ReferenceEnrichment): Line | undefined {
  const files = enrichment.files;
  if (!files) return undefined;
  const total = `${files.total}${files.totalIsLowerBound ? '+' : ''}`;
  const parts = (['added', 'modified', 'deleted'] as const)
    .filter((kind) => files.counts[kind] > 0)
    .map((kind) => `${files.counts[kind]} ${kind}`);
  const against = files.comparedWith ? '' : ' (first commit)';
  const noun = files.total === 1 && !files.totalIsLowerBound ? 'file' : 'files';
  return [text(`${total} ${noun} changed${against}${parts.length ? `: ${parts.join(', ')}` : ''}`)];
}

function filesList(enrichment: ReferenceEnrichment, config: HeraldConfig): NotificationList | undefined {
  const files = enrichment.files;
  if (!files || files.total === 0) return undefined;
  const shown = files.files.slice(0, config.limits.filesListed);
  return {
    items: shown.map(fileItem),
    omitted: Math.max(0, files.total - shown.length),
    noun: 'files',
    omittedIsLowerBound: files.totalIsLowerBound,
  };
}

function commitLog(event: CodeCommitPushEvent, enrichment: ReferenceEnrichment, config: HeraldConfig): NotificationList | undefined {
  const log = enrichment.log;
  if (!log || log.commits.length === 0) return undefined;
  const shown = log.commits.slice(0, config.limits.commitsListed);
  const hidden = log.commits.length - shown.length;
  return {
    items: shown.map((commit) => {
      const author = commit.author?.name;
      return [commitLink(event, commit.commitId), text(` ${commit.title}${author ? ` — ${author}` : ''}`)];
    }),
    omitted: hidden + (log.truncated ? 1 : 0),
    noun: 'commits',
    omittedIsLowerBound: log.truncated,
  };
}

function referenceSection(
  event: CodeCommitPushEvent,
  reference: ReferenceUpdate,
  enrichment: ReferenceEnrichment | undefined,
  config: HeraldConfig,
): NotificationSection {
  const heading: Line = [
    text(`${kindWord(reference)} `),
    reference.change === 'deleted'
      ? strong(reference.name)
      : link(reference.name, referenceUrl(event.region, event.repository, reference.fullName)),
    text(` ${reference.change}`),
  ];
  const lines: Line[] = [];
  const lists: NotificationList[] = [];

  if (reference.change === 'deleted') {
    const was = reference.commitId ?? reference.oldCommitId;
    lines.push(was ? [text('It pointed to '), commitLink(event, was)] : [text('Deleted.')]);
    return { heading, lines, lists };
  }

  const commit = enrichment?.commit;
  if (commit) {
    lines.push([commitLink(event, commit.commitId), text(' '), strong(commit.title || '(no message)')]);
    if (commit.body) {
      for (const bodyLine of truncateText(commit.body, BODY_MAX_LINES, BODY_MAX_CHARS).split('\n')) lines.push([text(bodyLine)]);
    }
    const author = authorLine(commit);
    if (author) lines.push(author);
    if (commit.parents.length > 1) {
      lines.push([
        text(`Merge commit of ${commit.parents.length} parents: `),
        ...commit.parents.flatMap((parent, index) => [...(index ? [text(', ')] : []), commitLink(event, parent)]),
      ]);
    }
  } else if (reference.commitId) {
    lines.push([text('Now at '), commitLink(event, reference.commitId)]);
  }
  if (reference.merge?.sourceCommitId) {
    lines.push([
      text(`Merged ${reference.merge.mergeOption ? `(${reference.merge.mergeOption.toLowerCase().replaceAll('_', ' ')}) ` : ''}from `),
      commitLink(event, reference.merge.sourceCommitId),
    ]);
  }
  const log = enrichment ? commitLog(event, enrichment, config) : undefined;
  if (log) lists.push(log);
  const summary = enrichment ? filesSummary(enrichment) : undefined;
  if (summary) lines.push(summary);
  const files = enrichment ? filesList(enrichment, config) : undefined;
  if (files) lists.push(files);
  return { heading, lines, lists };
}

function headline(event: CodeCommitPushEvent, enrichment: PushEnrichment | undefined): string {
  const title = titleOf(event);
  const [first] = event.references;
  const commit = enrichment?.references[0]?.commit;
  if (event.references.length === 1 && first?.change !== 'deleted' && commit) {
    return `${title}: ${shortCommitId(commit.commitId)} ${commit.title}`;
  }
  return title;
}

/**
 * Describes a CodeCommit push: who pushed what to which references, each commit with its changed files.
 *
 * @example
 * const notification = describePush(event, enrichment, config);
 * notification.title; // '[test] shubham pushed to master'
 */
export function describePush(
  event: CodeCommitPushEvent,
  enrichment: PushEnrichment | undefined,
  config: HeraldConfig,
): Notification {
  const enrichmentFor = (reference: ReferenceUpdate, index: number) => {
    const candidate = enrichment?.references[index];
    return candidate?.fullName === reference.fullName
      ? candidate
      : enrichment?.references.find((entry) => entry.fullName === reference.fullName);
  };
  const shownReferences = event.references.slice(0, MAX_REFERENCE_SECTIONS);
  const sections = shownReferences.map((reference, index) =>
    referenceSection(event, reference, enrichmentFor(reference, index), config),
  );
  const hiddenReferences = event.references.length - shownReferences.length;

  const fields: Notification['fields'] = [
    { label: 'Repository', value: [link(event.repository, repositoryUrl(event.region, event.repository))], short: true },
  ];
  if (event.actor) {
    const role = event.actor.role ? ` (${event.actor.role})` : '';
    fields.push({ label: 'Pushed by', value: [text(`${event.actor.name}${role}`)], short: true });
  }
  if (event.customData) fields.push({ label: 'Trigger data', value: [text(event.customData)], short: false });

  const notices = (enrichment?.references ?? []).flatMap((entry) =>
    entry.missing.map((missing) => `${entry.fullName.replace(/^refs\/(heads|tags)\//, '')}: could not fetch ${missing}`),
  );

  const context: Line = [text(event.region)];
  const when = readableTime(event.time);
  if (when) context.push(text(` · ${when}`));
  if (event.part && event.part.total > 1) context.push(text(` · part ${event.part.number} of ${event.part.total}`));
  if (event.isTest) context.push(text(' · test event sent from the console'));

  return {
    eventKind: event.kind,
    status: event.references.length > 0 && event.references.every((reference) => reference.change === 'deleted') ? 'warning' : 'info',
    color: branchColor(event.references, config.colors),
    title: titleOf(event),
    url: repositoryUrl(event.region, event.repository),
    fallbackText: headline(event, enrichment),
    fields,
    sections,
    ...(hiddenReferences > 0 ? { omittedSections: { count: hiddenReferences, noun: 'references' } } : {}),
    notices,
    context,
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
