const ANY_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;
const MIN_SECRET_FRAGMENT = 6;

/**
 * The scheme and host of a URL, safe to log: webhook URLs carry their secret in the path.
 *
 * @example
 * ```ts
 * redactUrl('https://hooks.slack.com/services/T000/B000/XXXX'); // 'https://hooks.slack.com/…'
 * ```
 */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return '[invalid URL]';
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/…`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fragmentsOf(url: string): string[] {
  const fragments = [url];
  if (URL.canParse(url)) {
    const parsed = new URL(url);
    fragments.push(parsed.href, parsed.origin, parsed.host, parsed.hostname);
    const parts = [parsed.pathname, parsed.search, ...parsed.pathname.split('/'), ...parsed.searchParams.values()];
    const decoded = parts.map(decodeURIComponentSafely);
    fragments.push(...[...parts, ...decoded].filter((part) => part.length >= MIN_SECRET_FRAGMENT));
  }
  return [...new Set(fragments.filter((fragment) => fragment !== ''))].sort((a, b) => b.length - a.length);
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Makes a text safe to show next to a webhook URL: removes every URL, and every part of `secretUrl` (host,
 * path, path segments, query values), then folds it onto one line.
 *
 * @example
 * ```ts
 * scrubUrl('connect ECONNREFUSED hooks.example.com:443', 'https://hooks.example.com/x/secret-token');
 * // 'connect ECONNREFUSED [redacted]:443'
 * ```
 */
export function scrubUrl(text: string, secretUrl: string): string {
  let scrubbed = text;
  for (const fragment of fragmentsOf(secretUrl)) {
    scrubbed = scrubbed.replace(new RegExp(escapeRegExp(fragment), 'gi'), '[redacted]');
  }
  return scrubbed.replace(ANY_URL, '[url]').replace(/\s+/g, ' ').trim();
}
