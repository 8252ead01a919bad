import { Buffer } from 'node:buffer';
import {
  code,
  link,
  strong,
  text,
  type ChatFormatter,
  type Inline,
  type Line,
  type Notification,
  type NotificationField,
  type NotificationSection,
} from '@herald/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * What a chat target promises about every payload it formats, for {@link describeChatTargetContract}. Each
 * formatter library exports one next to its documented limits, as a plain object of this shape (its source does
 * not depend on this testing library).
 *
 * @example
 * ```ts
 * export const teamsPayloadLimits = {
 *   maxBodyBytes: 20_000,
 *   check: teamsPayloadProblems,
 *   unsafePatterns: [/<at\b/i, /\]\(/] as readonly RegExp[],
 *   linksBareDomains: true,
 * };
 * ```
 */
export interface ChatTargetLimits<Payload = unknown> {
  /** Largest JSON body, in UTF-8 bytes, the formatter ever produces (at or below the product's maximum). */
  readonly maxBodyBytes: number;
  /** Every documented limit (or ceiling the formatter keeps) the payload breaks, as readable lines; empty: acceptable. */
  check(payload: Payload): string[];
  /**
   * Syntax the product turns into a mention or a link. None may match the serialized payload of a notification
   * made of hostile text (which carries no link and asks for no mention).
   */
  readonly unsafePatterns: readonly RegExp[];
  /** Whether the product turns a bare domain (`evil.example`) into a link, so hostile domains must reach it broken. */
  readonly linksBareDomains: boolean;
  /**
   * The payload as the product reads it for mentions and links, serialized; defaults to the JSON body. A product
   * that shows code spans literally blanks them out here, so text shown as code is not taken for markup.
   */
  markup?(payload: Payload): string;
}

/** The only link target of the representative notifications: a console page, as Herald links to. */
export const CONTRACT_LINK_URL =
  'https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/app/commit/0f3e2a1?region=eu-west-1';

/** The host hostile text points at; a payload may only carry it broken (no scheme, and no linkable domain where that matters). */
const HOSTILE_HOST = 'evil.example';

/** What a repository, branch, commit message, file name or user name may carry to attack a chat message. */
export const HOSTILE_TEXTS: readonly string[] = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '@channel',
  '@all',
  '<@U024BE7LH>',
  '<@&1234>',
  '<#5678>',
  '</deploy:1>',
  '<!subteam^S012345>',
  '<at>Alice</at>',
  '<at id="0">Alice</at>',
  '<users/all>',
  '<users/123456789012345678901>',
  `<https://${HOSTILE_HOST}|click>`,
  `[click](https://${HOSTILE_HOST})`,
  `[click]( https://${HOSTILE_HOST} "title")`,
  `<a href="https://${HOSTILE_HOST}">click</a>`,
  `https://${HOSTILE_HOST}/path?q=1`,
  `www.${HOSTILE_HOST}.com`,
  `mail bob@${HOSTILE_HOST}`,
  '*bold* **bolder** _italic_ ~strike~ `code` ||spoiler||',
  '# heading\n> quote\n- item',
  '&lt;already escaped&gt; &amp; &#60;at&#62;',
  '"quoted" \'single\' back\\slash \u0000\u0007\u001b\r\n\u2028\u0085',
  '\ud800lone\udfffsurrogates\ud83d',
  '</script><script>alert(1)</script>',
];


