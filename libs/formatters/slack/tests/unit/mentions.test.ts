import type { ChatMention } from '@herald/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSlackMessage, slackFormatter } from '../../src/index.ts';
import { aPushNotification, anyNotification, everywhere, HERALD_URL, HOSTILE } from '@herald/testing/notifications';
import { allTexts, injectionFindings, limitViolations, mentionMarkups } from '../helpers/slack-payload.ts';

const oncall: ChatMention = { kind: 'group', id: 'S0614TZR7' };
const alice: ChatMention = { kind: 'user', id: 'U024BE7LH' };
const enterpriseUser: ChatMention = { kind: 'user', id: 'W012A3CDE' };
const trusted = ['<@U024BE7LH>', '<!subteam^S0614TZR7>', '<@W012A3CDE>'];

describe('formatSlackMessage with mentions', () => {
  it('puts the mentions first in the text, so they are notified, and on a line under the title', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatSlackMessage(notification, { mentions: [alice, oncall] });

    // Assess
    expect(payload.text).toBe('<@U024BE7LH> <!subteam^S0614TZR7> alice pushed 1 commit to app/main');
    expect(payload.attachments[0].fallback).toBe('alice pushed 1 commit to app/main');
    expect(payload.attachments[0].blocks.slice(0, 2)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: `*<${HERALD_URL}|alice pushed to main in app>*` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: ':bell: <@U024BE7LH> <!subteam^S0614TZR7>' }] },
    ]);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('renders enterprise user ids and lists each mention once', () => {
    // Act
    const payload = formatSlackMessage(aPushNotification(), { mentions: [enterpriseUser, alice, enterpriseUser, alice] });

    // Assess
    expect(payload.text.startsWith('<@W012A3CDE> <@U024BE7LH> alice')).toBe(true);
  });

  it.each<ChatMention>([
    { kind: 'user', id: 'S0614TZR7' },
    { kind: 'group', id: 'U024BE7LH' },
    { kind: 'user', id: 'U1' },
    { kind: 'user', id: 'u024be7lh' },
    { kind: 'user', id: 'here' },
    { kind: 'group', id: 'channel' },
    { kind: 'user', id: '!channel' },
    { kind: 'user', id: 'U024BE7LH>' },
    { kind: 'user', id: 'U024BE7LH|x' },
    { kind: 'user', id: 'U024BE7LH\n' },
    { kind: 'group', id: 'S0614TZR7> <!channel' },
    { kind: 'user', id: '' },
  ])('drops %j, whose id is not of its kind in Slack', (mention) => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatSlackMessage(notification, { mentions: [mention] });

    // Assess
    expect(payload).toEqual(formatSlackMessage(notification));
  });

  it('formats exactly as before without mentions', () => {
    // Prepare
    const notification = aPushNotification({ notices: ['Could not fetch commit details.'] });

    // Act
    const payloads = [formatSlackMessage(notification, {}), formatSlackMessage(notification, { mentions: [] })];

    // Assess
    for (const payload of payloads) expect(payload).toEqual(formatSlackMessage(notification));
  });

  it.each(HOSTILE)('lets %j in every position mention nobody while config mentions are present', (value) => {
    // Prepare
    const notification = everywhere(value);

    // Act
    const payload = formatSlackMessage(notification, { mentions: [alice, oncall, enterpriseUser] });

    // Assess
    expect(injectionFindings(payload, undefined, trusted)).toEqual([]);
    expect(limitViolations(payload)).toEqual([]);
    expect(new Set(mentionMarkups(payload))).toEqual(new Set(trusted));
  });

  it('drops whole mentions past its budget and keeps every limit', () => {
    // Prepare
    const many = Array.from({ length: 300 }, (_, i): ChatMention => ({ kind: 'user', id: `U${String(i).padStart(8, '0')}` }));
    const notification = aPushNotification({ fallbackText: 'x'.repeat(5000) });

    // Act
    const payload = formatSlackMessage(notification, { mentions: many });

    // Assess
    expect(limitViolations(payload)).toEqual([]);
    const shown = payload.text.match(/<@U\d{8}>/g) ?? [];
    expect(shown.length).toBeGreaterThan(50);
    expect(shown.length).toBeLessThan(300);
    expect(payload.text.replace(/^(<@U\d{8}> )+/, '')).toMatch(/^x+…$/);
  });

  it('is what slackFormatter.format gives with the same options', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = slackFormatter.format(notification, { mentions: [oncall] });

    // Assess
    expect(payload).toEqual(formatSlackMessage(notification, { mentions: [oncall] }));
  });
});

const anyMention: fc.Arbitrary<ChatMention> = fc.record({
  kind: fc.constantFrom('user' as const, 'group' as const),
  id: fc.oneof(
    fc.stringMatching(/^[UWS][A-Z0-9]{2,12}$/),
    fc.string({ maxLength: 20 }),
    fc.constantFrom('here', 'channel', 'everyone', '!here', 'U1> <!channel', 'S1|x'),
  ),
});

describe('formatSlackMessage mention properties', () => {
  it('mentions exactly the valid configured ids, within every limit, for any notification', () => {
    // Prepare
    const property = fc.property(anyNotification, fc.array(anyMention, { maxLength: 30 }), (notification, mentions) => {
      const valid = mentions.flatMap((m) =>
        m.kind === 'user' && /^[UW][A-Z0-9]{2,}$/.test(m.id)
          ? [`<@${m.id}>`]
          : m.kind === 'group' && /^S[A-Z0-9]{2,}$/.test(m.id)
            ? [`<!subteam^${m.id}>`]
            : [],
      );

      // Act
      const payload = formatSlackMessage(notification, { mentions });

      // Assess
      expect(limitViolations(payload)).toEqual([]);
      expect(injectionFindings(payload, (url) => /^https?:\/\//.test(url), valid)).toEqual([]);
      expect(new Set(mentionMarkups(payload))).toEqual(new Set(valid));
      for (const markup of valid) expect(payload.text).toContain(markup);
      expect(allTexts(payload).every((t) => t.isWellFormed())).toBe(true);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 100 });
  }, 60_000);
});
