import { Buffer } from 'node:buffer';
import type { ChatFormatter, FormatOptions, Line, Notification, NotificationField, NotificationStatus } from '@herald/model';
import type {
  CardElement,
  Container,
  ContainerStyle,
  FactSet,
  MentionEntity,
  OpenUrlAction,
  TeamsWebhookPayload,
  TextBlock,
} from './adaptive-card.ts';
import { safeTeamsUrl, sanitize } from './escape.ts';
import { TEAMS_LIMITS } from './limits.ts';
import { teamsMentionEntities } from './mentions.ts';
import { renderLine } from './render-line.ts';
import { moreLine, shareFairly, renderSectionText, type SectionStyle } from '@herald/formatter-kit';

/** Below this many characters a section is not worth showing; it is counted in "…and N more" instead. */
const MIN_SECTION = 150;
/** Section text tried first; the byte budget usually allows less. */
const SECTIONS_MAX = 12_000;
const FIELDS_MAX = 1500;
const NOTICES_MAX = 1000;
const CONTEXT_MAX = 300;
const NOTE_MAX = 120;
/** Fitting the sections to the byte budget takes two or three renderings; this bounds it. */
const FIT_ATTEMPTS = 6;
/** Characters aimed below the estimate, so the next rendering fits rather than overshoots by a few bytes. */
const FIT_SLACK = 16;

const STATUS_STYLES: Record<NotificationStatus, ContainerStyle> = {
  success: 'good',
  failure: 'attention',
  warning: 'warning',
  info: 'accent',
};

const style: SectionStyle = {
  heading: (line, max) => renderLine(line, max, { bold: true }),
  line: (line, max) => renderLine(line, max),
  bullet: '• ',
  lineMax: TEAMS_LIMITS.textBlock,
};

/**
 * Lays a Notification out as a Teams webhook body carrying one Adaptive Card: the title on a header coloured by
 * status (`good`, `attention`, `warning`, `accent`), the people to mention, the fields as facts, one container
 * per section, the notices, the context, and an "Open" button (the header opens the same page). The JSON body
 * stays within `TEAMS_LIMITS.maxBodyBytes`; what does not fit is cut with `…` or counted in "…and N more".
 *
 * Mentions come only from `options.mentions`: each person as `<at>id</at>` plus an `msteams.entities` entry
 * (see {@link teamsMentionEntities}); untrusted text can never form one.
 *
 * @example
 * ```ts
 * const body = formatTeamsMessage(notification, { mentions: [{ kind: 'user', id: 'alice@contoso.com' }] });
 * await fetch(workflowsWebhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
 * ```
 */
export function formatTeamsMessage(n: Notification, options: FormatOptions = {}): TeamsWebhookPayload {
  const entities = teamsMentionEntities(options.mentions ?? []);
  const url = linkableUrl(n.url);
  const open: OpenUrlAction | undefined = url ? { type: 'Action.OpenUrl', title: 'Open', url } : undefined;
  const head = [header(n, open), ...mentionBlocks(entities), ...factBlocks(n.fields)];
  const tail = [...noticeBlocks(n.notices), ...contextBlocks(n.context)];
  const fallbackText = renderLine(firstVisible(n.fallbackText, n.title, n.eventKind), TEAMS_LIMITS.fallbackText);
  const actions = open ? [open] : [];
  return fitSections(n, (sections) => message(fallbackText, [...head, ...sections, ...tail], actions, entities));
}

/**
 * The Microsoft Teams target as the routing config names it.
 *
 * @example
 * ```ts
 * const body = teamsFormatter.format(notification, { mentions });
 * ```
 */
export const teamsFormatter: ChatFormatter<TeamsWebhookPayload> = { type: 'teams', format: formatTeamsMessage };

/**
 * Sections get what the rest of the card leaves of the byte budget. Their bytes grow with the characters allowed,
 * plus a share of JSON per TextBlock, so the allowance is found by rendering, measuring and correcting along the
 * measured cost of a character (a secant step). With no section left (all counted in "…and N more") the card
 * always fits, as every other part has its own ceiling.
 */
function fitSections(n: Notification, message: (sections: CardElement[]) => TeamsWebhookPayload): TeamsWebhookPayload {
  const fixed = bodyBytes(message([]));
  const room = TEAMS_LIMITS.maxBodyBytes - fixed;
  let chars = Math.min(SECTIONS_MAX, room);
  let previous: { chars: number; bytes: number } | undefined;
  for (let attempt = 0; attempt < FIT_ATTEMPTS && chars > 0; attempt += 1) {
    const payload = message(sectionBlocks(n, chars));
    const bytes = bodyBytes(payload) - fixed;
    if (bytes <= room) return payload;
    const perChar = previous && previous.bytes !== bytes ? (previous.bytes - bytes) / (previous.chars - chars) : bytes / chars;
    previous = { chars, bytes };
    chars = Math.min(chars - 1, Math.floor(chars - (bytes - room) / Math.max(perChar, 1)) - FIT_SLACK);
  }
  return message(sectionBlocks(n, 0));
}