/** A typical CodeCommit push: two fields, one commit with a file list that was already shortened. */
function typicalPush(overrides: Partial<Notification> = {}): Notification {
  return {
    eventKind: 'codecommit.push',
    status: 'success',
    color: '#2EB67D',
    title: 'alice pushed to main in app',
    url: CONTRACT_LINK_URL,
    fallbackText: 'alice pushed 1 commit to app main',
    fields: [
      { label: 'Repository', value: [text('app')], short: true },
      { label: 'Branch', value: [code('main')], short: true },
    ],
    sections: [
      {
        heading: [text('Commit '), link('0f3e2a1', CONTRACT_LINK_URL)],
        lines: [[strong('Fix login redirect')]],
        lists: [{ items: [[code('src/login.ts')], [code('README.md')]], omitted: 3, noun: 'files' }],
      },
    ],
    notices: [],
    context: [text('eu-west-1 · 2024-05-01T10:00:00.000Z')],
    timestamp: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

const NOTICES = [
  'Commit details could not be fetched: AccessDeniedException',
  'Changed files could not be listed: ThrottlingException',
];

function failureWithNotices(): Notification {
  return typicalPush({ status: 'failure', color: '#E01E5A', title: 'Deployment failed in app', notices: NOTICES });
}

const ITEMS = 10_000;
const ITEMS_OMITTED = 7;

function manyItems(): Notification {
  const items = Array.from({ length: ITEMS }, (_, i): Line => [code(`src/module${String(i).padStart(5, '0')}/index.ts`)]);
  const list = { items, omitted: ITEMS_OMITTED, noun: 'files' };
  return typicalPush({ sections: [{ heading: [text('Changed files')], lines: [], lists: [list] }] });
}

function hugeLine(): Notification {
  return typicalPush({ sections: [{ lines: [[text('x'.repeat(100_000))]], lists: [] }] });
}

const HEADING = 'H'.repeat(256);

function longHeading(): Notification {
  return typicalPush({ sections: [{ heading: [text(HEADING)], lines: [[text('one line')]], lists: [] }] });
}

const SECTIONS = 50;
const SECTIONS_OMITTED = 4;

function manySections(): Notification {
  const sections = Array.from({ length: SECTIONS }, (_, i): NotificationSection => ({
    heading: [strong(`Reference ${String(i).padStart(2, '0')}`)],
    lines: [[text(`pointed to commit ${i} `.repeat(20))]],
    lists: [],
  }));
  return typicalPush({ sections, omittedSections: { count: SECTIONS_OMITTED, noun: 'references' } });
}

function everythingHuge(): Notification {
  const field: NotificationField = { label: '@'.repeat(3000), value: [text('>'.repeat(5000))], short: true };
  const fields = Array.from({ length: 30 }, () => field);
  return typicalPush({
    title: '&'.repeat(5000),
    fallbackText: '<'.repeat(100_000),
    fields,
    sections: [...manyItems().sections, ...hugeLine().sections, ...manySections().sections],
    notices: Array.from({ length: 100 }, () => '漢'.repeat(500)),
    context: [text('"'.repeat(10_000))],
  });
}

function blanks(): Notification {
  return {
    eventKind: '',
    status: 'info',
    color: '',
    title: ' ',
    fallbackText: '',
    fields: [{ label: '', value: [], short: true }],
    sections: [{ heading: [], lines: [[]], lists: [{ items: [[]], omitted: 0, noun: '' }] }],
    notices: [''],
    context: [],
  };
}

/** `value` in every string position; its only link goes nowhere a chat product accepts, so it must not link. */
function hostileEverywhere(value: string): Notification {
  const line: Line = [text(value), code(value), strong(value), link(value, 'javascript:alert(1)')];
  return {
    eventKind: value,
    status: 'failure',
    color: value,
    title: value,
    fallbackText: value,
    fields: [{ label: value, value: line, short: false }],
    sections: [{ heading: line, lines: [line], lists: [{ items: [line, [text(value)]], omitted: 2, noun: value }] }],
    omittedSections: { count: 1, noun: value },
    notices: [value],
    context: line,
    timestamp: value,
  };
}

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }),
);
const anyInline: fc.Arbitrary<Inline> = fc.oneof(
  anyString.map(text),
  anyString.map(code),
  anyString.map(strong),
  fc.tuple(anyString, fc.oneof(fc.webUrl(), anyString)).map(([label, url]) => link(label, url)),
);
const anyLine = fc.array(anyInline, { maxLength: 4 });
const anySection: fc.Arbitrary<NotificationSection> = fc.record(
  {
    heading: anyLine,
    lines: fc.array(anyLine, { maxLength: 4 }),
    lists: fc.array(
      fc.record({
        items: fc.array(anyLine, { maxLength: 40 }),
        omitted: fc.nat({ max: 100_000 }),
        noun: anyString,
        omittedIsLowerBound: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['lines', 'lists'] },
);

/** Any notification: any Unicode (lone surrogates too) in every string, any sizes up to a few thousand. */
const anyNotification: fc.Arbitrary<Notification> = fc.record(
  {
    eventKind: anyString,
    status: fc.constantFrom('success', 'failure', 'info', 'warning'),
    color: anyString,
    title: anyString,
    url: fc.oneof(fc.webUrl(), anyString),
    fallbackText: anyString,
    fields: fc.array(fc.record({ label: anyString, value: anyLine, short: fc.boolean() }), { maxLength: 35 }),
    sections: fc.array(anySection, { maxLength: 60 }),
    omittedSections: fc.record({ count: fc.nat({ max: 1000 }), noun: anyString }),
    notices: fc.array(anyString, { maxLength: 12 }),
    context: anyLine,
    timestamp: anyString,
  },
  { requiredKeys: ['eventKind', 'status', 'color', 'title', 'fallbackText', 'fields', 'sections', 'notices', 'context'] },
);

/**
 * The representative notifications every target renders: what the pipeline produces for a push, a failure,
 * and the extremes its limits must survive.
 *
 * @example
 * ```ts
 * for (const [name, notification] of contractNotifications()) console.log(name, formatter.format(notification));
 * ```
 */
export function contractNotifications(): [string, Notification][] {
  return [
    ['a typical push', typicalPush()],
    ['a failure with notices', failureWithNotices()],
    ['a 10,000-item list', manyItems()],
    ['a 100 KB line', hugeLine()],
    ['a 256-character heading', longHeading()],
    ['50 sections', manySections()],
    ['everything huge at once', everythingHuge()],
    ['nothing but blanks', blanks()],
    ...HOSTILE_TEXTS.map((value): [string, Notification] => [
      `hostile text ${JSON.stringify(value)} everywhere`,
      hostileEverywhere(value),
    ]),
  ];
}

function serialize(payload: unknown): string {
  return JSON.stringify(payload) ?? '';
}

/** Counts distinct matches of the first group of `pattern`. */
function distinct(body: string, pattern: RegExp): number {
  return new Set([...body.matchAll(pattern)].map((match) => match[1])).size;
}

function moreCount(body: string, noun: string): number | undefined {
  const match = new RegExp(`…and (\\d+)\\+? more ${noun}`).exec(body);
  return match ? Number(match[1]) : undefined;
}

/**
 * Declares the vitest suite every chat target passes: each representative notification renders within the
 * target's limits and its byte budget, as JSON that round-trips; hostile text never mentions anyone nor forms
 * a link; what is cut or left out is said ("…", "…and N more"); formatting is pure.
 *
 * @example
 * ```ts
 * import { describeChatTargetContract } from '@herald/testing';
 * import { teamsFormatter, teamsPayloadLimits } from '../../src/index.ts';
 *
 * describeChatTargetContract(teamsFormatter, teamsPayloadLimits);
 * ```
 */
export function describeChatTargetContract<Payload>(formatter: ChatFormatter<Payload>, limits: ChatTargetLimits<Payload>): void {
  const render = (notification: Notification): string => serialize(formatter.format(notification));
  const markup = (payload: Payload): string => (limits.markup ? limits.markup(payload) : serialize(payload));

  describe(`the ${formatter.type} chat target contract`, () => {
    it.each(contractNotifications())('renders %s within its limits, as JSON that round-trips', (_, notification) => {
      // Act
      const payload = formatter.format(notification);

      // Assess
      const body = serialize(payload);
      expect(limits.check(payload)).toEqual([]);
      expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(limits.maxBodyBytes);
      expect(JSON.parse(body)).toEqual(payload);
      expect(body, 'no control character or lone surrogate').not.toMatch(/\\u00[0-9a-f]{2}|\\ud[89a-f][0-9a-f]{2}/i);
    });

    it('stays within its limits for any notification', () => {
      // Prepare
      const property = fc.property(anyNotification, (notification) => {
        // Act
        const payload = formatter.format(notification);

        // Assess
        expect(limits.check(payload)).toEqual([]);
        expect(Buffer.byteLength(serialize(payload), 'utf8')).toBeLessThanOrEqual(limits.maxBodyBytes);
      });

      // Act + Assess
      fc.assert(property, { numRuns: Number(process.env['HERALD_CONTRACT_RUNS'] ?? 40) });
    }, 60_000);

    it.each(HOSTILE_TEXTS)('keeps %j in every position from mentioning anyone or forming a link', (value) => {
      // Prepare
      const notification = hostileEverywhere(value);

      // Act
      const payload = formatter.format(notification);

      // Assess
      const body = serialize(payload);
      const read = markup(payload);
      for (const pattern of limits.unsafePatterns) expect(read, `matches ${pattern}`).not.toMatch(pattern);
      expect(body).not.toMatch(new RegExp(`://${HOSTILE_HOST.replace('.', '\\.')}`));
      expect(body).not.toMatch(/javascript:alert/);
      if (limits.linksBareDomains) expect(read).not.toContain(HOSTILE_HOST);
    });

    it('shows a typical push: title, fields, commit, files, the link, and the files left out', () => {
      // Prepare
      const notification = typicalPush();

      // Act
      const body = render(notification);

      // Assess
      for (const shown of ['alice pushed to main in app', 'Repository', 'Fix login redirect', 'login', 'README', CONTRACT_LINK_URL]) {
        expect(body).toContain(shown);
      }
      expect(moreCount(body, 'files')).toBe(3);
    });

    it('shows every notice of a failure', () => {
      // Prepare
      const notification = failureWithNotices();

      // Act
      const body = render(notification);

      // Assess
      for (const notice of NOTICES) expect(body).toContain(notice);
    });

    it('shows as many of 10,000 items as fit and counts the rest', () => {
      // Prepare
      const notification = manyItems();

      // Act
      const body = render(notification);

      // Assess
      const shown = distinct(body, /module(\d{5})/g);
      expect(shown).toBeGreaterThanOrEqual(10);
      expect(moreCount(body, 'files')).toBe(ITEMS - shown + ITEMS_OMITTED);
    });

    it('cuts a 100 KB line visibly', () => {
      // Prepare
      const notification = hugeLine();

      // Act
      const body = render(notification);

      // Assess
      expect(body).toMatch(/x{20,}…/);
      expect(body).not.toContain('x'.repeat(50_000));
    });

    it('keeps a 256-character heading whole', () => {
      // Prepare
      const notification = longHeading();

      // Act
      const body = render(notification);

      // Assess
      expect(body).toContain(HEADING);
    });

    it('shows the sections that fit out of 50 and counts the rest with the ones already left out', () => {
      // Prepare
      const notification = manySections();

      // Act
      const body = render(notification);

      // Assess
      const shown = distinct(body, /Reference (\d\d)/g);
      expect(shown).toBeGreaterThanOrEqual(1);
      expect(moreCount(body, 'references')).toBe(SECTIONS - shown + SECTIONS_OMITTED);
    });

    it('formats the same notification the same way, without changing it, with or without an empty mention list', () => {
      // Prepare
      const notification = failureWithNotices();
      const before = structuredClone(notification);

      // Act
      const first = formatter.format(notification);
      const again = formatter.format(notification, { mentions: [] });

      // Assess
      expect(again).toEqual(first);
      expect(notification).toEqual(before);
    });
  });
}
