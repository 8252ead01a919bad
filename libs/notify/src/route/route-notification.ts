import type { DevEvent, Notification } from '@herald/model';
import type { HeraldConfig, RouteConfig } from '../config/herald-config.ts';
import { matchesAnyGlob } from '../glob.ts';

type EventSource = NonNullable<RouteConfig['match']['sources']>[number];

/** What routing rules can look at, for any event. */
interface RoutingFacts {
  source: EventSource;
  repositories: string[];
  branches: string[];
  tags: string[];
  pipelines: string[];
  deploymentGroups: string[];
  buildProjects: string[];
}

const BRANCH_PREFIX = 'refs/heads/';

function branchOf(reference: string | undefined): string[] {
  if (!reference) return [];
  return [reference.startsWith(BRANCH_PREFIX) ? reference.slice(BRANCH_PREFIX.length) : reference];
}

function factsOf(event: DevEvent): RoutingFacts {
  const none: Omit<RoutingFacts, 'source'> = {
    repositories: [],
    branches: [],
    tags: [],
    pipelines: [],
    deploymentGroups: [],
    buildProjects: [],
  };
  switch (event.kind) {
    case 'codecommit.push':
      return {
        ...none,
        source: 'codecommit',
        repositories: [event.repository],
        branches: event.references.filter((reference) => reference.kind === 'branch').map((reference) => reference.name),
        tags: event.references.filter((reference) => reference.kind === 'tag').map((reference) => reference.name),
      };
    case 'codecommit.pull-request':
      return {
        ...none,
        source: 'codecommit',
        repositories: [event.repository],
        branches: [...branchOf(event.destinationReference), ...branchOf(event.sourceReference)],
      };
    case 'codecommit.comment':
      return { ...none, source: 'codecommit', repositories: [event.repository] };
    case 'codedeploy.deployment':
    case 'codedeploy.instance':
      return {
        ...none,
        source: 'codedeploy',
        deploymentGroups: event.application && event.deploymentGroup ? [`${event.application}/${event.deploymentGroup}`] : [],
      };
    case 'codepipeline.execution':
    case 'codepipeline.approval':
      return { ...none, source: 'codepipeline', pipelines: [event.pipeline] };
    case 'codebuild.build':
      return { ...none, source: 'codebuild', buildProjects: [event.project] };
  }
}

function anyMatches(values: readonly string[], patterns: readonly string[] | undefined): boolean {
  return patterns === undefined || values.some((value) => matchesAnyGlob(value, patterns));
}

function routeMatches(route: RouteConfig, facts: RoutingFacts, notification: Notification): boolean {
  const { match } = route;
  if (match.sources && !match.sources.includes(facts.source)) return false;
  if (match.statuses && !match.statuses.includes(notification.status)) return false;
  if (!anyMatches(facts.repositories, match.repositories)) return false;
  if (!anyMatches(facts.pipelines, match.pipelines)) return false;
  if (!anyMatches(facts.deploymentGroups, match.deploymentGroups)) return false;
  if (!anyMatches(facts.buildProjects, match.buildProjects)) return false;
  // A push matches a branch or tag rule when any of its references does.
  if (match.branches || match.tags) {
    const branchHit = match.branches !== undefined && anyMatches(facts.branches, match.branches) && facts.branches.length > 0;
    const tagHit = match.tags !== undefined && anyMatches(facts.tags, match.tags) && facts.tags.length > 0;
    if (!branchHit && !tagHit) return false;
  }
  return true;
}

/** One target a notification goes to, with the mentions its routes opted into. */
export interface RoutedTarget {
  target: string;
  mentions: { kind: 'user' | 'group'; id: string }[];
}

/**
 * The targets that get this notification, each once, in config order, with the mentions of the matching
 * routes when the notification is a failure. With no routes configured every target gets everything.
 *
 * @example
 * routeNotification(event, notification, config); // [{ target: 'team-slack', mentions: [] }]
 */
export function routeNotification(event: DevEvent, notification: Notification, config: HeraldConfig): RoutedTarget[] {
  if (config.routes.length === 0) return Object.keys(config.targets).map((target) => ({ target, mentions: [] }));
  const facts = factsOf(event);
  const chosen = new Map<string, RoutedTarget['mentions']>();
  for (const route of config.routes) {
    if (!routeMatches(route, facts, notification)) continue;
    const mentions =
      notification.status === 'failure'
        ? (route.mentionOnFailure ?? []).map((mention) =>
            'user' in mention ? { kind: 'user' as const, id: mention.user } : { kind: 'group' as const, id: mention.group },
          )
        : [];
    for (const target of route.targets) {
      const known = chosen.get(target) ?? [];
      for (const mention of mentions) {
        if (!known.some((existing) => existing.kind === mention.kind && existing.id === mention.id)) known.push(mention);
      }
      chosen.set(target, known);
    }
  }
  return Object.keys(config.targets)
    .filter((target) => chosen.has(target))
    .map((target) => ({ target, mentions: chosen.get(target) ?? [] }));
}
