/**
 * Where a run of text goes: card text in Google Chat's HTML subset, plain card text (the header, button labels),
 * or the message `text` with its own syntax (`<url|label>` links, `<users/…>` mentions, `*bold*`).
 */
export type GoogleChatTextMode = 'html' | 'plain' | 'message';

/** Invisible WORD JOINER: breaks a tag, a mention, a URL scheme or a domain without changing what people read. */
const JOINER = '\u2060';
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Removes what no payload should carry: line breaks and other control characters, lone surrogates. */
export function sanitize(s: string): string {
  return s.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * Yields the escaped form of each code point of `s`. Cutting between pieces never splits an entity, a surrogate
 * pair or a joiner from the character it protects.
 */
export function* googleChatPieces(raw: string, mode: GoogleChatTextMode = 'html'): Generator<string> {
  const s = sanitize(raw);
  let previous = '';
  for (let i = 0; i < s.length; ) {
    const ch = String.fromCodePoint(s.codePointAt(i) ?? 0);
    i += ch.length;
    const entity = mode === 'html' ? ENTITIES[ch] : undefined;
    if (entity) yield entity;
    else if (ch === '@' || (mode !== 'html' && (ch === '<' || ch === '&'))) yield ch + JOINER;
    else if (ch === ':' && s.startsWith('//', i)) yield ch + JOINER;
    else if (ch === '.' && /[\p{L}\p{N}]/u.test(previous) && /\p{L}/u.test(s.charAt(i))) yield ch + JOINER;
    else yield ch;
    previous = ch;
  }
}

/**
 * Escapes untrusted text for Google Chat card text: `&`, `<` and `>` become entities, so no `<a href>`, other
 * tag or `<users/…>` mention can form, and an invisible word joiner after `@`, inside `://` and after a
 * domain's dots keeps addresses, URLs and bare domains from turning into links. What people read is unchanged.
 *
 * @example
 * ```ts
 * escapeGoogleChatHtml('<a href="https://e.example">x</a>'); // '&lt;a href="https:\u2060//e.\u2060example"&gt;x&lt;/a&gt;'
 * ```
 */
export function escapeGoogleChatHtml(s: string): string {
  return [...googleChatPieces(s, 'html')].join('');
}

/**
 * Escapes untrusted text for the message `text`: an invisible word joiner after `<`, `&` and `@`, inside `://` and
 * after a domain's dots keeps `<users/all>` mentions, `<url|label>` links, URLs and bare domains from forming.
 *
 * @example
 * ```ts
 * escapeGoogleChatText('<users/all> see https://e.example'); // '<\u2060users/all> see https:\u2060//e.\u2060example'
 * ```
 */
export function escapeGoogleChatText(s: string): string {
  return [...googleChatPieces(s, 'message')].join('');
}

/**
 * The URL as a button or a link may carry it, or `undefined` when it is not an http(s) URL. Quotes, angle
 * brackets and spaces are percent-encoded so the URL cannot leave an `href` attribute.
 */
export function safeGoogleChatUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(sanitize(raw).trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.replace(/["'<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
