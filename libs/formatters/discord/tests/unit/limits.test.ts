import { describe, expect, it } from 'vitest';
import type { Notification, NotificationField, NotificationSection } from '@herald/model';
import { DISCORD_LIMITS, formatDiscordMessage } from '../../src/index.ts';
import { aPushNotification, code, strong, text } from '@herald/testing/notifications';
import { embedLength, limitViolations } from '../helpers/discord-payload.ts';

const manyFiles = (count: number): NotificationSection => ({
  heading: [text('Changed files')],
  lines: [],
  lists: [{ items: Array.from({ length: count }, (_, i) => [code(`src/module-${i}/index.ts`)]), omitted: 7, noun: 'files' }],
});

const manyFields = (count: number): NotificationField[] =>
  Array.from({ length: count }, (_, i) => ({ label: `Field ${i}`, value: [text(`value ${i}`)], short: true }));

const manySections = (count: number): NotificationSection[] =>
  Array.from({ length: count }, (_, i) => ({
    heading: [strong(`Reference ${i}`)],
    lines: [[text(`pointed to commit ${i} `.repeat(20))]],
    lists: [],
  }));

const countMatches = (t: string, pattern: RegExp): number => t.match(pattern)?.length ?? 0;

describe('formatDiscordMessage with huge input', () => {
  it('shows as many of 10,000 files as fit and counts the rest', () => {
    // Prepare
    const notification = aPushNotification({ sections: [manyFiles(10_000)] });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    const description = payload.embeds[0]?.description ?? '';
    const shown = countMatches(description, /^- /gm);
    expect(shown).toBeGreaterThan(50);
    expect(description).toContain(`…and ${10_000 - shown + 7} more files`);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('cuts a 100 KB line with …', () => {
    // Prepare
    const notification = aPushNotification({ sections: [{ lines: [[text('x'.repeat(100_000))]], lists: [] }] });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(payload.embeds[0]?.description).toMatch(/^x+…$/);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('keeps a 256-character heading whole and bold', () => {
    // Prepare
    const heading = 'H'.repeat(256);
    const notification = aPushNotification({ sections: [{ heading: [text(heading)], lines: [], lists: [] }] });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(payload.embeds[0]?.description).toBe(`**${heading}**`);
  });

  it('cuts a long title, escapes included, to 256 with …', () => {
    // Prepare
    const notification = aPushNotification({ title: '_'.repeat(1000) });

    // Act
    const title = formatDiscordMessage(notification).embeds[0]?.title;

    // Assess
    expect(title).toBe(`${'\\_'.repeat(127)}…`);
    expect(title?.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
  });

  it('shows the sections that fit out of 50 and counts the rest with the ones already omitted', () => {
    // Prepare
    const notification = aPushNotification({ sections: manySections(50), omittedSections: { count: 4, noun: 'references' } });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    const description = payload.embeds[0]?.description ?? '';
    const shown = countMatches(description, /^\*\*Reference \d+\*\*/gm);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(50);
    expect(description).toContain(`\n\n…and ${50 - shown + 4} more references`);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('shows 24 of 30 fields and says how many were left out in the 25th', () => {
    // Prepare
    const notification = aPushNotification({ fields: manyFields(30) });

    // Act
    const fields = formatDiscordMessage(notification).embeds[0]?.fields ?? [];

    // Assess
    expect(fields).toHaveLength(DISCORD_LIMITS.fields);
    expect(fields[23]).toEqual({ name: 'Field 23', value: 'value 23', inline: true });
    expect(fields[24]).toEqual({ name: '\u200b', value: '…and 6 more fields', inline: false });
  });

  it('counts the notices that do not fit', () => {
    // Prepare
    const notices = Array.from({ length: 200 }, (_, i) => `commit ${i} details (ThrottlingException)`);
    const notification = aPushNotification({ notices });

    // Act
    const description = formatDiscordMessage(notification).embeds[0]?.description ?? '';

    // Assess
    const shown = countMatches(description, /^⚠️ /gm);
    expect(description).toMatch(new RegExp(`\\n…and ${200 - shown} more notices$`));
  });

  it('holds every limit, the 6000 total included, with everything huge at once', () => {
    // Prepare
    const notification: Notification = aPushNotification({
      title: '*'.repeat(5000),
      fields: manyFields(30).map((f) => ({ ...f, label: '_'.repeat(3000), value: [text('['.repeat(5000))] })),
      sections: [manyFiles(10_000), { lines: [[text('y'.repeat(100_000))]], lists: [] }, ...manySections(50)],
      notices: Array.from({ length: 100 }, () => '('.repeat(500)),
      context: [text('@'.repeat(10_000))],
    });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(limitViolations(payload)).toEqual([]);
    expect(embedLength(payload.embeds[0] ?? {})).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    expect(payload.embeds[0]?.description).toMatch(/…and \d+ more sections/);
  });
});
