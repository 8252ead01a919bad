import { Buffer } from 'node:buffer';
import type { Notification, NotificationSection } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { formatGoogleChatMessage, GOOGLE_CHAT_LIMITS, googleChatPayloadProblems } from '../../src/index.ts';
import { aConsolePushNotification as aPushNotification, code, link, text } from '@herald/testing/notifications';

const bytes = (payload: unknown): number => Buffer.byteLength(JSON.stringify(payload), 'utf8');

/** Every part at its ceiling, in three-byte characters and characters that become entities. */
function worstCase(): Notification {
  const wide = (n: number): string => '漢&'.repeat(n);
  const sections = Array.from({ length: 150 }, (_, i): NotificationSection => ({
    heading: [text(`${i} ${wide(200)}`)],
    lines: [[text(wide(2000))]],
    lists: [{ items: Array.from({ length: 500 }, () => [code(wide(40))]), omitted: 9, noun: 'files' }],
  }));
  return aPushNotification({
    title: wide(1000),
    url: `https://herald.example/${'p'.repeat(GOOGLE_CHAT_LIMITS.url - 30)}`,
    fallbackText: wide(3000),
    fields: Array.from({ length: 30 }, () => ({ label: wide(500), value: [link(wide(500), 'https://herald.example/')], short: true })),
    sections,
    notices: Array.from({ length: 100 }, () => wide(300)),
    context: [text(wide(1000))],
  });
}

describe('formatGoogleChatMessage within the limits', () => {
  it('fits every part at its ceiling, in wide characters, with ten mentions', () => {
    // Prepare
    const notification = worstCase();
    const mentions = Array.from({ length: 12 }, (_, i) => ({ kind: 'user' as const, id: `${i}`.padStart(32, '9') }));

    // Act
    const payload = formatGoogleChatMessage(notification, { mentions });

    // Assess
    expect(bytes(payload)).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.maxBodyBytes);
    expect(Buffer.byteLength(payload.text, 'utf8')).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.textBytes);
    expect(googleChatPayloadProblems(payload)).toEqual([]);
    expect(payload.text.match(/<users\//g)).toHaveLength(GOOGLE_CHAT_LIMITS.mentions);
    expect(JSON.stringify(payload)).toMatch(/…and \d+ more sections/);
  });

  it('keeps to 100 widgets with 200 small sections, counting the rest', () => {
    // Prepare
    const sections = Array.from({ length: 200 }, (_, i): NotificationSection => ({ heading: [text(`Tag v${i}`)], lines: [], lists: [] }));
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `Field ${i}`, value: [text('x')], short: true }));

    // Act
    const payload = formatGoogleChatMessage(aPushNotification({ sections, fields, notices: ['Files could not be listed.'] }));

    // Assess
    const widgets = payload.cardsV2[0].card.sections.flatMap((section) => section.widgets);
    const shown = JSON.stringify(payload).match(/Tag v\d+/g)?.length ?? 0;
    expect(widgets).toHaveLength(GOOGLE_CHAT_LIMITS.widgets);
    expect(JSON.stringify(payload)).toContain(`…and ${200 - shown} more sections`);
    expect(googleChatPayloadProblems(payload)).toEqual([]);
  });

  it('stays well under the documented message size', () => {
    // Prepare
    const margin = GOOGLE_CHAT_LIMITS.documentedMessageBytes - GOOGLE_CHAT_LIMITS.maxBodyBytes;

    // Act
    const share = margin / GOOGLE_CHAT_LIMITS.documentedMessageBytes;

    // Assess
    expect(share).toBeGreaterThanOrEqual(0.25);
  });
});
