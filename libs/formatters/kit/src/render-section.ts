import type { Line, NotificationSection } from '@herald/model';
import { ELLIPSIS, moreLine } from './budget.ts';

/** How one chat product writes the lines of a section. */
export interface SectionStyle {
  heading(line: Line, max: number): string;
  line(line: Line, max: number): string;
  /** Written before each list item. */
  bullet: string;
  /** Longest single line; a longer one is cut. */
  lineMax: number;
}

const NOTE_MAX = 120;
const MIN_CUT = 20;

/**
 * Renders a section as lines joined by `\n`, in at most `max` code units. When it does not fit, a text line
 * is cut with `…` (or a `…` line stands for the dropped ones), and every list that lost items ends with
 * `…and N more <noun>` counting the dropped items plus the ones already omitted.
 */
export function renderSectionText(section: NotificationSection, max: number, style: SectionStyle): string {
  const out: string[] = [];
  let used = 0;
  const cost = (s: string): number => (out.length > 0 ? 1 : 0) + s.length;
  const push = (s: string): void => {
    used += cost(s);
    out.push(s);
  };
  const notes = (fromList: number, fromItem: number): string[] =>
    section.lists.slice(fromList).flatMap((list, k) => {
      const count = list.items.length - (k === 0 ? fromItem : 0) + list.omitted;
      return count > 0 ? [style.line(moreLine(count, list.noun, list.omittedIsLowerBound), NOTE_MAX)] : [];
    });
  const size = (lines: readonly string[]): number => lines.reduce((n, l) => n + 1 + l.length, 0);

  const heading = section.heading;
  const texts = [
    ...(heading ? [(m: number) => style.heading(heading, m)] : []),
    ...section.lines.map((line) => (m: number) => style.line(line, m)),
  ];
  const tail = size(notes(0, 0));
  for (const [k, render] of texts.entries()) {
    const full = render(style.lineMax);
    const more = k < texts.length - 1 ? 1 + ELLIPSIS.length : 0;
    if (used + cost(full) + more + tail <= max) {
      push(full);
      continue;
    }
    const room = max - used - (out.length > 0 ? 1 : 0) - tail;
    const cut = Math.min(room, full.length - 1);
    if (cut >= 1) push(render(cut));
    else if (room >= ELLIPSIS.length) push(ELLIPSIS);
    notes(0, 0).forEach(push);
    return clamp(out, max);
  }

  for (const [l, list] of section.lists.entries()) {
    for (const [j, item] of list.items.entries()) {
      const s = style.bullet + style.line(item, style.lineMax - style.bullet.length);
      const rest = size(notes(l, j + 1));
      if (used + cost(s) + rest > max) {
        // Items are dropped whole, but a list is not left empty because its first item is long.
        const room = max - used - (out.length > 0 ? 1 : 0) - rest - style.bullet.length;
        if (j === 0 && room >= MIN_CUT) {
          push(style.bullet + style.line(item, room));
          notes(l, 1).forEach(push);
        } else notes(l, j).forEach(push);
        return clamp(out, max);
      }
      push(s);
    }
    if (list.omitted > 0) push(style.line(moreLine(list.omitted, list.noun, list.omittedIsLowerBound), NOTE_MAX));
  }
  return clamp(out, max);
}

/** Only reached when even the notes do not fit: whole lines are dropped from the end. */
function clamp(lines: string[], max: number): string {
  let text = lines.join('\n');
  while (text.length > max && lines.length > 0) {
    lines.pop();
    text = lines.join('\n');
  }
  return text;
}
