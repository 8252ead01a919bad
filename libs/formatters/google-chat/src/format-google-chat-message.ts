import { Buffer } from 'node:buffer';
import type { ChatFormatter, FormatOptions, Line, Notification, NotificationField } from '@herald/model';
import type { CardSection, DecoratedText, GoogleChatWebhookPayload, TextParagraph, Widget } from './card.ts';
import { safeGoogleChatUrl, sanitize } from './escape.ts';
import { GOOGLE_CHAT_LIMITS } from './limits.ts';
import { googleChatMentions } from './mentions.ts';
import { renderLine } from './render-line.ts';
import { moreLine, shareFairly, renderSectionText, type SectionStyle } from '@herald/formatter-kit';

const CARD_ID = 'herald-notification';
/** Below this many characters a section is not worth showing; it is counted in "…and N more" instead. */
const MIN_SECTION = 150;
/** Section text tried first; the byte budget usually allows less. */
const SECTIONS_MAX = 16_000;
const FIELDS_MAX = 1500;
const NOTICES_MAX = 1000;
const NOTE_MAX = 120;
/** Fitting the sections to the byte budget takes two or three renderings; this bounds it. */
const FIT_ATTEMPTS = 6;
/** Characters aimed below the estimate, so the next rendering fits rather than overshoots by a few bytes. */
const FIT_SLACK = 16;
const LINE_BREAK = '<br>';

const style: SectionStyle = {
  heading: (line, max) => renderLine(line, max, { bold: true }),
  line: (line, max) => renderLine(line, max),
  bullet: '• ',
  lineMax: 2000,
};

/**
 * Lays a Notification out as a Google Chat incoming-webhook body: the summary as the message `text` (with the
 * mentions asked for in `options`, the only place Google Chat notifies anyone), then one card with the title and
 * context as its header, the fields, one section per notification section, the notices and an "Open" button.
 * The JSON body stays within `GOOGLE_CHAT_LIMITS.maxBodyBytes` and the card within 100 widgets; what does not fit
 * is cut with `…` or counted in "…and N more".
 *
 * @example
 * ```ts
 * const body = formatGoogleChatMessage(notification, { mentions: [{ kind: 'user', id: '123456789012345678901' }] });
 * const headers = { 'content-type': 'application/json; charset=UTF-8' };
 * await fetch(webhookUrl, { method: 'POST', headers, body: JSON.stringify(body) });
 * ```
 */
export function formatGoogleChatMessage(n: Notification, options: FormatOptions = {}): GoogleChatWebhookPayload {
  const summary = renderLine(firstVisible(n.fallbackText, n.title, n.eventKind), GOOGLE_CHAT_LIMITS.fallbackText, { mode: 'message' });
  const text = [...googleChatMentions(options.mentions ?? []), summary].join(' ');
  const title = renderLine(firstVisible(n.title, n.fallbackText, n.eventKind), GOOGLE_CHAT_LIMITS.title, { mode: 'plain' });
  const subtitle = renderLine(n.context, GOOGLE_CHAT_LIMITS.subtitle, { mode: 'plain' });
  const head = fieldSections(n.fields);
  const tail = [...noticeSections(n.notices), ...buttonSections(n.url)];
  const widgetsLeft = GOOGLE_CHAT_LIMITS.widgets - [...head, ...tail].reduce((sum, section) => sum + section.widgets.length, 0);
  const message = (sections: CardSection[]): GoogleChatWebhookPayload => {
    const all = [...head, ...sections, ...tail];
    return {
      text,
      cardsV2: [
        {
          cardId: CARD_ID,
          // Google Chat refuses a card without a section: a notification with nothing visible still gets one.
          card: { header: { title, ...(isVisible(subtitle) ? { subtitle } : {}) }, sections: all.length > 0 ? all : [EMPTY_SECTION] },
        },
      ],
    };
  };
  return fitSections(n, widgetsLeft, message);
}

/**
 * The Google Chat target as the routing config names it.
 *
 * @example
 * ```ts
 * const body = googleChatFormatter.format(notification, { mentions });
 * ```
 */
export const googleChatFormatter: ChatFormatter<GoogleChatWebhookPayload> = { type: 'google-chat', format: formatGoogleChatMessage };

/**
 * Sections get what the rest of the card leaves of the byte budget. Their bytes grow with the characters allowed,
 * plus the JSON of each widget, so the allowance is found by rendering, measuring and correcting along the
 * measured cost of a character (a secant step). With no section left (all counted in "…and N more") the card
 * always fits, as every other part has its own ceiling.
 */
