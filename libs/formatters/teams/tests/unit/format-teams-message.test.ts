import type { NotificationStatus } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { formatTeamsMessage, teamsFormatter, teamsPayloadProblems } from '../../src/index.ts';
import { aConsolePushNotification as aPushNotification, COMMIT_URL, CONSOLE_URL, text } from '@herald/testing/notifications';

const open = { type: 'Action.OpenUrl', title: 'Open', url: CONSOLE_URL } as const;

describe('formatTeamsMessage', () => {
  it('lays a push out as one Adaptive Card: coloured title, facts, the commit, the context and an Open button', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = formatTeamsMessage(notification);

    // Assess
    expect(payload).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            fallbackText: 'alice pushed 1 commit to app',
            body: [
              {
                type: 'Container',
                style: 'good',
                bleed: true,
                selectAction: open,
                items: [{ type: 'TextBlock', text: 'alice pushed to main in app', wrap: true, size: 'Medium', weight: 'Bolder' }],
              },
              { type: 'FactSet', facts: [{ title: 'Branch', value: 'main' }] },
              {
                type: 'Container',
                separator: true,
                spacing: 'Medium',
                items: [
                  { type: 'TextBlock', text: `**Commit** **[0f3e2a1](${COMMIT_URL})**`, wrap: true },
                  { type: 'TextBlock', text: '**Fix login redirect**', wrap: true, spacing: 'None' },
                  { type: 'TextBlock', text: '• README', wrap: true, spacing: 'None' },
                  { type: 'TextBlock', text: '…and 3 more files', wrap: true, spacing: 'None' },
                ],
              },
              { type: 'TextBlock', text: 'eu-west-1', wrap: true, size: 'Small', isSubtle: true },
            ],
            actions: [open],
            msteams: { width: 'Full' },
          },
        },
      ],
    });
    expect(teamsPayloadProblems(payload)).toEqual([]);
  });

  it.each<[NotificationStatus, string]>([
    ['success', 'good'],
    ['failure', 'attention'],
    ['warning', 'warning'],
    ['info', 'accent'],
  ])('colours the header of a %s notification with the %s style', (status, style) => {
    // Prepare
    const notification = aPushNotification({ status });

    // Act
    const header = formatTeamsMessage(notification).attachments[0].content.body[0];

    // Assess
    expect(header).toMatchObject({ type: 'Container', style, bleed: true });
  });

  it('mentions exactly the people asked for, each as <at> text with its entity', () => {
    // Prepare
    const notification = aPushNotification({ status: 'failure' });
    const mentions = [
      { kind: 'user', id: 'alice@contoso.com' },
      { kind: 'user', id: '0F3E2A1B4C5D6E7F8091A2B3C4D5E6F7' },
      { kind: 'user', id: 'alice@contoso.com' },
      { kind: 'group', id: 'oncall' },
      { kind: 'user', id: 'U024BE7LH' },
    ] as const;

    // Act
    const card = formatTeamsMessage(notification, { mentions }).attachments[0].content;

    // Assess
    const objectId = '0f3e2a1b-4c5d-6e7f-8091-a2b3c4d5e6f7';
    expect(card.body[1]).toEqual({ type: 'TextBlock', text: `<at>alice@contoso.com</at> <at>${objectId}</at>`, wrap: true });
    expect(card.msteams.entities).toEqual([
      { type: 'mention', text: '<at>alice@contoso.com</at>', mentioned: { id: 'alice@contoso.com', name: 'alice@contoso.com' } },
      { type: 'mention', text: `<at>${objectId}</at>`, mentioned: { id: objectId, name: objectId } },
    ]);
  });

  it('keeps untrusted <at> text from mentioning anyone, even next to a real mention', () => {
    // Prepare
    const notification = aPushNotification({ title: '<at>alice@contoso.com</at> deployed' });

    // Act
    const payload = formatTeamsMessage(notification, { mentions: [{ kind: 'user', id: 'alice@contoso.com' }] });

    // Assess
    const json = JSON.stringify(payload);
    expect(json.match(/<at>/g)).toHaveLength(2);
    expect(teamsPayloadProblems(payload)).toEqual([]);
  });

  it('shows no button and opens nothing when the URL is not http(s)', () => {
    // Prepare
    const notification = aPushNotification({ url: 'javascript:alert(1)' });

    // Act
    const card = formatTeamsMessage(notification).attachments[0].content;

    // Assess
    expect(card.actions).toBeUndefined();
    expect(card.body[0]).not.toHaveProperty('selectAction');
  });

  it('shows 10 of 30 fields and says how many were left out', () => {
    // Prepare
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `Field ${i}`, value: [text(`value ${i}`)], short: true }));

    // Act
    const body = formatTeamsMessage(aPushNotification({ fields })).attachments[0].content.body;

    // Assess
    expect(body[1]).toMatchObject({ type: 'FactSet', facts: { length: 10 } });
    expect(body[2]).toEqual({ type: 'TextBlock', text: '…and 20 more fields', wrap: true, isSubtle: true });
  });

  it('puts the notices in a warning container, one per line', () => {
    // Prepare
    const notification = aPushNotification({ notices: ['Commit details could not be fetched.', 'Files could not be listed.'] });

    // Act
    const body = formatTeamsMessage(notification).attachments[0].content.body;

    // Assess
    expect(body.at(-2)).toEqual({
      type: 'Container',
      style: 'warning',
      separator: true,
      items: [
        { type: 'TextBlock', text: '⚠️ Commit details could not be fetched.', wrap: true },
        { type: 'TextBlock', text: '⚠️ Files could not be listed.', wrap: true, spacing: 'None' },
      ],
    });
  });

  it('is the teams target, taking the mentions from the options', () => {
    // Prepare
    const notification = aPushNotification();

    // Act
    const payload = teamsFormatter.format(notification, { mentions: [{ kind: 'user', id: 'bob@contoso.com' }] });

    // Assess
    expect(teamsFormatter.type).toBe('teams');
    expect(payload.attachments[0].content.msteams.entities).toHaveLength(1);
  });
});
