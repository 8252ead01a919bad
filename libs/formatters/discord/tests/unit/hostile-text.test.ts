import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiscordMessage } from '../../src/index.ts';
import { aPushNotification, everywhere, HERALD_URL, HOSTILE, link, text } from '@herald/testing/notifications';
import { allTexts, injectionFindings, limitViolations } from '../helpers/discord-payload.ts';

const WJ = '\u2060';
const DISCORD_HOSTILE = [...HOSTILE, '<@&1234>', '<#5678>', '</deploy:1>', '||spoiler||', '# heading', '-# subtext', '> quote', '```js'];

describe('formatDiscordMessage with hostile text', () => {
  it.each(DISCORD_HOSTILE)('keeps %j in every position from mentioning, linking or breaking the payload', (value) => {
    // Prepare
    const notification = everywhere(value);

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(injectionFindings(payload)).toEqual([]);
    expect(limitViolations(payload)).toEqual([]);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
  });

  it('always suppresses mentions, as in the documented example', () => {
    // Prepare
    const documented: unknown = JSON.parse(
      readFileSync(new URL('../../../../testing/fixtures/aws-events/chat/discord-allowed-mentions-suppress-all.json', import.meta.url), 'utf8'),
    );
    const notification = aPushNotification({ title: '@here Hello <@&1234> and <@5678> 👋' });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(payload.allowed_mentions).toEqual((documented as { allowed_mentions: unknown }).allowed_mentions);
    expect(payload.embeds[0]?.title).toBe(`@${WJ}here Hello <${WJ}@${WJ}&1234\\> and <${WJ}@${WJ}5678\\> 👋`);
  });

  it('shows escaped markdown as the characters that were sent', () => {
    // Prepare
    const notification = aPushNotification({ sections: [{ lines: [[text('**not bold** __x__ [a](b)')]], lists: [] }] });

    // Act
    const payload = formatDiscordMessage(notification);

    // Assess
    expect(payload.embeds[0]?.description).toBe('\\*\\*not bold\\*\\* \\_\\_x\\_\\_ \\[a\\]\\(b\\)');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', ' javascript:alert(1)'])(
    'renders a link to %j as its text only',
    (url) => {
      // Prepare
      const notification = aPushNotification({ sections: [{ lines: [[link('click', url)]], lists: [] }] });

      // Act
      const description = formatDiscordMessage(notification).embeds[0]?.description;

      // Assess
      expect(description).toBe('click');
    },
  );

  it('percent-encodes parentheses so a URL cannot close its link early', () => {
    // Prepare
    const notification = aPushNotification({ sections: [{ lines: [[link('click', 'https://evil.example)(x')]], lists: [] }] });

    // Act
    const description = formatDiscordMessage(notification).embeds[0]?.description;

    // Assess
    expect(description).toBe('[click](https://evil.example%29%28x/)');
  });

  it('percent-encodes what would end a masked link early in a trusted URL', () => {
    // Prepare
    const notification = aPushNotification({ sections: [{ lines: [[link('logs', `${HERALD_URL}&q=(a) <b>`)]], lists: [] }] });

    // Act
    const description = formatDiscordMessage(notification).embeds[0]?.description;

    // Assess
    expect(description).toBe(`[logs](${HERALD_URL}&q=%28a%29%20%3Cb%3E)`);
  });

  it('writes no JSON escape for a lone surrogate or a control character', () => {
    // Prepare
    const notification = everywhere('\ud800\u0000\u001f\u007f\u0085');

    // Act
    const json = JSON.stringify(formatDiscordMessage(notification));

    // Assess
    expect(json).not.toMatch(/\\u00[0-9a-f]{2}|\\ud[89a-f]/i);
  });

  it('leaves no auto-link in any text', () => {
    // Prepare
    const notification = everywhere('see https://evil.example and http://evil.example/x');

    // Act
    const texts = allTexts(formatDiscordMessage(notification));

    // Assess
    for (const { text: t } of texts) expect(t).not.toMatch(/https?:\/\/evil/);
  });
});
