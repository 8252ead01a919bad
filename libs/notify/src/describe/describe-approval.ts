import { link, text, type ApprovalEvent, type Inline, type Line, type Notification } from '@herald/model';
import { contextLine } from './context-line.ts';
import { pipelineUrl, webUrl } from './console-links.ts';
import { runMarks, statusColors } from './status-style.ts';
import { textLines } from './text-lines.ts';
import { readableTime, timeUntil } from './wording.ts';

/** The console's own approval page (`…/view?region=…#/<stage>/<action>/approve/<token>`). */
const isApprovalPage = (url: string | undefined) => url !== undefined && /#\/[^#]*\/approve\//.test(url);

interface ApprovalLinks {
  review?: string;
  approve: string;
  details?: string;
}

/**
 * Where to review and where to approve. The approval page is AWS's approve link, or the review link when
 * that is the console's approval page (as the SNS message's `approvalReviewLink` is); else the console link.
 */
function linksOf(event: ApprovalEvent): ApprovalLinks {
  const reviewUrl = webUrl(event.reviewUrl);
  const reviewIsApproval = !event.approveUrl && isApprovalPage(reviewUrl);
  const approve =
    webUrl(event.approveUrl) ?? (reviewIsApproval ? reviewUrl : undefined) ?? webUrl(event.consoleUrl) ?? pipelineUrl(event.region, event.pipeline);
  const review = (reviewIsApproval ? undefined : reviewUrl) ?? webUrl(event.externalEntityLink);
  const details = webUrl(event.externalEntityLink);
  return { approve, ...(review ? { review } : {}), ...(details ? { details } : {}) };
}

/** Review, approve and details links, each URL once, in that order. */
function linksLine(links: ApprovalLinks): Line {
  const candidates: [string, string | undefined][] = [
    ['Review', links.review],
    ['Approve or reject', links.approve],
    ['Details', links.details],
  ];
  const seen = new Set<string>();
  const line: Inline[] = [];
  for (const [label, url] of candidates) {
    if (!url || seen.has(url)) continue;
    seen.add(url);
    line.push(...(line.length > 0 ? [text(' · ')] : []), link(label, url));
  }
  return line;
}

function expiresText(event: ApprovalEvent): string | undefined {
  const when = readableTime(event.expires);
  if (!when) return undefined;
  const until = timeUntil(event.expires, event.time);
  return until ? `${when} (${until})` : when;
}

/**
 * Describes a CodePipeline manual approval that waits: which pipeline, stage and action, until when, the
 * links to review and to approve, and the comments the pipeline's author wrote for the approver.
 *
 * @example
 * describeApproval(event).title; // '✋ Approval needed: tf-jenkins-update-apply-pipeline, stage Approval, action Approval'
 */
export function describeApproval(event: ApprovalEvent): Notification {
  const title = `${runMarks.waiting} Approval needed: ${event.pipeline}, stage ${event.stage}, action ${event.action}`;
  const links = linksOf(event);
  const expires = expiresText(event);

  const fields: Notification['fields'] = [
    { label: 'Pipeline', value: [link(event.pipeline, pipelineUrl(event.region, event.pipeline))], short: true },
    { label: 'Stage', value: [text(event.stage)], short: true },
    { label: 'Action', value: [text(event.action)], short: true },
  ];
  if (expires) fields.push({ label: 'Expires', value: [text(expires)], short: true });

  const comments = textLines(event.customData);
  const sections: Notification['sections'] = [{ lines: [linksLine(links)], lists: [] }];
  if (comments.length > 0) sections.push({ heading: [text('Comments')], lines: comments, lists: [] });

  return {
    eventKind: event.kind,
    status: 'warning',
    color: statusColors.warning,
    title,
    url: links.approve,
    fallbackText: `${title}${expires ? `; expires ${readableTime(event.expires) ?? ''}` : ''}`,
    fields,
    sections,
    notices: [],
    context: contextLine(event.region, event.time),
    ...(event.time ? { timestamp: event.time } : {}),
  };
}
