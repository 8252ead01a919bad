import { describe, expect, it } from 'vitest';
import { discordFormatter, formatDiscordMessage } from '../../src/index.ts';
import { aPushNotification, code, HERALD_URL, link, text } from '@herald/testing/notifications';
import { limitViolations } from '../helpers/discord-payload.ts';

describe('formatDiscordMessage', () => {
  it('lays out a typical push as one embed with mentions suppressed', () => {
    // Prepare
    const notification = aPushNotification({ notices: ['commit details (AccessDeniedException)'] });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(payload).toEqual({
      embeds: [
        {
          title: 'alice pushed to main in app',
          url: HERALD_URL,
          color: 0x2eb67d,
          description: [
            `**Commit** **[0f3e2a1](${HERALD_URL})**`,
            'Fix login redirect',
            '- `src/login.ts`',
            '- `README.md`',
            '…and 3 more files',
            '',
            '⚠️ commit details \\(AccessDeniedException\\)',
          ].join('\n'),
          fields: [
            { name: 'Repository', value: 'app', inline: true },
            { name: 'Branch', value: '`main`', inline: true },
          ],
          footer: { text: 'eu-west-1 · 2024-05-01T10:00:00.000Z' },
          timestamp: '2024-05-01T10:00:00.000Z',
        },
      ],
      allowed_mentions: { parse: [] },
    });
    expect(limitViolations(payload)).toEqual([]);
  });

  it('survives a JSON round trip unchanged', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('leaves out the url of a title with no safe URL', () => {
    // Prepare
    const withoutUrl = aPushNotification({ url: undefined });
    const withUnsafeUrl = aPushNotification({ url: 'javascript:alert(1)' });

    // Act
    const embeds = [withoutUrl, withUnsafeUrl].map((n) => formatDiscordMessage(n).embeds[0]);

    // Assess
    for (const embed of embeds) {
      expect(embed).not.toHaveProperty('url');
      expect(embed?.title).toBe('alice pushed to main in app');
    }
  });

  it.each([
    ['#E01E5A', 'failure', 0xe01e5a],
    ['#ecb22e', 'warning', 0xecb22e],
    ['#000000', 'success', 0],
    ['#FFFFFF', 'success', 0xffffff],
    ['red', 'failure', 0xe01e5a],
    ['#12345', 'success', 0x2eb67d],
    ['', 'info', 0x36c5f0],
  ] as const)('turns colour %j (status %s) into %i', (color, status, expected) => {
    // Prepare
    const notification = aPushNotification({ color, status });

    // Act
    const embed = formatDiscordMessage(notification).embeds[0];

    // Assess
    expect(embed?.color).toBe(expected);
  });

  it.each([
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T12:00:00+02:00', '2024-05-01T10:00:00.000Z'],
    ['yesterday', undefined],
    [undefined, undefined],
  ])('writes timestamp %j as %j', (timestamp, expected) => {
    // Prepare
    const notification = aPushNotification({ timestamp });

    // Act
    const embed = formatDiscordMessage(notification).embeds[0];

    // Assess
    expect(embed?.timestamp).toBe(expected);
  });

  it('reads "N+ more" and counts sections left out before formatting', () => {
    // Prepare
    const notification = aPushNotification({
      sections: [{ lines: [], lists: [{ items: [[code('a.ts')]], omitted: 100, noun: 'files', omittedIsLowerBound: true }] }],
      omittedSections: { count: 3, noun: 'references' },
    });

    // Act
    const embed = formatDiscordMessage(notification).embeds[0];

    // Assess
    expect(embed?.description).toBe('- `a.ts`\n…and 100+ more files\n\n…and 3 more references');
  });

  it('writes the context as a plain footer, without markdown', () => {
    // Prepare
    const notification = aPushNotification({ context: [text('eu-west-1 · event '), code('e-1'), text(' · '), link('logs', HERALD_URL)] });

    // Act
    const embed = formatDiscordMessage(notification).embeds[0];

    // Assess
    expect(embed?.footer).toEqual({ text: 'eu-west-1 · event e-1 · logs' });
  });

  it('omits empty parts and blank fields, and never sends a blank name or value', () => {
    // Prepare
    const notification = aPushNotification({
      fields: [
        { label: ' ', value: [text('')], short: false },
        { label: '', value: [text('app')], short: true },
        { label: 'Branch', value: [code('``')], short: true },
      ],
      sections: [],
      context: [],
    });

    // Act
    const embed = formatDiscordMessage(notification).embeds[0];

    // Assess
    expect(embed).toEqual({
      title: 'alice pushed to main in app',
      url: HERALD_URL,
      color: 0x2eb67d,
      fields: [
        { name: '\u200b', value: 'app', inline: true },
        { name: 'Branch', value: '\u200b', inline: true },
      ],
      timestamp: '2024-05-01T10:00:00.000Z',
    });
  });

  it('falls back to the fallback text, then the event kind, for a blank title', () => {
    // Prepare
    const blankTitle = aPushNotification({ title: '\u0000 ' });
    const nothing = aPushNotification({ title: '', fallbackText: '' });

    // Act
    const first = formatDiscordMessage(blankTitle).embeds[0];
    const second = formatDiscordMessage(nothing).embeds[0];

    // Assess
    expect(first?.title).toBe('alice pushed 1 commit to app/main');
    expect(second?.title).toBe('codecommit.push');
  });
});

describe('discordFormatter', () => {
  it('is the discord target and formats like formatDiscordMessage', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = discordFormatter.format(notification);

    // Assess
    expect(discordFormatter.type).toBe('discord');
    expect(payload).toEqual(formatDiscordMessage(notification));
  });
});
