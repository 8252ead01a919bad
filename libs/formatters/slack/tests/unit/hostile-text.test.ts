import { describe, expect, it } from 'vitest';
import { formatSlackMessage } from '../../src/index.ts';
import { aPushNotification, everywhere, HERALD_URL, HOSTILE, link, text } from '@herald/testing/notifications';
import { allTexts, injectionFindings, limitViolations } from '../helpers/slack-payload.ts';

describe('formatSlackMessage with hostile text', () => {
  it.each(HOSTILE)('keeps %j in every position from mentioning, linking or breaking the payload', (value) => {
    // Prepare
    const notification = everywhere(value);

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(injectionFindings(payload)).toEqual([]);
    expect(limitViolations(payload)).toEqual([]);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('shows hostile text as the characters that were sent', () => {
    // Prepare
    const notification = aPushNotification({ title: '<!channel> deploy & @here', url: undefined });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(payload.attachments[0].blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*&lt;!channel&gt; deploy &amp; @\u2060here*' },
    });
  });

  it('keeps a heading bold when the text itself contains mrkdwn characters', () => {
    // Prepare
    const notification = aPushNotification({ sections: [{ heading: [text('*x_y~z`')], lines: [], lists: [] }] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(allTexts(payload)).toContain('*\u2217x\u02cdy\u223cz\u02cb*');
  });

  it.each([
    ['javascript:alert(1)', 'click'],
    ['https://evil.example|click>', 'click'],
    ['data:text/html,<script>', 'click'],
    ['  javascript:alert(1)', 'click'],
  ])('renders a link to %j as plain text', (url, label) => {
    // Prepare
    const notification = aPushNotification({ context: [link(label, url)] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(payload.attachments[0].blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'click' }] });
  });

  it('percent-encodes what would end a link early in a trusted URL', () => {
    // Prepare
    const notification = aPushNotification({ context: [link('logs', `${HERALD_URL}&q=a|b>c d`)] });

    // Act
    const payload = formatSlackMessage(notification);

    // Assess
    expect(payload.attachments[0].blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `<${HERALD_URL}&amp;q=a%7Cb%3Ec%20d|logs>` }],
    });
  });

  it('writes no JSON escape for a lone surrogate or a control character', () => {
    // Prepare
    const notification = everywhere('\ud800\u0000\u001f\u007f\u0085');

    // Act
    const json = JSON.stringify(formatSlackMessage(notification));

    // Assess
    expect(json).not.toMatch(/\\u00[0-9a-f]{2}|\\ud[89a-f]/i);
  });
});
