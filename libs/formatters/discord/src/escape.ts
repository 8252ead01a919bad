/**
 * How a run of text is written: Discord markdown text, inside a code span (where backslashes stay
 * literal), or plain text where no markdown is rendered (the footer).
 */
export type DiscordTextMode = 'text' | 'code' | 'plain';

/** Invisible WORD JOINER: breaks a mention or a URL scheme without changing what people read. */
const JOINER = '\u2060';
const MARKDOWN = new Set(['\\', '*', '_', '~', '|', '`', '>', '#', '-', '[', ']', '(', ')']);

/** Removes what no payload should carry: line breaks and other control characters, lone surrogates. */
export function sanitize(s: string): string {
  return s.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * Yields the escaped form of each code point of `s`. Cutting between pieces never splits an escape, a
 * surrogate pair or a joiner from the character it protects.
 */
export function* discordPieces(raw: string, mode: DiscordTextMode = 'text'): Generator<string> {
  const s = sanitize(raw);
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    i += ch.length;
    if (ch === '@' || ch === '<' || (ch === ':' && s.startsWith('//', i))) yield ch + JOINER;
    else if (mode === 'code') yield ch === '`' ? '' : ch;
    else if (mode === 'text' && MARKDOWN.has(ch)) yield `\\${ch}`;
    else yield ch;
  }
}

/**
 * Escapes untrusted text for Discord markdown: markdown characters get a backslash, and an invisible word
 * joiner keeps `@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`, `</command:id>` and `http(s)://` from
 * forming mentions or links. What people read is unchanged.
 *
 * @example
 * ```ts
 * escapeDiscordText('@everyone [x](https://e.example)');
 * // '@\u2060everyone \\[x\\]\\(https:\u2060//e.example\\)'
 * ```
 */
export function escapeDiscordText(s: string): string {
  return [...discordPieces(s)].join('');
}

/**
 * The URL as Discord may carry it in `[text](url)` or an embed's `url`, or `undefined` when it is not an
 * http(s) URL. Parentheses, angle brackets and spaces are percent-encoded so the URL cannot end the link early.
 */
export function safeDiscordUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(sanitize(raw).trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
