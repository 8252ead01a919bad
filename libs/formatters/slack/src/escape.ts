/** How a run of text is written: plain mrkdwn text, inside a bold span, or inside a code span. */
export type SlackTextMode = 'text' | 'strong' | 'code';

/** Invisible WORD JOINER: breaks a mention, a URL scheme or a domain without changing what people read. */
const JOINER = '\u2060';
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * Mrkdwn has no escape character: inside a bold span its markup characters become look-alikes, and so do
 * backticks anywhere, so untrusted text cannot pair with the formatter's own code spans.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = { '*': '\u2217', _: '\u02cd', '~': '\u223c', '`': '\u02cb' };

/** Removes what no payload should carry: line breaks and other control characters, lone surrogates. */
export function sanitize(s: string): string {
  return s.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * Yields the escaped form of each code point of `s`. Cutting between pieces never splits an entity, a
 * surrogate pair or a joiner from the character it protects.
 */
export function* slackPieces(raw: string, mode: SlackTextMode = 'text'): Generator<string> {
  const s = sanitize(raw);
  let previous = '';
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    i += ch.length;
    const entity = ENTITIES[ch];
    if (entity) yield entity;
    else if (ch === '@') yield ch + JOINER;
    else if (ch === ':' && s.startsWith('//', i)) yield ch + JOINER;
    else if (mode === 'code') yield ch === '`' ? '' : ch;
    else if (ch === '.' && /[\p{L}\p{N}]/u.test(previous) && /\p{L}/u.test(s.charAt(i))) yield ch + JOINER;
    else if (mode === 'strong' || ch === '`') yield LOOK_ALIKES[ch] ?? ch;
    else yield ch;
    previous = ch;
  }
}

/**
 * Escapes untrusted text for Slack mrkdwn: `&`, `<`, `>` become entities, so no mention (`<!channel>`,
 * `<@U123>`) or link (`<https://x|y>`) can form, and an invisible word joiner keeps `@channel`, URL
 * schemes and domain names from turning into mentions or links; a backtick becomes the look-alike `ˋ` so
 * no code span can open. What people read is unchanged.
 *
 * @example
 * ```ts
 * escapeSlackText('<!channel> & @here'); // '&lt;!channel&gt; &amp; @\u2060here'
 * ```
 */
export function escapeSlackText(s: string): string {
  return [...slackPieces(s)].join('');
}

/**
 * The URL as Slack may carry it inside `<url|text>`, or `undefined` when it is not an http(s) URL.
 * `|`, `<`, `>` and spaces are percent-encoded and `&` becomes `&amp;`, so the URL cannot end the link early.
 */
export function safeSlackUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(sanitize(raw).trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/[|<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/&/g, '&amp;');
}
