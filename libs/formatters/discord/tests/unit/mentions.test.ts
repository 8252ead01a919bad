import type { ChatMention } from '@herald/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discordFormatter, formatDiscordMessage } from '../../src/index.ts';
import { aPushNotification, anyNotification, everywhere, HOSTILE } from '@herald/testing/notifications';
import { allTexts, injectionFindings, limitViolations, mentionProblems } from '../helpers/discord-payload.ts';

const alice: ChatMention = { kind: 'user', id: '80351110224678912' };
const bob: ChatMention = { kind: 'user', id: '1234567890123456789' };
const oncall: ChatMention = { kind: 'group', id: '222222222222222222' };
const trusted = ['<@80351110224678912>', '<@1234567890123456789>', '<@&222222222222222222>'];

describe('formatDiscordMessage with mentions', () => {
  it('mentions users and roles in the content and allows exactly those ids', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatDiscordMessage(notification, { mentions: [alice, oncall, bob] });

    // Assess
    expect(payload.content).toBe('<@80351110224678912> <@&222222222222222222> <@1234567890123456789>');
    expect(payload.allowed_mentions).toEqual({ users: ['80351110224678912', '1234567890123456789'], roles: ['222222222222222222'] });
    expect(payload.allowed_mentions).not.toHaveProperty('parse');
    expect(payload.embeds).toEqual(formatDiscordMessage(notification).embeds);
    expect(limitViolations(payload)).toEqual([]);
  });

  it('lists each mention once, and a user and a role of the same id apart', () => {
    // Prepare
    const sameIdRole: ChatMention = { kind: 'group', id: alice.id };

    // Act
    const payload = formatDiscordMessage(aPushNotification(), { mentions: [alice, alice, sameIdRole, sameIdRole] });

    // Assess
    expect(payload.content).toBe('<@80351110224678912> <@&80351110224678912>');
    expect(payload.allowed_mentions).toEqual({ users: ['80351110224678912'], roles: ['80351110224678912'] });
  });

  it.each<ChatMention>([
    { kind: 'user', id: 'U024BE7LH' },
    { kind: 'group', id: 'everyone' },
    { kind: 'group', id: 'here' },
    { kind: 'user', id: '1234' },
    { kind: 'user', id: '123456789012345678901' },
    { kind: 'user', id: '80351110224678912>' },
    { kind: 'user', id: '80351110224678912\n' },
    { kind: 'group', id: '&222222222222222222' },
    { kind: 'user', id: '' },
  ])('drops %j, whose id is not a Discord id', (mention) => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatDiscordMessage(notification, { mentions: [mention] });

    // Assess
    expect(payload).toEqual(formatDiscordMessage(notification));
    expect(payload).not.toHaveProperty('content');
    expect(payload.allowed_mentions).toEqual({ parse: [] });
  });

  it('formats exactly as before without mentions', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payloads = [formatDiscordMessage(notification, {}), formatDiscordMessage(notification, { mentions: [] })];

    // Assess
    for (const payload of payloads) expect(payload).toEqual(formatDiscordMessage(notification));
  });

  it.each([...HOSTILE, '<@&1234>', '<@80351110224678912>'])(
    'lets %j in every position ping nobody while config mentions are present',
    (value) => {
      // Prepare
      const notification = everywhere(value);

      // Act
      const payload = formatDiscordMessage(notification, { mentions: [alice, bob, oncall] });

      // Assess
      expect(injectionFindings(payload, undefined, trusted)).toEqual([]);
      expect(limitViolations(payload)).toEqual([]);
      expect(payload.content).toBe(trusted.join(' '));
    },
  );

  it('keeps the content within 2000 characters, dropping whole mentions, and allows only the ones kept', () => {
    // Prepare
    const users = Array.from({ length: 150 }, (_, i): ChatMention => ({ kind: 'user', id: `100000000${String(i).padStart(9, '0')}` }));
    const roles = Array.from({ length: 150 }, (_, i): ChatMention => ({ kind: 'group', id: `200000000${String(i).padStart(9, '0')}` }));

    // Act
    const usersOnly = formatDiscordMessage(aPushNotification(), { mentions: users });
    const both = formatDiscordMessage(aPushNotification(), { mentions: [...roles.slice(0, 20), ...users] });

    // Assess
    expect(limitViolations(usersOnly)).toEqual([]);
    expect(limitViolations(both)).toEqual([]);
    // 90 mentions of 21 characters and 89 spaces make 1979 characters; one more would pass 2000.
    expect(usersOnly.allowed_mentions).toEqual({ users: users.slice(0, 90).map((m) => m.id), roles: [] });
    expect(usersOnly.content?.length).toBe(1979);
    expect(both.content?.length).toBeLessThanOrEqual(2000);
    expect(both.allowed_mentions).toMatchObject({ roles: roles.slice(0, 20).map((m) => m.id) });
  });

  it('is what discordFormatter.format gives with the same options', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = discordFormatter.format(notification, { mentions: [oncall] });

    // Assess
    expect(payload).toEqual(formatDiscordMessage(notification, { mentions: [oncall] }));
  });
});

const anyMention: fc.Arbitrary<ChatMention> = fc.record({
  kind: fc.constantFrom('user' as const, 'group' as const),
  id: fc.oneof(
    fc.stringMatching(/^\d{17,20}$/),
    fc.string({ maxLength: 24 }),
    fc.constantFrom('everyone', 'here', '@everyone', '1> <@&2', '&222222222222222222'),
  ),
});

describe('formatDiscordMessage mention properties', () => {
  it('pings exactly the valid configured ids, within every limit, for any notification', () => {
    // Prepare
    const property = fc.property(anyNotification, fc.array(anyMention, { maxLength: 30 }), (notification, mentions) => {
      const valid = mentions.filter((m) => /^\d{17,20}$/.test(m.id));
      const markups = valid.map((m) => (m.kind === 'user' ? `<@${m.id}>` : `<@&${m.id}>`));

      // Act
      const payload = formatDiscordMessage(notification, { mentions });

      // Assess
      expect(limitViolations(payload)).toEqual([]);
      expect(mentionProblems(payload)).toEqual([]);
      expect(injectionFindings(payload, (url) => /^https?:\/\//.test(url), markups)).toEqual([]);
      expect(payload.content).toBe(markups.length > 0 ? [...new Set(markups)].join(' ') : undefined);
      expect(allTexts(payload).every(({ text }) => text.isWellFormed())).toBe(true);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 100 });
  }, 60_000);
});
