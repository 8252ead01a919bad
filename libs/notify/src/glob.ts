import picomatch from 'picomatch';

const cache = new Map<string, (value: string) => boolean>();

/** Whether `value` matches a glob such as `release/*` or `feature/**` (`*` stops at `/`). */
export function matchesGlob(value: string, pattern: string): boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true, nonegate: false });
    cache.set(pattern, matcher);
  }
  return matcher(value);
}

export function matchesAnyGlob(value: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesGlob(value, pattern));
}
