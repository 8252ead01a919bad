const cache = new Map<string, RegExp>();

/**
 * The glob syntax of routes and colours, as a RegExp: `**` matches anything, `*` anything but `/`, `?` one
 * character but `/`; everything else is literal. Small on purpose: it runs inside every Lambda bundle.
 */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** Whether `value` matches a glob such as `release/*` or `feature/**` (`*` stops at `/`). */
export function matchesGlob(value: string, pattern: string): boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = globToRegExp(pattern);
    cache.set(pattern, matcher);
  }
  return matcher.test(value);
}

export function matchesAnyGlob(value: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesGlob(value, pattern));
}
