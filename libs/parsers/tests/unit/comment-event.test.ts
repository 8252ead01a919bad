import { loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { deliverAs, eventBridgeEvent, notificationRuleMessage } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const COMMENT_ON_COMMIT = 'CodeCommit Comment on Commit';
const COMMENT_ON_PULL_REQUEST = 'CodeCommit Comment on Pull Request';
const FIXTURE = 'codecommit/codecommit-eventbridge-comment-on-pull-request-created-awsdocs.json';

/** A comment carol made on a commit of `herald-demo`. */
const COMMIT_COMMENT_DETAIL = {
  afterCommitId: '3e5983d1b2c4a6f8e0d2c4b6a8f0e2d4c6b8a0f2',
  beforeCommitId: '9d1c5e3a7b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e',
  callerUserArn: 'arn:aws:iam::123456789012:user/carol',
  commentId: 'ff4a1c2e-EXAMPLE',
  event: 'commentOnCommitCreated',
  notificationBody:
    'A comment event occurred in the following AWS CodeCommit repository: herald-demo. The user arn:aws:iam::123456789012:user/carol made a comment. The comment was made on the following comment ID: ff4a1c2e-EXAMPLE. For more information, go to the AWS CodeCommit console https://eu-west-1.console.aws.amazon.com/codesuite/codecommit/repositories/herald-demo/commit/3e5983d?region\u003deu-west-1',
  repositoryId: '12345678-1234-5678-abcd-12345678abcd',
  repositoryName: 'herald-demo',
};

describe('parseCommentEvent', () => {
  it('parses the fixture into its full comment event', () => {
    // Prepare
    const input = loadFixture<{ detail: { notificationBody: string } }>(FIXTURE);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.comment');

    // Assess
    expect(event).toStrictEqual({
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
      actor: {
        arn: 'arn:aws:sts::123456789012:federated-user/Saanvi_Sarkar',
        name: 'Saanvi_Sarkar',
        kind: 'federated',
        account: '123456789012',
      },
      notificationBody: input.detail.notificationBody,
    });
  });

  it('reads a comment on a commit', () => {
    // Prepare
    const input = eventBridgeEvent(COMMENT_ON_COMMIT, COMMIT_COMMENT_DETAIL);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.comment');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codecommit.comment',
      via: 'eventbridge',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      repository: 'herald-demo',
      on: 'commit',
      commitId: '3e5983d1b2c4a6f8e0d2c4b6a8f0e2d4c6b8a0f2',
      commentId: 'ff4a1c2e-EXAMPLE',
      actor: { arn: 'arn:aws:iam::123456789012:user/carol', name: 'carol', kind: 'user', account: '123456789012' },
      notificationBody: COMMIT_COMMENT_DETAIL.notificationBody,
    });
  });

  it('reads the notification-rule form delivered by SNS', () => {
    // Prepare
    const input = deliverAs('SNS to Lambda', notificationRuleMessage(COMMENT_ON_PULL_REQUEST, { ...COMMIT_COMMENT_DETAIL, pullRequestId: 12 }));

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.comment');

    // Assess
    expect(event).toMatchObject({ via: 'notification-rule', on: 'pull-request', pullRequestId: '12', repository: 'herald-demo' });
  });

  it('takes the repository from its ARN and leaves out the actor when the detail names neither', () => {
    // Prepare
    const detail = { ...COMMIT_COMMENT_DETAIL, repositoryName: undefined, callerUserArn: undefined };

    // Act
    const event = expectOneEvent(
      parseLambdaEvent(eventBridgeEvent(COMMENT_ON_COMMIT, detail, { resources: ['arn:aws:codecommit:eu-west-1:123456789012:from-arn'] })),
      'codecommit.comment',
    );

    // Assess
    expect(event.repository).toBe('from-arn');
    expect('actor' in event).toBe(false);
  });

  it('rejects a comment that names no repository', () => {
    // Prepare
    const input = eventBridgeEvent(COMMENT_ON_COMMIT, { ...COMMIT_COMMENT_DETAIL, repositoryName: '' });

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([`${COMMENT_ON_COMMIT}: detail.repositoryName must be a non-empty string`]);
  });
});
