import type { CommentEvent, Inline, Line, Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { describeComment } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const field = (n: Notification, label: string) => n.fields.find((candidate) => candidate.label === label)?.value;

const BODY =
  'A comment event occurred in the following AWS CodeCommit repository: MyDemoRepo. The display name for the user is Saanvi Sarkar. ' +
  'The email address for the user is saanvi_sarkar@example.com. The user arn:aws:sts::123456789012:federated-user/Saanvi_Sarkar made a comment. ' +
  'The comment was made on the following Pull Request: 201. For more information, go to the AWS CodeCommit console ' +
  'https://us-east-2.console.aws.amazon.com/codecommit/home?region=us-east-2#/repository/MyDemoRepo/pull-request/201/activity#3276EXAMPLE...';

/** As the parser reads `codecommit-eventbridge-comment-on-pull-request-created-awsdocs.json`. */
const onPullRequest: CommentEvent = {
  kind: 'codecommit.comment',
  via: 'eventbridge',
  region: 'us-east-2',
  account: '123456789012',
  time: '2019-02-09T07:15:16.000Z',
  eventId: '98377d67-EXAMPLE',
  repository: 'MyDemoRepo',
  on: 'pull-request',
  pullRequestId: '201',
  commitId: 'f4d5EXAMPLE',
  commentId: '463bEXAMPLE...',
  actor: { arn: 'arn:aws:sts::123456789012:federated-user/Saanvi_Sarkar', name: 'Saanvi_Sarkar', kind: 'federated' },
  notificationBody: BODY,
};

describe('describeComment', () => {
  it('says who commented on which pull request, linked to its activity', () => {
    // Act
    const notification = describeComment(onPullRequest);

    // Assess
    const activity = 'https://us-east-2.console.aws.amazon.com/codesuite/codecommit/repositories/MyDemoRepo/pull-requests/201/activity?region=us-east-2';
    expect(notification.title).toBe('[MyDemoRepo] Saanvi_Sarkar commented on pull request #201');
    expect(notification).toMatchObject({ status: 'info', color: '#36C5F0', url: activity, eventKind: 'codecommit.comment' });
    expect(field(notification, 'Pull request')).toEqual([{ type: 'link', text: '#201', url: activity }]);
    expect(field(notification, 'By')).toEqual([{ type: 'text', text: 'Saanvi_Sarkar' }]);
  });

  it('shows AWS’s notification text as plain text, never as a link', () => {
    // Act
    const notification = describeComment(onPullRequest);

    // Assess
    expect(notification.sections).toEqual([{ lines: [[{ type: 'text', text: BODY }]], lists: [] }]);
  });

  it('says which commit a commit comment is on, linked to the commit', () => {
    // Prepare
    const commit = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const event: CommentEvent = { ...onPullRequest, on: 'commit', commitId: commit, notificationBody: 'Line one\nline two' };
    delete event.pullRequestId;

    // Act
    const notification = describeComment(event);

    // Assess
    const commitPage = `https://us-east-2.console.aws.amazon.com/codesuite/codecommit/repositories/MyDemoRepo/commit/${commit}?region=us-east-2`;
    expect(notification.title).toBe('[MyDemoRepo] Saanvi_Sarkar commented on commit a1b2c3d');
    expect(field(notification, 'Commit')).toEqual([{ type: 'link', text: 'a1b2c3d', url: commitPage }]);
    expect(notification.sections[0]?.lines.map(lineText)).toEqual(['Line one', 'line two']);
  });

  it('still reads well without actor, ids or text', () => {
    // Prepare
    const bare: CommentEvent = { kind: 'codecommit.comment', via: 'notification-rule', region: 'eu-west-1', repository: 'shop', on: 'commit' };

    // Act
    const notification = describeComment(bare);

    // Assess
    expect(notification.title).toBe('[shop] Someone commented on a commit');
    expect(notification.url).toBe('https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/shop/browse?region=eu-west-1');
    expect(notification.sections).toEqual([]);
  });
});
