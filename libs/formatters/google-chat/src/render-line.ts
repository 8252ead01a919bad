import type { Inline, Line } from '@herald/model';
import { googleChatPieces, safeGoogleChatUrl, type GoogleChatTextMode } from './escape.ts';
import { ELLIPSIS, take } from '@herald/formatter-kit';

/** A rendered inline segment: markup that must stay whole around a body that may be cut. */
interface Span {
  open: string;
  body: () => Iterable<string>;
  close: string;
  /** What to show instead when the markup itself does not fit (a link's text without its URL). */
  instead?: Span;
}

export interface LineOptions {
  /** Make every segment bold (headings). */
  bold?: boolean;
  /** Text without markup, for the card header, button labels and the message text. */
  mode?: GoogleChatTextMode;
}

/**
 * Renders one line in at most `max` UTF-16 code units: as card HTML (`<b>`, `<a href>`) by default, or as text
 * without markup. Code has no markup in a card and reads as text. A line that does not fit is cut at a piece
 * boundary, its markup closed, and `…` appended.
 */
export function renderLine(line: Line, max: number, options: LineOptions = {}): string {
  const spans = line.map((inline) => spanOf(inline, options));
  const whole = fit(spans, max);
  if (whole.complete) return whole.text;
  return max < ELLIPSIS.length ? '' : fit(spans, max - ELLIPSIS.length).text + ELLIPSIS;
}

function fit(spans: readonly Span[], max: number): { text: string; complete: boolean } {
  let text = '';
  for (const span of spans) {
    const part = fitSpan(span, max - text.length);
    text += part.text;
    if (!part.complete) return { text, complete: false };
  }
  return { text, complete: true };
}

function fitSpan(span: Span, room: number): { text: string; complete: boolean } {
  const body = take(span.body(), room - span.open.length - span.close.length);
  if (body.complete || body.text !== '') return { text: span.open + body.text + span.close, complete: body.complete };
  return span.instead ? fitSpan(span.instead, room) : { text: '', complete: false };
}

function spanOf(inline: Inline, { bold = false, mode = 'html' }: LineOptions): Span {
  const label = inline.type === 'link' && inline.text.trim() === '' ? inline.url : inline.text;
  if (mode !== 'html') return span(label, '', '', mode);
  const [open, close] = bold || inline.type === 'strong' ? ['<b>', '</b>'] : ['', ''];
  const url = inline.type === 'link' ? safeGoogleChatUrl(inline.url) : undefined;
  if (!url) return span(label, open, close, mode);
  const href = url.replaceAll('&', '&amp;');
  return { ...span(label, `${open}<a href="${href}">`, `</a>${close}`, mode), instead: span(label, open, close, mode) };
}

function span(text: string, open: string, close: string, mode: GoogleChatTextMode): Span {
  return { open, close, body: () => googleChatPieces(text, mode) };
}
