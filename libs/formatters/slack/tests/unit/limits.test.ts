import { describe, expect, it } from 'vitest';
import type { Notification, NotificationField, NotificationSection } from '@herald/model';
import { formatSlackMessage, SLACK_LIMITS } from '../../src/index.ts';
import { aPushNotification, code, strong, text } from '@herald/testing/notifications';
import { blockTexts, limitViolations } from '../helpers/slack-payload.ts';

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

const countMatches = (texts: readonly string[], pattern: RegExp): number =>
  texts.reduce((n, t) => n + (t.match(pattern)?.length ?? 0), 0);

describe('formatSlackMessage with huge input', () => {
  it('shows as many of 10,000 files as fit and counts the rest', () => {
    // Prepare
    const notification = aPushNotification({ sections: [manyFiles(10_000)] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    const texts = blockTexts(payload);
    const shown = countMatches(texts, /^• /gm);
    expect(shown).toBeGreaterThan(100);
    expect(texts.join('\n')).toContain(`…and ${10_000 - shown + 7} more files`);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('cuts a 100 KB line with … and keeps the section within its limit', () => {
    // Prepare
    const notification = aPushNotification({ sections: [{ lines: [[text('x'.repeat(100_000))]], lists: [] }] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    const line = blockTexts(payload).find((t) => t.startsWith('xxx'));
    expect(line).toMatch(/^x+…$/);
    expect(line?.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('keeps a 256-character heading whole and bold', () => {
    // Prepare
    const heading = 'H'.repeat(256);
    const notification = aPushNotification({ sections: [{ heading: [text(heading)], lines: [], lists: [] }] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(blockTexts(payload)).toContain(`*${heading}*`);
  });

  it('cuts a long title to the header length with …', () => {
    // Prepare
    const notification = aPushNotification({ title: 'T'.repeat(1000), url: undefined });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(blockTexts(payload)[0]).toBe(`*${'T'.repeat(SLACK_LIMITS.headerText - 1)}*…`);
  });

  it('shows the sections that fit out of 50 and counts the rest with the ones already omitted', () => {
    // Prepare
    const notification = aPushNotification({ sections: manySections(50), omittedSections: { count: 4, noun: 'references' } });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    const texts = blockTexts(payload);
    const shown = countMatches(texts, /^\*Reference \d+\*/gm);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(50);
    expect(texts).toContain(`…and ${50 - shown + 4} more references`);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('keeps to 50 blocks with 100 small sections', () => {
    // Prepare
    const sections = Array.from({ length: 100 }, (_, i): NotificationSection => ({ heading: [text(`Tag v${i}`)], lines: [], lists: [] }));
    const notification = aPushNotification({ sections, notices: ['commit details (ThrottlingException)'] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    const texts = blockTexts(payload);
    const shown = countMatches(texts, /^\*Tag v\d+\*$/gm);
    expect(payload.attachments[0].blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(texts).toContain(`…and ${100 - shown} more sections`);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('shows 10 of 30 fields and says how many were left out', () => {
    // Prepare
    const notification = aPushNotification({ fields: manyFields(30) });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    const blocks = payload.attachments[0].blocks;
    expect(blocks[1]).toMatchObject({ type: 'section', fields: expect.any(Array) });
    expect(blocks[1]?.type === 'section' && blocks[1].fields?.length).toBe(SLACK_LIMITS.sectionFields);
    expect(blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…and 20 more fields' }] });
  });

  it('counts the notices that do not fit', () => {
    // Prepare
    const notices = Array.from({ length: 200 }, (_, i) => `commit ${i} details (ThrottlingException)`);
    const notification = aPushNotification({ notices });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    const text = blockTexts(payload).find((t) => t.startsWith(':warning:')) ?? '';
    const shown = countMatches([text], /^:warning: /gm);
    expect(text).toMatch(new RegExp(`\\n…and ${200 - shown} more notices$`));
  });

  it('holds every limit with everything huge at once', () => {
    // Prepare
    const notification: Notification = aPushNotification({
      title: '&'.repeat(5000),
      fallbackText: '<'.repeat(100_000),
      fields: manyFields(30).map((f) => ({ ...f, label: '@'.repeat(3000), value: [text('>'.repeat(5000))] })),
      sections: [manyFiles(10_000), { lines: [[text('y'.repeat(100_000))]], lists: [] }, ...manySections(50)],
      notices: Array.from({ length: 100 }, () => '&'.repeat(500)),
      context: [text('<'.repeat(10_000))],
    });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(limitViolations(payload)).toEqual([]);
    expect(blockTexts(payload).join('\n')).toMatch(/…and \d+ more sections/);
  });
});
