/**
 * How a run of text is written: Markdown text, inside a bold span, or inside a link's `[label]`. Teams parses
 * every TextBlock as Markdown and its clients disagree on backslash escapes, so nothing here relies on them.
 */
export type TeamsTextMode = 'text' | 'strong' | 'label';

/** Invisible WORD JOINER: breaks a mention tag, a link, a URL scheme or a domain without changing what people read. */
const JOINER = '\u2060';
/** Followed by a joiner: `<at>`, `&lt;`, `@`, `](` and `\*` can then never form. */
const BROKEN_AFTER = new Set(['<', '&', '@', ']', '\\']);
/** Asterisks would open or close bold: the look-alike `∗` reads the same and never does. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { '*': '\u2217' };
/** Inside bold, underscores would open italics. */
const STRONG_LOOK_ALIKES: Readonly<Record<string, string>> = { _: '\u02cd' };
/** Inside `[label]`, brackets would end the label early: full-width ones keep the link whole. */
const LABEL_LOOK_ALIKES: Readonly<Record<string, string>> = { '[': '\uff3b', ']': '\uff3d' };

/** Removes what no payload should carry: line breaks and other control characters, lone surrogates. */
export function sanitize(s: string): string {
  return s.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * Yields the escaped form of each code point of `s`. Cutting between pieces never splits a surrogate pair or a
 * joiner from the character it protects.
 */
export function* teamsPieces(raw: string, mode: TeamsTextMode = 'text'): Generator<string> {
  const s = sanitize(raw);
  let previous = '';
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    i += ch.length;
    const inLabel = mode === 'label' ? LABEL_LOOK_ALIKES[ch] : undefined;
    const lookAlike = inLabel ?? (mode === 'text' ? undefined : STRONG_LOOK_ALIKES[ch]) ?? LOOK_ALIKES[ch];
    if (lookAlike) yield lookAlike;
    else if (BROKEN_AFTER.has(ch)) yield ch + JOINER;
    else if (ch === ':' && s.startsWith('//', i)) yield ch + JOINER;
    else if (ch === '.' && /[\p{L}\p{N}]/u.test(previous) && /\p{L}/u.test(s.charAt(i))) yield ch + JOINER;
    else yield ch;
    previous = ch;
  }
}

/**
 * Escapes untrusted text for an Adaptive Card TextBlock in Teams: an invisible word joiner after `<`, `&`, `@`,
 * `]` and `\`, inside `://` and after a domain's dots keeps `<at>…</at>` mentions, `[text](url)` links, HTML,
 * URLs and bare domains from forming; `*` becomes the look-alike `∗` so no bold can open. What people read is
 * unchanged.
 *
 * @example
 * ```ts
 * escapeTeamsText('<at>Alice</at> [x](https://e.example)');
 * // '<\u2060at>Alice<\u2060/at> [x]\u2060(https:\u2060//e.\u2060example)'
 * ```
 */
export function escapeTeamsText(s: string): string {
  return [...teamsPieces(s)].join('');
}

/**
 * The URL as a Markdown link or an `Action.OpenUrl` may carry it, or `undefined` when it is not an http(s) URL.
 * Parentheses, brackets, angle brackets and spaces are percent-encoded so the URL cannot end a link early.
 */
export function safeTeamsUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(sanitize(raw).trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/[()[\]<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
