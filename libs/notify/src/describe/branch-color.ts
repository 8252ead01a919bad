import type { ReferenceUpdate } from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';
import { matchesGlob } from '../glob.ts';

/** The colour of the first branch that has one configured; otherwise the default colour. */
export function branchColor(references: readonly ReferenceUpdate[], colors: HeraldConfig['colors']): string {
  for (const reference of references) {
    if (reference.kind !== 'branch') continue;
    for (const [pattern, color] of Object.entries(colors.branches)) {
      if (matchesGlob(reference.name, pattern)) return color.toUpperCase();
    }
  }
  return colors.default.toUpperCase();
}
