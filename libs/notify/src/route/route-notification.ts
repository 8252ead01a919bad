import type { DevEvent, Notification } from '@herald/model';
import type { HeraldConfig, RouteConfig } from '../config/herald-config.ts';
import { matchesAnyGlob } from '../glob.ts';

function sourceOf(event: DevEvent): 'codecommit' {
  return event.kind.split('.')[0] as 'codecommit';
}

function repositoriesOf(event: DevEvent): string[] {
  return [event.repository];
}

function referenceNames(event: DevEvent, kind: 'branch' | 'tag'): string[] {
  return event.references.filter((reference) => reference.kind === kind).map((reference) => reference.name);
}

function routeMatches(route: RouteConfig, event: DevEvent, notification: Notification): boolean {
  const { match } = route;
  if (match.sources && !match.sources.includes(sourceOf(event))) return false;
  if (match.statuses && !match.statuses.includes(notification.status)) return false;
  if (match.repositories && !repositoriesOf(event).some((name) => matchesAnyGlob(name, match.repositories ?? []))) {
    return false;
  }
  // A push matches a branch or tag rule when any of its references does.
  if (match.branches || match.tags) {
    const branchHit = match.branches && referenceNames(event, 'branch').some((name) => matchesAnyGlob(name, match.branches ?? []));
    const tagHit = match.tags && referenceNames(event, 'tag').some((name) => matchesAnyGlob(name, match.tags ?? []));
    if (!branchHit && !tagHit) return false;
  }
  return true;
}

/**
 * The names of the targets that get this notification, each once, in config order.
 * With no routes configured every target gets everything.
 *
 * @example
 * routeNotification(event, notification, config); // ['team-slack']
 */
export function routeNotification(event: DevEvent, notification: Notification, config: HeraldConfig): string[] {
  if (config.routes.length === 0) return Object.keys(config.targets);
  const chosen = new Set<string>();
  for (const route of config.routes) {
    if (routeMatches(route, event, notification)) route.targets.forEach((target) => chosen.add(target));
  }
  return Object.keys(config.targets).filter((name) => chosen.has(name));
}
