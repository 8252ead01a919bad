import type { Inline, Notification } from '@herald/model';

export const CONSOLE_URL = 'https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/app/browse?region=eu-west-1';
export const COMMIT_URL = 'https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/app/commit/0f3e2a1?region=eu-west-1';

export const text = (value: string): Inline => ({ type: 'text', text: value });
export const code = (value: string): Inline => ({ type: 'code', text: value });
export const strong = (value: string): Inline => ({ type: 'strong', text: value });
export const link = (value: string, url: string): Inline => ({ type: 'link', text: value, url });

/** A small CodeCommit push: one field, one commit with a file list that was already shortened. */
export function aPushNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    eventKind: 'codecommit.push',
    status: 'success',
    color: '#2EB67D',
    title: 'alice pushed to main in app',
    url: CONSOLE_URL,
    fallbackText: 'alice pushed 1 commit to app',
    fields: [{ label: 'Branch', value: [code('main')], short: true }],
    sections: [
      {
        heading: [text('Commit '), link('0f3e2a1', COMMIT_URL)],
        lines: [[strong('Fix login redirect')]],
        lists: [{ items: [[code('README')]], omitted: 3, noun: 'files' }],
      },
    ],
    notices: [],
    context: [text('eu-west-1')],
    ...overrides,
  };
}
