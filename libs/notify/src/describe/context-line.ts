import { text, type Line } from '@herald/model';
import { readableTime } from './wording.ts';

/**
 * The small print every notification ends with: the region, the event's time and any extra facts.
 *
 * @example
 * contextLine('eu-west-2', '2022-10-14T08:46:19Z', 'trigger send-deploy-events');
 * // [text('eu-west-2'), text(' · 2022-10-14 08:46 UTC'), text(' · trigger send-deploy-events')]
 */
export function contextLine(region: string, time: string | undefined, ...extras: (string | undefined)[]): Line {
  const line: Line = [text(region)];
  const when = readableTime(time);
  if (when) line.push(text(` · ${when}`));
  for (const extra of extras) if (extra) line.push(text(` · ${extra}`));
  return line;
}
