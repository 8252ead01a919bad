import type { CodeCommitPushEvent, Inline, Line, Notification, PushEnrichment, ReferenceEnrichment } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { defaultHeraldConfig, describePush, parseHeraldConfig } from '../../src/index.ts';

const sha = (seed: string) => seed.repeat(40).slice(0, 40);

const basePush: CodeCommitPushEvent = {
  kind: 'codecommit.push',
  via: 'trigger',
  region: 'eu-central-1',
  account: '123456789012',
  repository: 'payments',
  isTest: false,
  time: '2021-02-08T10:03:08.862Z',
  actor: { arn: 'arn:aws:sts::1:assumed-role/Deployer/alice', name: 'alice', kind: 'assumed-role', role: 'Deployer' },
  references: [{ fullName: 'refs/heads/main', name: 'main', kind: 'branch', change: 'updated', commitId: sha('a1') }],
};

const refEnrichment = (overrides: Partial<ReferenceEnrichment> = {}): ReferenceEnrichment => ({
  fullName: 'refs/heads/main',
  commit: {
    commitId: sha('a1'),
    title: 'Fix rounding of refunds',
    body: 'Refunds were rounded down.\n\nNow they are rounded half-even.',
    author: { name: 'Mary Major', email: 'mary@example.com', date: '2017-01-11T20:49:58.000Z' },
    committer: { name: 'Mary Major', email: 'mary@example.com', date: '2017-01-11T20:49:58.000Z' },
    parents: [sha('b2')],
  },
  files: {
    files: [
      { path: 'src/refund.ts', change: 'modified' },
      { path: 'src/round.ts', change: 'added' },
    ],
    counts: { added: 1, modified: 1, deleted: 0 },
    total: 2,
    totalIsLowerBound: false,
    comparedWith: sha('b2'),
  },
  missing: [],
  ...overrides,
});

const enrich = (...references: ReferenceEnrichment[]): PushEnrichment => ({ kind: 'codecommit.push', references });

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const allText = (n: Notification) =>
  [
    n.title,
    ...n.fields.map((field) => `${field.label}: ${lineText(field.value)}`),
    ...n.sections.flatMap((section) => [
      section.heading ? lineText(section.heading) : '',
      ...section.lines.map(lineText),
      ...section.lists.flatMap((list) => list.items.map(lineText)),
    ]),
    ...n.notices,
    lineText(n.context),
  ].join('\n');
const links = (n: Notification) =>
  [...n.fields.flatMap((field) => field.value), ...n.sections.flatMap((s) => [...(s.heading ?? []), ...s.lines.flat()])]
    .filter((inline): inline is Extract<Inline, { type: 'link' }> => inline.type === 'link')
    .map((inline) => [inline.text, inline.url]);

