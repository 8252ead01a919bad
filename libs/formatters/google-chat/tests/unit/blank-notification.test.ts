import type { Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { formatGoogleChatMessage, googleChatPayloadLimits } from '../../src/index.ts';

describe('formatGoogleChatMessage with nothing visible', () => {
  it('still sends a card with one section, which Google Chat requires', () => {
    // Prepare: found by the contract's property test — a title of control characters and nothing else
    const blank: Notification = {
      eventKind: '',
      status: 'success',
      color: '',
      title: '\u0000'.repeat(600),
      fallbackText: '',
      fields: [],
      sections: [],
      notices: [],
      context: [],
    };

    // Act
    const payload = formatGoogleChatMessage(blank);

    // Assess
    expect(googleChatPayloadLimits.check(payload)).toEqual([]);
    expect(payload.cardsV2[0]?.card.sections).toEqual([{ widgets: [{ textParagraph: { text: 'No details.' } }] }]);
  });
});
