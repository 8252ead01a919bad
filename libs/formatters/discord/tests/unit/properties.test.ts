import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeDiscordText, formatDiscordMessage } from '../../src/index.ts';
import { anyNotification } from '@herald/testing/notifications';
import { injectionFindings, limitViolations } from '../helpers/discord-payload.ts';

describe('formatDiscordMessage properties', () => {
  it('stays within every limit for any notification', () => {
    // Prepare
    const property = fc.property(anyNotification, (notification) => {
      // Act
      const payload = formatDiscordMessage(notification);

      // Assess
      expect(limitViolations(payload)).toEqual([]);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 100 });
  }, 60_000);

  it('always suppresses mentions and lets no untrusted text form a mention or a link', () => {
    // Prepare
    const property = fc.property(anyNotification, (notification) => {
      // Act
      const payload = formatDiscordMessage(notification);

      // Assess
      expect(payload.allowed_mentions).toEqual({ parse: [] });
      expect(injectionFindings(payload, (url) => /^https?:\/\//.test(url))).toEqual([]);
      expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 100 });
  }, 60_000);
});

describe('escapeDiscordText properties', () => {
  it('escapes every markdown character and reads the same once escapes and word joiners are undone', () => {
    // Prepare
    const property = fc.property(fc.string({ unit: 'binary' }), (s) => {
      // Act
      const escaped = escapeDiscordText(s);

      // Assess
      expect(escaped.replace(/\\./gu, '')).not.toMatch(/[\\*_~|`>#[\]()-]/);
      expect(escaped).not.toMatch(/[@<](?!\u2060)/);
      const decoded = escaped.replaceAll('\u2060', '').replace(/\\(.)/gu, '$1');
      expect(decoded).toBe(s.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' '));
    });

    // Act + Assess
    fc.assert(property);
  });
});
