import type { CodeCommitPushEvent, Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { describePush, parseHeraldConfig, routeNotification } from '../../src/index.ts';

const push = (refs: Array<[kind: 'branch' | 'tag', name: string]>, repository = 'payments'): CodeCommitPushEvent => ({
  kind: 'codecommit.push',
  via: 'trigger',
  region: 'eu-west-1',
  repository,
  isTest: false,
  references: refs.map(([kind, name]) => ({
    kind,
    name,
    fullName: `refs/${kind === 'branch' ? 'heads' : 'tags'}/${name}`,
    change: 'updated',
    commitId: 'a'.repeat(40),
  })),
});

const config = parseHeraldConfig({
  targets: { releases: { type: 'slack' }, everything: { type: 'discord' }, payments: { type: 'slack' } },
  routes: [
    { targets: ['everything'] },
    { targets: ['releases'], match: { tags: ['v*'], branches: ['release/**'] } },
    { targets: ['payments', 'everything'], match: { repositories: ['pay*'], statuses: ['warning'] } },
  ],
});

const route = (event: CodeCommitPushEvent, status?: Notification['status']) => {
  const notification = describePush(event, undefined, config);
  return routeNotification(event, status ? { ...notification, status } : notification, config).map((routed) => routed.target);
};

describe('routeNotification', () => {
  it('sends everything to a route without rules', () => {
    expect(route(push([['branch', 'feature/x']]))).toEqual(['everything']);
  });

  it('matches a push when any of its references matches a branch or tag glob', () => {
    expect(route(push([['branch', 'feature/x'], ['tag', 'v1.2.0']]))).toEqual(['releases', 'everything']);
    expect(route(push([['branch', 'release/2024/q1']]))).toEqual(['releases', 'everything']);
  });

  it('combines repository and status rules, and lists each target once', () => {
    expect(route(push([['branch', 'main']]), 'warning')).toEqual(['everything', 'payments']);
    expect(route(push([['branch', 'main']], 'ledger'), 'warning')).toEqual(['everything']);
  });

  it('sends to every target when no routes are configured', () => {
    const open = parseHeraldConfig({ targets: { a: { type: 'slack' }, b: { type: 'discord' } } });
    const event = push([['branch', 'main']]);
    expect(routeNotification(event, describePush(event, undefined, open), open).map((routed) => routed.target)).toEqual(['a', 'b']);
  });
});
