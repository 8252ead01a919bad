import type { ChatFormatter, FormatOptions, Line, Notification, NotificationField, NotificationStatus } from '@herald/model';
import type { ContextBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { safeSlackUrl, sanitize } from './escape.ts';
import { SLACK_LIMITS } from './limits.ts';
import { slackMentions } from './mentions.ts';
import { renderLine } from './render-line.ts';
import { moreLine, shareFairly, renderSectionText, type SectionStyle } from '@herald/formatter-kit';

/** The attachment that carries the colour bar and the Block Kit layout. */
export interface SlackAttachment {
  color: string;
  fallback: string;
  blocks: (SectionBlock | ContextBlock)[];
}

/** The body of a POST to a Slack incoming webhook. */
export interface SlackWebhookPayload {
  /** The notification text, and what clients without Block Kit show. */
  text: string;
  attachments: [SlackAttachment];
}

/** Below this many characters a section is not worth showing; it is counted in "…and N more" instead. */
const MIN_SECTION = 150;
/** Longest line in a section; with blocks of 3000 this keeps every block but the last at least half full. */
const LINE_MAX = SLACK_LIMITS.sectionText / 2;
const FIELDS_MAX = 4000;
const NOTICES_MAX = 1500;
const CONTEXT_MAX = 1000;
const NOTE_MAX = 120;
const MENTIONS_MAX = 1000;
/** Marks the line of mentions without wording: words belong to the notification. */
const MENTIONS_MARK = ':bell:';

const STATUS_COLORS: Record<NotificationStatus, string> = {
  success: '#2EB67D',
  failure: '#E01E5A',
  warning: '#ECB22E',
  info: '#36C5F0',
};

const style: SectionStyle = {
  heading: (line, max) => renderLine(line, max, { bold: true }),
  line: (line, max) => renderLine(line, max),
  bullet: '• ',
  lineMax: LINE_MAX,
};

/**
 * Lays a Notification out as a Slack incoming-webhook body: a coloured attachment with a linked bold title,
 * the fields, one or more sections per notification section, the notices and the context line. Every
 * documented limit holds; what does not fit is cut with `…` or counted in "…and N more".
 *
 * `options.mentions` (trusted, from config) are the only mentions the message can carry: they lead the
 * top-level `text`, so the message notifies them, and show on a line under the title. Untrusted text never
 * forms a mention.
 *
 * @example
 * ```ts
 * const body = formatSlackMessage(notification, { mentions: [{ kind: 'group', id: 'S0614TZR7' }] });
 * await fetch(webhookUrl, { method: 'POST', body: JSON.stringify(body) });
 * ```
 */
export function formatSlackMessage(n: Notification, options: FormatOptions = {}): SlackWebhookPayload {
  const mentions = slackMentions(options.mentions, MENTIONS_MAX);
  const summary = firstVisible(n.fallbackText, n.title, n.eventKind);
  const fallback = renderLine(summary, SLACK_LIMITS.messageText);
  const text = mentions ? `${mentions} ${renderLine(summary, SLACK_LIMITS.messageText - mentions.length - 1)}` : fallback;
  const head = [titleBlock(n), ...(mentions ? [context(`${MENTIONS_MARK} ${mentions}`)] : []), ...fieldBlocks(n.fields)];
  const tail = [...noticeBlocks(n.notices), ...contextBlocks(n.context)];
  const used = blockTextLength([...head, ...tail]);
  const body = sectionBlocks(n, SLACK_LIMITS.blockTextTotal - used, SLACK_LIMITS.blocks - head.length - tail.length);
  const color = /^#[0-9a-f]{6}$/i.test(n.color) ? n.color : STATUS_COLORS[n.status];
  return { text, attachments: [{ color, fallback, blocks: [...head, ...body, ...tail] }] };
}

/**
 * The Slack target as the routing config names it.
 *
 * @example
 * ```ts
 * const body = slackFormatter.format(notification, { mentions });
 * ```
 */
export const slackFormatter: ChatFormatter<SlackWebhookPayload> = { type: 'slack', format: formatSlackMessage };

function titleBlock(n: Notification): SectionBlock {
  const [title] = firstVisible(n.title, n.fallbackText, n.eventKind);
  const url = n.url === undefined ? undefined : safeSlackUrl(n.url);
  const line: Line = url && n.url ? [{ type: 'link', text: title.text, url: n.url }] : [title];
  // The visible title keeps to a header's length; the bold and link markup come on top.
  const markup = 2 + (url ? url.length + 3 : 0);
  return section(renderLine(line, Math.min(SLACK_LIMITS.sectionText, SLACK_LIMITS.headerText + markup), { bold: true }));
}

function fieldBlocks(fields: readonly NotificationField[]): (SectionBlock | ContextBlock)[] {
  const shown = fields.slice(0, SLACK_LIMITS.sectionFields);
  const share = Math.min(SLACK_LIMITS.fieldText, Math.floor(FIELDS_MAX / Math.max(1, shown.length)));
  const texts = shown.map((field) => fieldText(field, share)).filter(isVisible);
  const blocks: (SectionBlock | ContextBlock)[] = texts.length > 0 ? [{ type: 'section', fields: texts.map(mrkdwn) }] : [];
  const dropped = fields.length - shown.length;
  return dropped > 0 ? [...blocks, context(renderLine(moreLine(dropped, 'fields'), NOTE_MAX))] : blocks;
}

function fieldText(field: NotificationField, max: number): string {
  const label = renderLine([{ type: 'text', text: field.label }], Math.ceil(max / 3), { bold: true });
  const value = renderLine(field.value, max - label.length - 1);
  return [label, value].filter(isVisible).join('\n');
}

function noticeBlocks(notices: readonly string[]): SectionBlock[] {
  if (notices.length === 0) return [];
  const items = notices.map((notice): Line => [{ type: 'text', text: notice }]);
  const notice = { lines: [], lists: [{ items, omitted: 0, noun: 'notices' }] };
  const text = renderSectionText(notice, NOTICES_MAX, { ...style, bullet: ':warning: ' });
  return isVisible(text) ? [section(text)] : [];
}

function contextBlocks(line: Line): ContextBlock[] {
  const text = renderLine(line, CONTEXT_MAX);
  return isVisible(text) ? [context(text)] : [];
}

/**
 * Sections share what the other blocks leave, fairly; each may span several blocks. Sections that do not
 * fit are counted, with the ones dropped before formatting, in one "…and N more" line.
 */
function sectionBlocks(n: Notification, chars: number, blocks: number): SectionBlock[] {
  const noun = n.omittedSections?.noun ?? 'sections';
  const omitted = n.omittedSections?.count ?? 0;
  const room = chars - renderLine(moreLine(omitted + n.sections.length, noun), NOTE_MAX).length;
  // A section of `c` characters splits into at most floor(c / LINE_MAX) + 1 blocks.
  const slots = blocks - 1 - Math.floor(Math.max(0, room) / LINE_MAX);
  const shown = n.sections.slice(0, Math.max(0, Math.min(slots, Math.floor(room / MIN_SECTION))));
  const shares = shareFairly(
    shown.map((s) => renderSectionText(s, room, style).length),
    room,
  );
  const out = shown.flatMap((s, i) =>
    splitIntoBlocks(renderSectionText(s, shares[i] ?? 0, style), SLACK_LIMITS.sectionText).map(section),
  );
  const dropped = omitted + n.sections.length - shown.length;
  return dropped > 0 ? [...out, section(renderLine(moreLine(dropped, noun), NOTE_MAX))] : out;
}

/** Packs lines into texts of at most `max`, never splitting a line. */
function splitIntoBlocks(text: string, max: number): string[] {
  const blocks: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (current !== undefined && current.length + 1 + line.length <= max) current += `\n${line}`;
    else {
      if (current !== undefined) blocks.push(current);
      current = line;
    }
  }
  if (current !== undefined) blocks.push(current);
  return blocks.filter(isVisible);
}

/** Characters of every text in the blocks, as Slack sums them against its message ceiling. */
function blockTextLength(blocks: readonly (SectionBlock | ContextBlock)[]): number {
  return blocks.reduce((n, block) => {
    if (block.type === 'context') return n + block.elements.reduce((m, e) => m + ('text' in e ? e.text.length : 0), 0);
    return n + (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((m, f) => m + f.text.length, 0);
  }, 0);
}

function firstVisible(...candidates: string[]): [{ type: 'text'; text: string }] {
  const text = candidates.find((c) => isVisible(sanitize(c))) ?? '…';
  return [{ type: 'text', text }];
}

function isVisible(text: string): boolean {
  return text.trim() !== '';
}

function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}
