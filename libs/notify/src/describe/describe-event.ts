import type { DevEvent, Enrichment, Notification } from '@herald/model';
import type { HeraldConfig } from '../config/herald-config.ts';
import { describePush } from './describe-push.ts';

/** The chat-neutral notification for any DevEvent, with whatever enrichment could be fetched. */
export function describeEvent(event: DevEvent, enrichment: Enrichment | undefined, config: HeraldConfig): Notification {
  switch (event.kind) {
    case 'codecommit.push':
      return describePush(event, enrichment?.kind === 'codecommit.push' ? enrichment : undefined, config);
  }
}