function message(fallbackText: string, body: CardElement[], actions: OpenUrlAction[], entities: MentionEntity[]): TeamsWebhookPayload {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          fallbackText,
          body,
          ...(actions.length > 0 ? { actions } : {}),
          msteams: { width: 'Full', ...(entities.length > 0 ? { entities } : {}) },
        },
      },
    ],
  };
}

/** The title on the status colour; a tap on it opens the notification's page, as the "Open" button does. */
function header(n: Notification, open: OpenUrlAction | undefined): Container {
  const title = renderLine(firstVisible(n.title, n.fallbackText, n.eventKind), TEAMS_LIMITS.title);
  return {
    type: 'Container',
    style: STATUS_STYLES[n.status],
    bleed: true,
    ...(open ? { selectAction: open } : {}),
    items: [{ ...textBlock(title), size: 'Medium', weight: 'Bolder' }],
  };
}

function mentionBlocks(entities: readonly MentionEntity[]): TextBlock[] {
  return entities.length > 0 ? [textBlock(entities.map((entity) => entity.text).join(' '))] : [];
}

function factBlocks(fields: readonly NotificationField[]): CardElement[] {
  const shown = fields.slice(0, TEAMS_LIMITS.facts);
  const share = Math.floor(FIELDS_MAX / Math.max(1, shown.length));
  const facts = shown.flatMap((field) => {
    const title = renderLine([{ type: 'text', text: field.label }], Math.min(TEAMS_LIMITS.factTitle, Math.ceil(share / 3)));
    const value = renderLine(field.value, Math.min(TEAMS_LIMITS.factValue, share - title.length));
    return isVisible(value) ? [{ title, value }] : [];
  });
  const set: FactSet[] = facts.length > 0 ? [{ type: 'FactSet', facts }] : [];
  const dropped = fields.length - shown.length;
  return dropped > 0 ? [...set, note(moreLine(dropped, 'fields'))] : set;
}

/** Sections that fit in `chars` share it fairly; the rest are counted, with those dropped before, in one line. */
function sectionBlocks(n: Notification, chars: number): CardElement[] {
  const noun = n.omittedSections?.noun ?? 'sections';
  const omitted = n.omittedSections?.count ?? 0;
  const room = chars - renderLine(moreLine(omitted + n.sections.length, noun), NOTE_MAX).length;
  const shown = n.sections.slice(0, Math.max(0, Math.floor(room / MIN_SECTION)));
  const shares = shareFairly(
    shown.map((section) => renderSectionText(section, room, style).length),
    room,
  );
  const containers = shown.flatMap((section, i): Container[] => {
    const items = textBlocks(renderSectionText(section, shares[i] ?? 0, style));
    return items.length > 0 ? [{ type: 'Container', separator: true, spacing: 'Medium', items }] : [];
  });
  const dropped = omitted + n.sections.length - shown.length;
  return dropped > 0 ? [...containers, note(moreLine(dropped, noun))] : containers;
}

function noticeBlocks(notices: readonly string[]): Container[] {
  const items = notices.map((notice): Line => [{ type: 'text', text: notice }]);
  const list = { lines: [], lists: [{ items, omitted: 0, noun: 'notices' }] };
  const text = renderSectionText(list, NOTICES_MAX, { ...style, bullet: '⚠️ ' });
  const blocks = textBlocks(text);
  return blocks.length > 0 ? [{ type: 'Container', style: 'warning', separator: true, items: blocks }] : [];
}

function contextBlocks(context: Line): TextBlock[] {
  const text = renderLine(context, CONTEXT_MAX);
  return isVisible(text) ? [{ ...textBlock(text), size: 'Small', isSubtle: true }] : [];
}

/** One TextBlock per line, tight together: Teams clients disagree on line breaks inside a TextBlock. */
function textBlocks(text: string): TextBlock[] {
  return text
    .split('\n')
    .filter(isVisible)
    .map((line, i) => (i === 0 ? textBlock(line) : { ...textBlock(line), spacing: 'None' }));
}

function note(line: Line): TextBlock {
  return { ...textBlock(renderLine(line, NOTE_MAX)), isSubtle: true };
}

function textBlock(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true };
}

function linkableUrl(raw: string | undefined): string | undefined {
  const url = raw === undefined ? undefined : safeTeamsUrl(raw);
  return url !== undefined && url.length <= TEAMS_LIMITS.url ? url : undefined;
}

function bodyBytes(payload: TeamsWebhookPayload): number {
  return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}

function firstVisible(...candidates: string[]): [{ type: 'text'; text: string }] {
  return [{ type: 'text', text: candidates.find((c) => isVisible(sanitize(c))) ?? '…' }];
}

function isVisible(text: string): boolean {
  return text.trim() !== '';
}
