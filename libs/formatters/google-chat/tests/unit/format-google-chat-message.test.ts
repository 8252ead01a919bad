import { describe, expect, it } from 'vitest';
import { formatGoogleChatMessage, googleChatFormatter, googleChatPayloadProblems } from '../../src/index.ts';
import { aConsolePushNotification as aPushNotification, COMMIT_URL, CONSOLE_URL, text } from '@herald/testing/notifications';

describe('formatGoogleChatMessage', () => {
  it('sends the summary as text and one card: header, fields, the commit and an Open button', () => {
    // Prepare
    const notification = aPushNotification({ notices: ['Commit details could not be fetched.'] });

    // Act
    const payload = formatGoogleChatMessage(notification);

    // Assess
    expect(payload).toEqual({
      text: 'alice pushed 1 commit to app',
      cardsV2: [
        {
          cardId: 'herald-notification',
          card: {
            header: { title: 'alice pushed to main in app', subtitle: 'eu-west-1' },
            sections: [
              { widgets: [{ decoratedText: { topLabel: 'Branch', text: 'main', wrapText: true } }] },
              {
                widgets: [
                  {
                    textParagraph: {
                      text: `<b>Commit </b><b><a href="${COMMIT_URL}">0f3e2a1</a></b><br><b>Fix login redirect</b><br>• README<br>…and 3 more files`,
                    },
                  },
                ],
              },
              { widgets: [{ textParagraph: { text: '⚠️ Commit details could not be fetched.' } }] },
              { widgets: [{ buttonList: { buttons: [{ text: 'Open', onClick: { openLink: { url: CONSOLE_URL } } }] } }] },
            ],
          },
        },
      ],
    });
    expect(googleChatPayloadProblems(payload)).toEqual([]);
  });

  it('mentions exactly the users asked for, in the text, before the summary', () => {
    // Prepare
    const mentions = [
      { kind: 'user', id: '123456789012345678901' },
      { kind: 'user', id: '123456789012345678901' },
      { kind: 'user', id: '42' },
      { kind: 'group', id: '777' },
      { kind: 'user', id: 'all' },
    ] as const;

    // Act
    const payload = formatGoogleChatMessage(aPushNotification({ status: 'failure' }), { mentions });

    // Assess
    expect(payload.text).toBe('<users/123456789012345678901> <users/42> alice pushed 1 commit to app');
  });

  it('keeps untrusted text from mentioning everyone or linking, in the text and in the card', () => {
    // Prepare
    const hostile = '<users/all> <https://evil.example|x> <a href="https://evil.example">x</a>';
    const notification = aPushNotification({ title: hostile, fallbackText: hostile, fields: [{ label: hostile, value: [text(hostile)], short: true }] });

    // Act
    const payload = formatGoogleChatMessage(notification);

    // Assess
    const json = JSON.stringify(payload);
    expect(json).not.toMatch(/<users\/|<https|<a href=\\"https:\/\/evil/);
    expect(payload.cardsV2[0].card.sections[0]?.widgets[0]).toEqual({
      decoratedText: {
        topLabel: expect.stringMatching(/^&lt;users\/all&gt; &lt;https:\u2060\/\/evil\.\u2060example\|x&gt; .*…$/),
        text: '&lt;users/all&gt; &lt;https:\u2060//evil.\u2060example|x&gt; &lt;a href="https:\u2060//evil.\u2060example"&gt;x&lt;/a&gt;',
        wrapText: true,
      },
    });
  });

  it('shows no button when the URL is not http(s)', () => {
    // Prepare
    const notification = aPushNotification({ url: 'javascript:alert(1)' });

    // Act
    const sections = formatGoogleChatMessage(notification).cardsV2[0].card.sections;

    // Assess
    expect(JSON.stringify(sections)).not.toContain('buttonList');
  });

  it('shows 10 of 30 fields and says how many were left out', () => {
    // Prepare
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `Field ${i}`, value: [text(`value ${i}`)], short: true }));

    // Act
    const widgets = formatGoogleChatMessage(aPushNotification({ fields })).cardsV2[0].card.sections[0]?.widgets ?? [];

    // Assess
    expect(widgets).toHaveLength(11);
    expect(widgets[10]).toEqual({ textParagraph: { text: '…and 20 more fields' } });
  });

  it('is the google-chat target, taking the mentions from the options', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = googleChatFormatter.format(notification, { mentions: [{ kind: 'user', id: '7' }] });

    // Assess
    expect(googleChatFormatter.type).toBe('google-chat');
    expect(payload.text).toMatch(/^<users\/7> /);
  });
});
