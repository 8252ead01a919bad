/** Small wording helpers shared by every description. */

/** The 7-character id people recognise; ids that are not hex are shown as sent. */
export function shortCommitId(commitId: string): string {
  return /^[0-9a-f]{8,}$/i.test(commitId) ? commitId.slice(0, 7) : commitId;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** At most `maxLines` lines and `maxChars` characters, with a visible "…" when cut. */
export function truncateText(value: string, maxLines: number, maxChars: number): string {
  const lines = value.split(/\r?\n/);
  let result = lines.slice(0, maxLines).join('\n');
  let cut = lines.length > maxLines;
  if (result.length > maxChars) {
    result = Array.from(result).slice(0, maxChars).join('');
    cut = true;
  }
  return cut ? `${result.trimEnd()}\n…` : result;
}

/** `2017-01-11 20:49 UTC` from an ISO time. */
export function readableTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
