import { describe, expect, it } from 'vitest';
import { formatSlackMessage, slackFormatter } from '../../src/index.ts';
import { aPushNotification, code, HERALD_URL, link, text } from '@herald/testing/notifications';
import { limitViolations } from '../helpers/slack-payload.ts';

describe('formatSlackMessage', () => {
  it('lays out a typical push as text plus one coloured attachment of blocks', () => {
    // Prepare
    const notification = aPushNotification({ notices: ['commit details (AccessDeniedException)'] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(payload).toEqual({
      text: 'alice pushed 1 commit to app/main',
      attachments: [
        {
          color: '#2EB67D',
          fallback: 'alice pushed 1 commit to app/main',
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: `*<${HERALD_URL}|alice pushed to main in app>*` } },
            {
              type: 'section',
              fields: [
                { type: 'mrkdwn', text: '*Repository*\napp' },
                { type: 'mrkdwn', text: '*Branch*\n`main`' },
              ],
            },
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: `*Commit* *<${HERALD_URL}|0f3e2a1>*\nFix login redirect\n• \`src/login.ts\`\n• \`README.md\`\n…and 3 more files`,
              },
            },
            {
              type: 'section',
              text: { type: 'mrkdwn', text: ':warning: commit details (AccessDeniedException)' },
            },
            { type: 'context', elements: [{ type: 'mrkdwn', text: 'eu-west-1 · 2024-05-01T10:00:00.000Z' }] },
          ],
        },
      ],
    });
    expect(limitViolations(payload)).toEqual([]);
  });

  it('survives a JSON round trip unchanged', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('writes the title in bold without a link when there is no safe URL', () => {
    // Prepare
    const withoutUrl = aPushNotification({ url: undefined });
    const withUnsafeUrl = aPushNotification({ url: 'javascript:alert(1)' });

    // Act
    const titles = [withoutUrl, withUnsafeUrl].map((n) => formatSlackMessage(n).attachments[0].blocks[0]);

    // Assess
    for (const title of titles) {
      expect(title).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*alice pushed to main in app*' } });
    }
  });

  it('reads "N+ more" when the omitted count is a lower bound', () => {
    // Prepare
    const notification = aPushNotification({
      sections: [{ lines: [], lists: [{ items: [[code('a.ts')]], omitted: 100, noun: 'files', omittedIsLowerBound: true }] }],
    });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(JSON.stringify(payload)).toContain('• `a.ts`\\n…and 100+ more files');
  });

  it('says how many sections were left out before formatting', () => {
    // Prepare
    const notification = aPushNotification({ omittedSections: { count: 3, noun: 'references' } });

    // Act
    const blocks = formatSlackMessage(notification).attachments[0].blocks;

    // Assess
    expect(blocks).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: '…and 3 more references' } });
  });

  it('renders several notices as warning lines and omits empty parts', () => {
    // Prepare
    const notification = aPushNotification({
      fields: [],
      sections: [],
      context: [],
      notices: ['commit details (ThrottlingException)', 'changed files (AccessDeniedException)'],
    });

    // Act
    const blocks = formatSlackMessage(notification).attachments[0].blocks;

    // Assess
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: `*<${HERALD_URL}|alice pushed to main in app>*` } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: ':warning: commit details (ThrottlingException)\n:warning: changed files (AccessDeniedException)',
        },
      },
    ]);
  });

  it('renders the context line with its links and code', () => {
    // Prepare
    const notification = aPushNotification({ context: [text('eu-west-1 · event '), code('e-1'), text(' · '), link('logs', HERALD_URL)] });

    // Act
    const blocks = formatSlackMessage(notification).attachments[0].blocks;

    // Assess
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `eu-west-1 · event \`e-1\` · <${HERALD_URL}|logs>` }],
    });
  });

  it.each([
    ['#E01E5A', 'failure', '#E01E5A'],
    ['#ecb22e', 'warning', '#ecb22e'],
    ['red', 'failure', '#E01E5A'],
    ['#12345', 'success', '#2EB67D'],
    ['', 'info', '#36C5F0'],
  ] as const)('uses colour %j (status %s) as %s', (color, status, expected) => {
    // Prepare
    const notification = aPushNotification({ color, status });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(payload.attachments[0].color).toBe(expected);
  });

  it('falls back to the title, then the event kind, when texts are blank', () => {
    // Prepare
    const noFallback = aPushNotification({ fallbackText: ' ' });
    const nothing = aPushNotification({ fallbackText: '', title: '', url: undefined });

    // Act
    const first = formatSlackMessage(noFallback);
    const second = formatSlackMessage(nothing);

    // Assess
    expect(first.text).toBe('alice pushed to main in app');
    // The word joiner keeps Slack from reading `codecommit.push` as a domain to link.
    expect(second.text).toBe('codecommit.\u2060push');
    expect(second.attachments[0].blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*codecommit.\u2060push*' } });
  });
});

describe('slackFormatter', () => {
  it('is the slack target and formats like formatSlackMessage', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = slackFormatter.format(notification);

    // Assess
    expect(slackFormatter.type).toBe('slack');
    expect(payload).toEqual(formatSlackMessage(notification));
  });
});
