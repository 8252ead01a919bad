import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeSlackText, formatSlackMessage } from '../../src/index.ts';
import { anyNotification } from '@herald/testing/notifications';
import { injectionFindings, limitViolations } from '../helpers/slack-payload.ts';

describe('formatSlackMessage properties', () => {
  it('stays within every limit for any notification', () => {
    // Prepare
    const property = fc.property(anyNotification, (notification) => {
      // Act
      const payload = formatSlackMessage(notification);

      // Assess
      expect(limitViolations(payload)).toEqual([]);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 100 });
  }, 60_000);

  it('lets no untrusted text form a mention, a link or an unescaped < or >', () => {
    // Prepare
    const property = fc.property(anyNotification, (notification) => {
      // Act
      const payload = formatSlackMessage(notification);

      // Assess
      expect(injectionFindings(payload, (url) => /^https?:\/\//.test(url))).toEqual([]);
      expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    });

    // Act + Assess
    fc.assert(property, { numRuns: 100 });
  }, 60_000);
});

describe('escapeSlackText properties', () => {
  it('leaves no < or > and reads the same once entities and word joiners are undone', () => {
    // Prepare
    const property = fc.property(fc.string({ unit: 'binary' }), (s) => {
      // Act
      const escaped = escapeSlackText(s);

      // Assess
      expect(escaped).not.toMatch(/[<>]/);
      const decoded = escaped.replaceAll('\u2060', '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
      expect(decoded).toBe(s.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replaceAll('`', '\u02cb'));
    });

    // Act + Assess
    fc.assert(property);
  });
});