function fitSections(
  n: Notification,
  widgets: number,
  message: (sections: CardSection[]) => GoogleChatWebhookPayload,
): GoogleChatWebhookPayload {
  const fixed = bodyBytes(message([]));
  const room = GOOGLE_CHAT_LIMITS.maxBodyBytes - fixed;
  let chars = Math.min(SECTIONS_MAX, room);
  let previous: { chars: number; bytes: number } | undefined;
  for (let attempt = 0; attempt < FIT_ATTEMPTS && chars > 0; attempt += 1) {
    const payload = message(notificationSections(n, chars, widgets));
    const bytes = bodyBytes(payload) - fixed;
    if (bytes <= room) return payload;
    const perChar = previous && previous.bytes !== bytes ? (previous.bytes - bytes) / (previous.chars - chars) : bytes / chars;
    previous = { chars, bytes };
    chars = Math.min(chars - 1, Math.floor(chars - (bytes - room) / Math.max(perChar, 1)) - FIT_SLACK);
  }
  return message(notificationSections(n, 0, widgets));
}

function fieldSections(fields: readonly NotificationField[]): CardSection[] {
  const shown = fields.slice(0, GOOGLE_CHAT_LIMITS.fields);
  const share = Math.floor(FIELDS_MAX / Math.max(1, shown.length));
  const widgets: Widget[] = shown.flatMap((field): DecoratedText[] => {
    const label = renderLine([{ type: 'text', text: field.label }], Math.min(GOOGLE_CHAT_LIMITS.fieldLabel, Math.ceil(share / 3)));
    const value = renderLine(field.value, Math.min(GOOGLE_CHAT_LIMITS.fieldValue, share - label.length));
    if (!isVisible(value)) return [];
    return [{ decoratedText: { ...(isVisible(label) ? { topLabel: label } : {}), text: value, wrapText: true } }];
  });
  const dropped = fields.length - shown.length;
  if (dropped > 0) widgets.push(paragraph(renderLine(moreLine(dropped, 'fields'), NOTE_MAX)));
  return widgets.length > 0 ? [{ widgets }] : [];
}

/**
 * The sections that fit in `chars` and in the widgets left share the characters fairly; the rest are counted,
 * with those dropped before, in one last section.
 */
function notificationSections(n: Notification, chars: number, widgets: number): CardSection[] {
  const noun = n.omittedSections?.noun ?? 'sections';
  const omitted = n.omittedSections?.count ?? 0;
  const room = chars - renderLine(moreLine(omitted + n.sections.length, noun), NOTE_MAX).length;
  const shown = n.sections.slice(0, Math.max(0, Math.min(widgets - 1, Math.floor(room / MIN_SECTION))));
  const shares = shareFairly(
    shown.map((section) => renderSectionText(section, room, style).length),
    room,
  );
  const sections = shown.flatMap((section, i): CardSection[] => {
    const text = renderSectionText(section, shares[i] ?? 0, style);
    return isVisible(text) ? [{ widgets: [paragraph(text.split('\n').join(LINE_BREAK))] }] : [];
  });
  const dropped = omitted + n.sections.length - shown.length;
  return dropped > 0 ? [...sections, { widgets: [paragraph(renderLine(moreLine(dropped, noun), NOTE_MAX))] }] : sections;
}

function noticeSections(notices: readonly string[]): CardSection[] {
  const items = notices.map((notice): Line => [{ type: 'text', text: notice }]);
  const list = { lines: [], lists: [{ items, omitted: 0, noun: 'notices' }] };
  const text = renderSectionText(list, NOTICES_MAX, { ...style, bullet: '⚠️ ' });
  return isVisible(text) ? [{ widgets: [paragraph(text.split('\n').join(LINE_BREAK))] }] : [];
}

function buttonSections(raw: string | undefined): CardSection[] {
  const url = raw === undefined ? undefined : safeGoogleChatUrl(raw);
  if (url === undefined || url.length > GOOGLE_CHAT_LIMITS.url) return [];
  return [{ widgets: [{ buttonList: { buttons: [{ text: 'Open', onClick: { openLink: { url } } }] } }] }];
}

const EMPTY_SECTION: CardSection = { widgets: [{ textParagraph: { text: 'No details.' } }] };

function paragraph(text: string): TextParagraph {
  return { textParagraph: { text } };
}

function bodyBytes(payload: GoogleChatWebhookPayload): number {
  return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}

function firstVisible(...candidates: string[]): Line {
  return [{ type: 'text', text: candidates.find((c) => isVisible(sanitize(c))) ?? '…' }];
}

function isVisible(text: string): boolean {
  return text.trim() !== '';
}
