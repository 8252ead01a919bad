import type { Inline, Line, Notification, PullRequestEvent } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { describePullRequest } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const field = (n: Notification, label: string) => {
  const found = n.fields.find((candidate) => candidate.label === label);
  return found ? lineText(found.value) : undefined;
};

const PR_PAGE = 'https://us-east-2.console.aws.amazon.com/codesuite/codecommit/repositories/MyDemoRepo/pull-requests/1?region=us-east-2';

/** As the parser reads `codecommit-eventbridge-pull-request-created-awsdocs.json`. */
const created: PullRequestEvent = {
  kind: 'codecommit.pull-request',
  via: 'eventbridge',
  region: 'us-east-2',
  account: '123456789012',
  time: '2019-02-09T07:15:16.000Z',
  eventId: '98377d67-EXAMPLE',
  repository: 'MyDemoRepo',
  pullRequestId: '1',
  event: 'pullRequestCreated',
  title: 'My Example Pull Request',
  description: 'An example description.',
  status: 'open',
  merged: false,
  actor: { arn: 'arn:aws:sts::123456789012:assumed-role/Admin/Mary_Major', name: 'Mary_Major', kind: 'assumed-role', role: 'Admin', account: '123456789012' },
  sourceReference: 'refs/heads/test-branch',
  destinationReference: 'refs/heads/main',
  sourceCommit: '2774290EXAMPLE',
  destinationCommit: '12241970EXAMPLE',
};

describe('describePullRequest', () => {
  it('says who created which pull request, between which branches, linked to its page', () => {
    // Act
    const notification = describePullRequest(created);

    // Assess
    expect(notification.title).toBe('[MyDemoRepo] Mary_Major created pull request #1: My Example Pull Request');
    expect(notification).toMatchObject({ status: 'info', color: '#36C5F0', url: PR_PAGE, eventKind: 'codecommit.pull-request' });
    expect(field(notification, 'Pull request')).toBe('#1');
    expect(field(notification, 'Branches')).toBe('test-branch → main');
    expect(field(notification, 'By')).toBe('Mary_Major (Admin)');
    expect(field(notification, 'Source commit')).toBe('2774290EXAMPLE');
    expect(notification.sections).toEqual([
      { heading: [{ type: 'text', text: 'Description' }], lines: [[{ type: 'text', text: 'An example description.' }]], lists: [] },
    ]);
    expect(lineText(notification.context)).toBe('us-east-2 · 2019-02-09 07:15 UTC');
  });

  it.each([
    [{ event: 'pullRequestSourceBranchUpdated' }, 'updated the source branch of pull request #1', 'info'],
    [{ event: 'pullRequestStatusChanged', status: 'closed' }, 'closed pull request #1', 'warning'],
    [{ event: 'pullRequestStatusChanged', status: 'open' }, 'reopened pull request #1', 'info'],
    [{ event: 'pullRequestMergeStatusUpdated', status: 'closed', merged: true }, 'merged pull request #1', 'success'],
    [{ event: 'pullRequestStatusChanged', status: 'closed', merged: true }, 'merged pull request #1', 'success'],
    [{ event: 'pullRequestApprovalStateChanged' }, 'changed the approval state of pull request #1', 'info'],
    [{ event: 'pullRequestApprovalRuleCreated' }, 'changed the approval state of pull request #1', 'info'],
    [{ event: 'pullRequestSomethingNew' }, 'updated pull request #1 (pull request something new)', 'info'],
  ] as const)('reads %j as "%s"', (change, words, status) => {
    // Act
    const notification = describePullRequest({ ...created, ...change });

    // Assess
    expect(notification.title).toBe(`[MyDemoRepo] Mary_Major ${words}: My Example Pull Request`);
    expect(notification.status).toBe(status);
  });

  it('still reads well without actor, title, branches or description', () => {
    // Prepare
    const bare: PullRequestEvent = {
      kind: 'codecommit.pull-request',
      via: 'notification-rule',
      region: 'eu-west-1',
      repository: 'shop',
      pullRequestId: '7',
      event: 'pullRequestCreated',
      merged: false,
    };

    // Act
    const notification = describePullRequest(bare);

    // Assess
    expect(notification.title).toBe('[shop] Someone created pull request #7');
    expect(notification.fields.map((f) => f.label)).toEqual(['Repository', 'Pull request']);
    expect(notification.sections).toEqual([]);
  });

  it('shows only the destination when the source branch is unknown', () => {
    // Prepare
    const event: PullRequestEvent = { ...created };
    delete event.sourceReference;

    // Act
    const notification = describePullRequest(event);

    // Assess
    expect(field(notification, 'Branches')).toBe('into main');
  });

  it('keeps a multi-line description as separate plain lines', () => {
    // Act
    const notification = describePullRequest({ ...created, description: 'Fixes refunds.\r\n\r\n@here see https://evil.example' });

    // Assess
    expect(notification.sections[0]?.lines).toEqual([
      [{ type: 'text', text: 'Fixes refunds.' }],
      [{ type: 'text', text: '' }],
      [{ type: 'text', text: '@here see https://evil.example' }],
    ]);
  });
});
