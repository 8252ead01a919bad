import fc from 'fast-check';
import { code, link, strong, text, type Inline, type Line, type Notification, type NotificationList, type NotificationSection } from '@herald/model';

export const HERALD_URL = 'https://herald.example/console/repositories/app/commit/0f3e2a1?region=eu-west-1';

/** Strings a repository, branch, commit message or file name may carry to attack a chat message. */
export const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '@channel',
  '<@U024BE7LH>',
  '<!subteam^S012345>',
  '<https://evil.example|click>',
  '[click](https://evil.example)',
  'https://evil.example',
  'www.evil.example.com',
  '*bold _italic ~strike `code',
  '&lt;already escaped&gt; &amp;',
  '"quoted" back\\slash \u0000\u0007\u001b\r\n\u2028',
  '\ud800lone\udfffsurrogates\ud83d',
] as const;

export { code, link, strong, text };

/** A typical CodeCommit push: two fields, a commit section with a file list that was already shortened. */
export function aPushNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    eventKind: 'codecommit.push',
    status: 'success',
    color: '#2EB67D',
    title: 'alice pushed to main in app',
    url: HERALD_URL,
    fallbackText: 'alice pushed 1 commit to app/main',
    fields: [
      { label: 'Repository', value: [text('app')], short: true },
      { label: 'Branch', value: [code('main')], short: true },
    ],
    sections: [
      {
        heading: [text('Commit '), link('0f3e2a1', HERALD_URL)],
        lines: [[text('Fix login redirect')]],
        lists: [{ items: [[code('src/login.ts')], [code('README.md')]], omitted: 3, noun: 'files' }],
      },
    ],
    notices: [],
    context: [text('eu-west-1 · 2024-05-01T10:00:00.000Z')],
    timestamp: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A notification with `value` in every string position. */
export function everywhere(value: string): Notification {
  const line: Line = [text(value), code(value), strong(value), link(value, HERALD_URL)];
  const list: NotificationList = { items: [line, [text(value)]], omitted: 2, noun: value };
  const section: NotificationSection = { heading: line, lines: [line], lists: [list] };
  return {
    eventKind: value,
    status: 'failure',
    color: value,
    title: value,
    url: HERALD_URL,
    fallbackText: value,
    fields: [{ label: value, value: line, short: false }],
    sections: [section],
    omittedSections: { count: 1, noun: value },
    notices: [value],
    context: line,
    timestamp: value,
  };
}

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }),
);
const anyUrl = fc.oneof(fc.webUrl(), anyString, fc.constant('javascript:alert(1)'));
const anyInline: fc.Arbitrary<Inline> = fc.oneof(
  anyString.map(text),
  anyString.map(code),
  anyString.map(strong),
  fc.tuple(anyString, anyUrl).map(([t, u]) => link(t, u)),
);
const anyLine = fc.array(anyInline, { maxLength: 4 });
const anyList: fc.Arbitrary<NotificationList> = fc.record(
  {
    items: fc.array(anyLine, { maxLength: 40 }),
    omitted: fc.nat({ max: 100_000 }),
    noun: anyString,
    omittedIsLowerBound: fc.boolean(),
  },
  { requiredKeys: ['items', 'omitted', 'noun'] },
);
const anySection: fc.Arbitrary<NotificationSection> = fc.record(
  { heading: anyLine, lines: fc.array(anyLine, { maxLength: 4 }), lists: fc.array(anyList, { maxLength: 3 }) },
  { requiredKeys: ['lines', 'lists'] },
);

/** Arbitrary notifications: any unicode (lone surrogates too) in every string, any sizes up to a few thousand. */
export const anyNotification: fc.Arbitrary<Notification> = fc.record(
  {
    eventKind: anyString,
    status: fc.constantFrom('success', 'failure', 'info', 'warning'),
    color: fc.oneof(anyString, fc.integer({ min: 0, max: 0xffffff }).map((c) => `#${c.toString(16).padStart(6, '0')}`)),
    title: anyString,
    url: anyUrl,
    fallbackText: anyString,
    fields: fc.array(fc.record({ label: anyString, value: anyLine, short: fc.boolean() }), { maxLength: 35 }),
    sections: fc.array(anySection, { maxLength: 60 }),
    omittedSections: fc.record({ count: fc.nat({ max: 1000 }), noun: anyString }),
    notices: fc.array(anyString, { maxLength: 12 }),
    context: anyLine,
    timestamp: fc.oneof(anyString, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  },
  { requiredKeys: ['eventKind', 'status', 'color', 'title', 'fallbackText', 'fields', 'sections', 'notices', 'context'] },
);

export const CONSOLE_URL = 'https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/app/browse?region=eu-west-1';
export const COMMIT_URL = 'https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/app/commit/0f3e2a1?region=eu-west-1';

/** A small CodeCommit push linking to the AWS console: one field, one commit with a shortened file list. */
export function aConsolePushNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    eventKind: 'codecommit.push',
    status: 'success',
    color: '#2EB67D',
    title: 'alice pushed to main in app',
    url: CONSOLE_URL,
    fallbackText: 'alice pushed 1 commit to app',
    fields: [{ label: 'Branch', value: [code('main')], short: true }],
    sections: [
      {
        heading: [text('Commit '), link('0f3e2a1', COMMIT_URL)],
        lines: [[strong('Fix login redirect')]],
        lists: [{ items: [[code('README')]], omitted: 3, noun: 'files' }],
      },
    ],
    notices: [],
    context: [text('eu-west-1')],
    ...overrides,
  };
}
