import { Buffer } from 'node:buffer';
import type { Notification, NotificationSection } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { formatTeamsMessage, TEAMS_LIMITS, teamsPayloadProblems } from '../../src/index.ts';
import { aConsolePushNotification as aPushNotification, code, link, text } from '@herald/testing/notifications';

const bytes = (payload: unknown): number => Buffer.byteLength(JSON.stringify(payload), 'utf8');

/** Every part at its ceiling, in three-byte characters that need escaping, and five people mentioned. */
function worstCase(): Notification {
  const wide = (n: number): string => '漢<'.repeat(n);
  const sections = Array.from({ length: 60 }, (_, i): NotificationSection => ({
    heading: [text(`${i} ${wide(200)}`)],
    lines: [[text(wide(2000))]],
    lists: [{ items: Array.from({ length: 500 }, () => [code(wide(40))]), omitted: 9, noun: 'files' }],
  }));
  return aPushNotification({
    title: wide(1000),
    url: `https://herald.example/${'p'.repeat(TEAMS_LIMITS.url - 30)}`,
    fallbackText: wide(1000),
    fields: Array.from({ length: 30 }, () => ({ label: wide(500), value: [link(wide(500), 'https://herald.example/')], short: true })),
    sections,
    notices: Array.from({ length: 100 }, () => wide(300)),
    context: [text(wide(1000))],
  });
}

describe('formatTeamsMessage within the byte budget', () => {
  it('fits every part at its ceiling, in wide characters, with five mentions', () => {
    // Prepare
    const notification = worstCase();
    const mentions = Array.from({ length: 8 }, (_, i) => ({ kind: 'user' as const, id: `${'person'.repeat(9)}${i}@${'x'.repeat(60)}.example` }));

    // Act
    const payload = formatTeamsMessage(notification, { mentions });

    // Assess
    expect(bytes(payload)).toBeLessThanOrEqual(TEAMS_LIMITS.maxBodyBytes);
    expect(teamsPayloadProblems(payload)).toEqual([]);
    expect(payload.attachments[0].content.msteams.entities).toHaveLength(TEAMS_LIMITS.mentions);
    expect(JSON.stringify(payload)).toMatch(/…and \d+ more sections/);
  });

  it('uses most of the budget for a long list rather than cutting it short', () => {
    // Prepare
    const items = Array.from({ length: 10_000 }, (_, i) => [code(`src/module${i}/index.ts`)]);
    const notification = aPushNotification({ sections: [{ lines: [], lists: [{ items, omitted: 0, noun: 'files' }] }] });

    // Act
    const payload = formatTeamsMessage(notification);

    // Assess
    expect(bytes(payload)).toBeLessThanOrEqual(TEAMS_LIMITS.maxBodyBytes);
    expect(bytes(payload)).toBeGreaterThan(TEAMS_LIMITS.maxBodyBytes * 0.9);
  });

  it('stays well under the documented message size', () => {
    // Prepare
    const margin = TEAMS_LIMITS.documentedBodyBytes - TEAMS_LIMITS.maxBodyBytes;

    // Act
    const share = margin / TEAMS_LIMITS.documentedBodyBytes;

    // Assess
    expect(share).toBeGreaterThanOrEqual(0.25);
  });
});
