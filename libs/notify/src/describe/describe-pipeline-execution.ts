import {
  code,
  link,
  text,
  type Line,
  type Notification,
  type NotificationSection,
  type PipelineEnrichment,
  type PipelineExecutionEvent,
  type PipelineFailure,
  type PipelineState,
  type SourceRevision,
} from '@herald/model';
import { contextLine } from './context-line.ts';
import { pipelineExecutionUrl, pipelineUrl, webUrl } from './console-links.ts';
import { outcomeSinceEvent, outcomeSinceNotice, outcomeSinceRemark } from './outcome-since-event.ts';
import { triggerText } from './pipeline-trigger.ts';
import { revisionLines } from './revision-lines.ts';
import { runMarks, statusColors } from './status-style.ts';
import { textLines } from './text-lines.ts';
import { couldNotFetch, readableDuration, readableWords, shortExecutionId } from './wording.ts';

interface StateWording {
  status: Notification['status'];
  mark: string;
  verb: string;
}

const stateWordings: Record<Exclude<PipelineState, 'unknown'>, StateWording> = {
  started: { status: 'info', mark: runMarks.running, verb: 'started' },
  resumed: { status: 'info', mark: runMarks.running, verb: 'resumed' },
  succeeded: { status: 'success', mark: runMarks.succeeded, verb: 'succeeded' },
  failed: { status: 'failure', mark: runMarks.failed, verb: 'failed' },
  canceled: { status: 'warning', mark: runMarks.stopped, verb: 'was canceled' },
  superseded: { status: 'info', mark: runMarks.superseded, verb: 'was superseded by a newer run' },
  stopped: { status: 'warning', mark: runMarks.stopped, verb: 'stopped' },
  stopping: { status: 'warning', mark: runMarks.stopped, verb: 'is stopping' },
  abandoned: { status: 'warning', mark: runMarks.stopped, verb: 'was abandoned' },
};

const FINAL_STATES: ReadonlySet<PipelineState> = new Set(['succeeded', 'failed', 'canceled', 'superseded', 'stopped', 'abandoned']);

function stateWording(event: PipelineExecutionEvent): StateWording {
  if (event.state !== 'unknown') return stateWordings[event.state];
  const word = readableWords(event.rawState);
  return { status: 'info', mark: runMarks.other, verb: word ? `is ${word}` : 'changed state' };
}

function subjectOf(event: PipelineExecutionEvent): string {
  const pipeline = `Pipeline ${event.pipeline}`;
  if (event.level === 'stage' && event.stage) return `${pipeline}: stage ${event.stage}`;
  if (event.level === 'action' && event.action) {
    return `${pipeline}: action ${event.action}${event.stage ? ` in stage ${event.stage}` : ''}`;
  }
  return pipeline;
}

/** The revisions of this execution: the enricher's, else the ones the event itself names. */
function revisionsOf(event: PipelineExecutionEvent, enrichment: PipelineEnrichment | undefined): SourceRevision[] {
  if (enrichment && enrichment.revisions.length > 0) return enrichment.revisions;
  return (event.sourceRevisions ?? []).map((revision) => {
    const [title, ...body] = (revision.summary ?? '').split(/\r?\n/);
    return {
      ...(revision.action ? { action: revision.action } : {}),
      ...(revision.revisionId ? { revisionId: revision.revisionId } : {}),
      ...(title ? { title } : {}),
      ...(body.join('\n').trim() ? { body: body.join('\n').trim() } : {}),
      ...(revision.url ? { url: revision.url } : {}),
    };
  });
}

function revisionSections(revisions: readonly SourceRevision[]): NotificationSection[] {
  return revisions.map((revision) => {
    const heading: Line =
      revisions.length > 1 && revision.action ? [text('Source revision of '), code(revision.action)] : [text('Source revision')];
    return { heading, lines: revisionLines(revision), lists: [] };
  });
}

function whereLine(stage: string | undefined, action: string | undefined): Line | undefined {
  if (!stage && !action) return undefined;
  const line: Line = [text('Failed in ')];
  if (stage) line.push(text('stage '), code(stage));
  if (action) line.push(text(stage ? ', action ' : 'action '), code(action));
  line.push(text('.'));
  return line;
}

function linksLine(links: readonly [label: string, url: string | undefined][]): Line | undefined {
  const shown = links.flatMap(([label, url]) => {
    const safe = webUrl(url);
    return safe ? [link(label, safe)] : [];
  });
  return shown.length > 0 ? shown.flatMap((inline, index) => (index > 0 ? [text(' · '), inline] : [inline])) : undefined;
}

function failureSectionFromEnrichment(failure: PipelineFailure): NotificationSection {
  const lines: Line[] = [];
  const where = whereLine(failure.stage, failure.action);
  if (where) lines.push(where);
  if (failure.code) lines.push([text('Error '), code(failure.code)]);
  lines.push(...textLines(failure.message));
  const links = linksLine([
    ['Logs', failure.logUrl],
    ['Execution details', failure.externalUrl],
  ]);
  if (links) lines.push(links);
  return { heading: [text('Failure')], lines, lists: [] };
}

