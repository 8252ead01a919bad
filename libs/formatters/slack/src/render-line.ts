import type { Inline, Line } from '@herald/model';
import { safeSlackUrl, sanitize, slackPieces, type SlackTextMode } from './escape.ts';
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
  /** Make every segment bold (titles, headings, field labels). */
  bold?: boolean;
}

/**
 * Renders one line as Slack mrkdwn in at most `max` UTF-16 code units. A line that does not fit is cut at a
 * piece boundary, its markup closed, and `…` appended.
 */
export function renderLine(line: Line, max: number, options: LineOptions = {}): string {
  const spans = line.map((inline) => spanOf(inline, options.bold ?? false));
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

function spanOf(inline: Inline, bold: boolean): Span {
  const mode: SlackTextMode = bold ? 'strong' : 'text';
  switch (inline.type) {
    case 'text':
      return bold ? wrapped(inline.text, '*', '*', 'strong') : plain(inline.text, 'text');
    case 'strong':
      return wrapped(inline.text, '*', '*', 'strong');
    case 'code':
      return bold ? wrapped(inline.text, '*`', '`*', 'strong') : wrapped(inline.text, '`', '`', 'code');
    case 'link': {
      const url = safeSlackUrl(inline.url);
      const label = inline.text.trim() === '' ? inline.url : inline.text;
      const instead = bold ? wrapped(label, '*', '*', 'strong') : plain(label, 'text');
      if (!url) return instead;
      const link = wrapped(label, `<${url}|`, '>', mode);
      return bold ? { ...link, open: `*${link.open}`, close: `${link.close}*`, instead } : { ...link, instead };
    }
  }
}

function plain(text: string, mode: SlackTextMode): Span {
  return { open: '', close: '', body: () => slackPieces(text, mode) };
}

/**
 * Mrkdwn markup only works when it touches the text it wraps, so surrounding whitespace moves outside it,
 * and text with nothing visible to wrap stays unwrapped.
 */
function wrapped(raw: string, open: string, close: string, mode: SlackTextMode): Span {
  const s = sanitize(raw);
  const inner = s.trim();
  if ((mode === 'code' ? inner.replaceAll('`', '').trim() : inner) === '') return plain(s.replaceAll('`', ''), 'text');
  const start = s.slice(0, s.length - s.trimStart().length);
  const end = s.slice(s.trimEnd().length);
  return { open: start + open, close: close + end, body: () => slackPieces(inner, mode) };
}
