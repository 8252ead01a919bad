import { code, link, text, type BuildEvent, type BuildStatus, type Line, type Notification, type NotificationSection } from '@herald/model';
import { contextLine } from './context-line.ts';
import { buildLogUrl, buildNumber, buildUrl, webUrl } from './console-links.ts';
import { runMarks, statusColors } from './status-style.ts';
import { textLines } from './text-lines.ts';
import { readableWords, shortCommitId } from './wording.ts';

interface StatusWording {
  status: Notification['status'];
  mark: string;
  verb: string;
}

const wordings: Record<Exclude<BuildStatus, 'unknown'>, StatusWording> = {
  'in-progress': { status: 'info', mark: runMarks.running, verb: 'is in progress' },
  succeeded: { status: 'success', mark: runMarks.succeeded, verb: 'succeeded' },
  failed: { status: 'failure', mark: runMarks.failed, verb: 'failed' },
  fault: { status: 'failure', mark: runMarks.failed, verb: 'failed with a CodeBuild fault' },
  'timed-out': { status: 'failure', mark: runMarks.timedOut, verb: 'timed out' },
  stopped: { status: 'warning', mark: runMarks.stopped, verb: 'stopped' },
};

function wordingOf(event: BuildEvent): StatusWording {
  if (event.status !== 'unknown') return wordings[event.status];
  const word = readableWords(event.rawStatus);
  return { status: 'info', mark: runMarks.other, verb: word ? `is ${word}` : 'changed state' };
}

type BuildPhase = NonNullable<BuildEvent['phase']>;

/** Whether this phase is where the build went wrong: it says so, or it is the phase named on a failed build. */
function phaseFailed(event: BuildEvent, phase: BuildPhase): boolean {
  if (phase.status) return /fail|fault|timed.?out|stopped/i.test(phase.status);
  return wordingOf(event).status === 'failure';
}

function titleOf(event: BuildEvent, wording: StatusWording): string {
  const build = `Build ${event.project} ${buildNumber(event.buildId, event.project)}`;
  const phase = event.phase;
  if (phase && wording.status === 'failure' && phaseFailed(event, phase)) return `${wording.mark} ${build} ${wording.verb} in phase ${phase.name}`;
  if (phase && event.status === 'in-progress' && phase.status) {
    const mark = phaseFailed(event, phase) ? runMarks.failed : runMarks.running;
    return `${mark} ${build}: phase ${phase.name} ${readableWords(phase.status)}`;
  }
  return `${wording.mark} ${build} ${wording.verb}`;
}

function phaseSection(event: BuildEvent): NotificationSection | undefined {
  const phase = event.phase;
  if (!phase) return undefined;
  const failed = phaseFailed(event, phase);
  const line: Line = [text(failed ? 'Failed in phase ' : 'Phase '), code(phase.name)];
  if (!failed && phase.status) line.push(text(` ${readableWords(phase.status)}`));
  line.push(text(phase.reason ? ':' : '.'));
  return { heading: [text(failed ? 'Failure' : 'Phase')], lines: [line, ...textLines(phase.reason)], lists: [] };
}

/**
 * Describes a CodeBuild build or build phase: the project and build, its status with a clear mark, the
 * phase that failed and why, who started it, the source version, and a link to the build's logs.
 *
 * @example
 * describeBuild(event).title; // '✅ Build my-sample-project 8745a7a9 succeeded'
 */
export function describeBuild(event: BuildEvent): Notification {
  const wording = wordingOf(event);
  const title = titleOf(event, wording);
  const logUrl = webUrl(event.logUrl) ?? buildLogUrl(event.region, event.buildId, event.project);
  const url = buildUrl(event.region, event.buildId, event.project);

  const fields: Notification['fields'] = [
    { label: 'Project', value: [text(event.project)], short: true },
    { label: 'Build', value: [link(buildNumber(event.buildId, event.project), url)], short: true },
  ];
  if (event.initiator) fields.push({ label: 'Started by', value: [text(event.initiator)], short: true });
  if (event.sourceVersion) fields.push({ label: 'Source version', value: [code(shortCommitId(event.sourceVersion))], short: true });
  fields.push({ label: 'Logs', value: [link('Build logs', logUrl)], short: true });

  const phase = phaseSection(event);
  const reason = event.phase && phaseFailed(event, event.phase) ? event.phase.reason?.split(/\r?\n/)[0] : undefined;
  return {
    eventKind: event.kind,
    status: wording.status,
    color: statusColors[wording.status],
    title,
    url,
    fallbackText: reason ? `${title}: ${reason}` : title,
    fields,
    sections: phase ? [phase] : [],
    notices: [],
    context: contextLine(event.region, event.time),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