describe('describePush', () => {
  it('says who pushed which commit to which branch, with its files', () => {
    // Act
    const notification = describePush(basePush, enrich(refEnrichment()), defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('[payments] alice pushed to main');
    expect(notification.fallbackText).toBe('[payments] alice pushed to main: a1a1a1a Fix rounding of refunds');
    expect(notification.color).toBe('#FF0000');
    expect(notification.status).toBe('info');
    const text = allText(notification);
    expect(text).toContain('Pushed by: alice (Deployer)');
    expect(text).toContain('Fix rounding of refunds');
    expect(text).toContain('Now they are rounded half-even.');
    expect(text).toContain('Author: Mary Major · 2017-01-11 20:49 UTC');
    expect(text).toContain('2 files changed: 1 added, 1 modified');
    expect(text).toContain('src/round.ts (added)');
    expect(text).toContain('eu-central-1 · 2021-02-08 10:03 UTC');
    expect(notification.timestamp).toBe('2021-02-08T10:03:08.862Z');
  });

  it('links the commit, branch and repository to the console of the event region', () => {
    // Act
    const notification = describePush(basePush, enrich(refEnrichment()), defaultHeraldConfig());

    // Assess
    expect(links(notification)).toEqual(
      expect.arrayContaining([
        ['payments', 'https://eu-central-1.console.aws.amazon.com/codesuite/codecommit/repositories/payments/browse?region=eu-central-1'],
        [
          'main',
          'https://eu-central-1.console.aws.amazon.com/codesuite/codecommit/repositories/payments/browse/refs%2Fheads%2Fmain?region=eu-central-1',
        ],
        [
          'a1a1a1a',
          `https://eu-central-1.console.aws.amazon.com/codesuite/codecommit/repositories/payments/commit/${sha('a1')}?region=eu-central-1`,
        ],
      ]),
    );
  });

  it.each([
    ['develop', '#FFE400'],
    ['master', '#FF0000'],
    ['main', '#FF0000'],
    ['feature/login', '#5F00FF'],
  ])('colours branch %s %s by default', (branch, color) => {
    const event = { ...basePush, references: [{ ...basePush.references[0]!, name: branch, fullName: `refs/heads/${branch}` }] };
    expect(describePush(event, undefined, defaultHeraldConfig()).color).toBe(color);
  });

  it('takes branch colours from config, first matching glob first', () => {
    const config = parseHeraldConfig({ targets: {}, colors: { branches: { 'release/*': '#00aa00' }, default: '#123456' } });
    const release = { ...basePush, references: [{ ...basePush.references[0]!, name: 'release/1.2', fullName: 'refs/heads/release/1.2' }] };
    expect(describePush(release, undefined, config).color).toBe('#00AA00');
    expect(describePush(basePush, undefined, config).color).toBe('#123456');
  });

  it('says what a deleted branch pointed to and fetches nothing for it', () => {
    // Prepare
    const event: CodeCommitPushEvent = {
      ...basePush,
      references: [{ fullName: 'refs/heads/old', name: 'old', kind: 'branch', change: 'deleted', commitId: sha('b7') }],
    };

    // Act
    const notification = describePush(event, enrich({ fullName: 'refs/heads/old', missing: [] }), defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('[payments] alice deleted branch old');
    expect(notification.status).toBe('warning');
    expect(allText(notification)).toContain('It pointed to b7b7b7b');
  });

  it('lists a capped file list with the count of the rest, and a lower bound when counting stopped', () => {
    // Prepare
    const files = Array.from({ length: 300 }, (_, i) => ({ path: `f${i}.txt`, change: 'added' as const }));
    const enrichment = refEnrichment({
      files: { files, counts: { added: 300, modified: 0, deleted: 0 }, total: 300, totalIsLowerBound: true, comparedWith: sha('b2') },
    });

    // Act
    const notification = describePush(basePush, enrich(enrichment), defaultHeraldConfig());

    // Assess
    const list = notification.sections[0]!.lists[0]!;
    expect(list.items).toHaveLength(20);
    expect(list).toMatchObject({ omitted: 280, noun: 'files', omittedIsLowerBound: true });
    expect(allText(notification)).toContain('300+ files changed: 300 added');
  });

  it('says a merge commit is a merge and a root commit is the first', () => {
    const merge = refEnrichment();
    merge.commit!.parents = [sha('c3'), sha('d4')];
    expect(allText(describePush(basePush, enrich(merge), defaultHeraldConfig()))).toContain(
      'Merge commit of 2 parents: c3c3c3c, d4d4d4d',
    );
    const root = refEnrichment();
    root.commit!.parents = [];
    delete root.files!.comparedWith;
    expect(allText(describePush(basePush, enrich(root), defaultHeraldConfig()))).toContain('2 files changed (first commit)');
  });

  it('still goes out when enrichment failed, saying what is missing', () => {
    // Act
    const notification = describePush(
      basePush,
      enrich({ fullName: 'refs/heads/main', missing: ['commit details: access denied (AccessDeniedException)'] }),
      defaultHeraldConfig(),
    );

    // Assess
    expect(notification.notices).toEqual(['main: could not fetch commit details: access denied (AccessDeniedException)']);
    expect(allText(notification)).toContain('Now at a1a1a1a');
  });

  it('summarises a push of many references', () => {
    // Prepare
    const references = Array.from({ length: 50 }, (_, i) => ({
      fullName: `refs/tags/v${i}`,
      name: `v${i}`,
      kind: 'tag' as const,
      change: 'created' as const,
      commitId: sha('e5'),
    }));

    // Act
    const notification = describePush({ ...basePush, references }, undefined, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('[payments] alice pushed 50 references');
    expect(notification.sections).toHaveLength(25);
    expect(notification.omittedSections).toEqual({ count: 25, noun: 'references' });
    expect(notification.color).toBe('#5F00FF');
  });

  it('marks the console test trigger and shows its custom data', () => {
    const notification = describePush({ ...basePush, isTest: true, customData: 'hello' }, undefined, defaultHeraldConfig());
    expect(notification.title).toBe('Test trigger: [payments] alice pushed to main');
    expect(allText(notification)).toContain('Trigger data: hello');
  });

  it('shortens a long commit body to ten lines with a visible ellipsis', () => {
    const long = refEnrichment();
    long.commit!.body = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const lines = describePush(basePush, enrich(long), defaultHeraldConfig()).sections[0]!.lines.map(lineText);
    expect(lines.slice(1, 12)).toEqual([...Array.from({ length: 10 }, (_, i) => `line ${i}`), '…']);
    expect(lines[12]).toMatch(/^Author: /);
  });
});