function failureSectionFromEvent(event: PipelineExecutionEvent): NotificationSection | undefined {
  const lines: Line[] = [];
  const failedActions = event.failedActions ?? [];
  const [only] = failedActions;
  if (failedActions.length === 1 && only) {
    const where = whereLine(only.stage ?? event.stage, only.action);
    if (where) lines.push(where);
    lines.push(...textLines(only.info));
  }
  const items = failedActions.length > 1 ? failedActions.map(failedActionItem) : [];
  if (event.level === 'action' && event.state === 'failed' && event.result) {
    if (event.result.errorCode) lines.push([text('Error '), code(event.result.errorCode)]);
    lines.push(...textLines(event.result.summary));
    const links = linksLine([['Execution details', event.result.url]]);
    if (links) lines.push(links);
  }
  if (lines.length === 0 && items.length === 0) return undefined;
  return { heading: [text('Failure')], lines, lists: items.length > 0 ? [{ items, omitted: 0, noun: 'failed actions' }] : [] };
}

function failedActionItem(failed: NonNullable<PipelineExecutionEvent['failedActions']>[number]): Line {
  const line: Line = [];
  if (failed.stage) line.push(text('stage '), code(failed.stage), text(', '));
  line.push(text('action '), code(failed.action));
  if (failed.info) line.push(text(`: ${failed.info.split(/\r?\n/)[0] ?? ''}`));
  return line;
}

/** What an action that did not fail produced: its summary and a link to its external execution. */
function resultSection(event: PipelineExecutionEvent): NotificationSection | undefined {
  if (event.level !== 'action' || event.state === 'failed' || !event.result) return undefined;
  const lines = textLines(event.result.summary, 3, 300);
  const links = linksLine([['Execution details', event.result.url]]);
  if (links) lines.push(links);
  return lines.length > 0 ? { heading: [text('Result')], lines, lists: [] } : undefined;
}

function failureBrief(event: PipelineExecutionEvent, failure: PipelineFailure | undefined): string | undefined {
  const firstLine = (value: string | undefined) => value?.split(/\r?\n/)[0]?.trim() || undefined;
  return (
    failure?.code ??
    firstLine(failure?.message) ??
    event.result?.errorCode ??
    firstLine(event.failedActions?.[0]?.info) ??
    firstLine(event.result?.summary)
  );
}

/** `in stage Deploy, action Deploy`, as far as the failure says. */
function failurePlace(failure: PipelineFailure | undefined): string | undefined {
  const parts = [failure?.stage ? `stage ${failure.stage}` : undefined, failure?.action ? `action ${failure.action}` : undefined];
  const known = parts.filter((part) => part !== undefined);
  return known.length > 0 ? `in ${known.join(', ')}` : undefined;
}

function durationOf(event: PipelineExecutionEvent, enrichment: PipelineEnrichment | undefined): string | undefined {
  const execution = enrichment?.execution;
  const endOfRun = event.level === 'pipeline' && FINAL_STATES.has(event.state) ? event.time : undefined;
  return readableDuration(execution?.startTime, execution?.endTime ?? endOfRun);
}

/**
 * Describes a CodePipeline pipeline, stage or action execution: its state with a clear mark, what started
 * it and who, the source revisions of this very execution, where and why it failed with links to logs,
 * and a notice when the run has moved on since the event (events arrive late and out of order).
 *
 * @example
 * describePipelineExecution(event, enrichment).title; // '❌ Pipeline myPipeline failed'
 */
export function describePipelineExecution(event: PipelineExecutionEvent, enrichment: PipelineEnrichment | undefined): Notification {
  const { status, mark, verb } = stateWording(event);
  const title = `${mark} ${subjectOf(event)} ${verb}`;
  const url = pipelineExecutionUrl(event.region, event.pipeline, event.executionId);
  const later = outcomeSinceEvent(event.state, enrichment?.execution?.status);

  const fields: Notification['fields'] = [
    { label: 'Pipeline', value: [link(event.pipeline, pipelineUrl(event.region, event.pipeline))], short: true },
    { label: 'Run', value: [link(shortExecutionId(event.executionId), url)], short: true },
  ];
  if (event.level !== 'pipeline' && event.stage) fields.push({ label: 'Stage', value: [text(event.stage)], short: true });
  if (event.level === 'action' && event.action) {
    const provider = event.actionType?.provider;
    fields.push({ label: 'Action', value: [text(`${event.action}${provider ? ` (${provider})` : ''}`)], short: true });
  }
  const known = enrichment?.execution?.trigger;
  const trigger = triggerText({ type: event.trigger?.type ?? known?.type, detail: event.trigger?.detail ?? known?.detail });
  if (trigger) fields.push({ label: 'Triggered by', value: [text(trigger)], short: true });
  const duration = durationOf(event, enrichment);
  if (duration) fields.push({ label: 'Duration', value: [text(duration)], short: true });

  // Only an event that itself failed reads as a failure; a failure the run reached later is only in the notice.
  const failed = status === 'failure';
  const failure = enrichment?.failure;
  const failureSection = !failed ? undefined : failure ? failureSectionFromEnrichment(failure) : failureSectionFromEvent(event);
  const sections = [failureSection, resultSection(event), ...revisionSections(revisionsOf(event, enrichment))].filter(
    (section): section is NotificationSection => section !== undefined,
  );

  const brief = failed ? failureBrief(event, failure) : undefined;
  const fallbackText = `${title}${brief ? `: ${brief}` : ''}${later ? ` (${outcomeSinceRemark(later)})` : ''}`;
  const laterNotice = later ? outcomeSinceNotice(later, later === 'failed' ? failurePlace(failure) : undefined) : undefined;
  return {
    eventKind: event.kind,
    status,
    color: statusColors[status],
    title,
    url,
    fallbackText,
    fields,
    sections,
    notices: [...(laterNotice ? [laterNotice] : []), ...(enrichment?.missing ?? []).map(couldNotFetch)],
    context: contextLine(event.region, event.time, `execution ${event.executionId}`),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
