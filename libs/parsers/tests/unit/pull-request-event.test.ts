import type { PullRequestEvent } from '@herald/model';
import { loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { deliverAs, deliveryForms, eventBridgeEvent, notificationRuleMessage } from '../helpers/developer-tool-events.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const PULL_REQUEST_STATE_CHANGE = 'CodeCommit Pull Request State Change';
const MARY = {
  arn: 'arn:aws:sts::123456789012:assumed-role/Admin/Mary_Major',
  name: 'Mary_Major',
  kind: 'assumed-role',
  role: 'Admin',
  account: '123456789012',
} as const;

const MY_DEMO_REPO_PULL_REQUEST = {
  kind: 'codecommit.pull-request',
  via: 'eventbridge',
  region: 'us-east-2',
  account: '123456789012',
  time: '2019-02-09T07:15:16.000Z',
  eventId: '98377d67-EXAMPLE',
  repository: 'MyDemoRepo',
  pullRequestId: '1',
  title: 'My Example Pull Request',
  description: 'An example description.',
  merged: false,
  actor: MARY,
  sourceReference: 'refs/heads/test-branch',
  destinationReference: 'refs/heads/main',
} as const;

/** What each pull-request fixture must parse to, in full. */
const EXPECTED_BY_FIXTURE: Record<string, PullRequestEvent> = {
  'codecommit/codecommit-eventbridge-pull-request-created-awsdocs.json': {
    ...MY_DEMO_REPO_PULL_REQUEST,
    event: 'pullRequestCreated',
    status: 'open',
    sourceCommit: '2774290EXAMPLE',
    destinationCommit: '12241970EXAMPLE',
  },
  'codecommit/codecommit-eventbridge-pull-request-status-changed-awsdocs.json': {
    ...MY_DEMO_REPO_PULL_REQUEST,
    event: 'pullRequestStatusChanged',
    status: 'closed',
    sourceCommit: '4409936EXAMPLE',
    destinationCommit: '95149731EXAMPLE',
  },
  'codestar-notifications/codestar-sns-lambda-codecommit-pull-request-created.json': {
    kind: 'codecommit.pull-request',
    via: 'notification-rule',
    region: 'us-west-2',
    account: '799546647898',
    time: '2020-03-11T16:37:56.000Z',
    repository: 'terraform-multi-account',
    pullRequestId: '76',
    event: 'pullRequestCreated',
    title: 'Add ability for all users to see approvals',
    status: 'open',
    merged: false,
    actor: { arn: 'arn:aws:iam::799546647898:user/kschlorff', name: 'kschlorff', kind: 'user', account: '799546647898' },
    sourceReference: 'refs/heads/add-pr-approval-viewing',
    destinationReference: 'refs/heads/master',
    sourceCommit: '1b3e002e0f2c3529a6e9ef5ad93a88d41c592322',
    destinationCommit: '31492854843c2e7d2db77df7d668caa3ef4aa875',
  },
};

const pullRequestFixtures = Object.keys(EXPECTED_BY_FIXTURE);

/** A pull request of `herald-demo` that bob merged into main. */
function mergedDetail(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    author: 'arn:aws:iam::123456789012:user/alice',
    callerUserArn: 'arn:aws:sts::123456789012:assumed-role/Developer/bob',
    creationDate: 'Tue Apr 30 09:12:03 UTC 2024',
    description: 'Adds the release notes.',
    destinationCommit: '9d1c5e3a7b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e',
    destinationReference: 'refs/heads/main',
    event: 'pullRequestMergeStatusUpdated',
    isMerged: 'True',
    lastModifiedDate: 'Wed May 1 12:34:50 UTC 2024',
    mergeOption: 'FAST_FORWARD_MERGE',
    notificationBody: 'A pull request event occurred in the following AWS CodeCommit repository: herald-demo.',
    pullRequestId: '42',
    pullRequestStatus: 'Closed',
    repositoryNames: ['herald-demo'],
    sourceCommit: '3e5983d1b2c4a6f8e0d2c4b6a8f0e2d4c6b8a0f2',
    sourceReference: 'refs/heads/release-notes',
    title: 'Release notes',
    ...overrides,
  };
}

function parsePullRequest(detail: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return expectOneEvent(parseLambdaEvent(eventBridgeEvent(PULL_REQUEST_STATE_CHANGE, detail, overrides)), 'codecommit.pull-request');
}

describe('parsePullRequestEvent', () => {
  it.each(pullRequestFixtures)('parses the fixture %s into its full pull-request event', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.pull-request');

    // Assess
    expect(event).toStrictEqual(EXPECTED_BY_FIXTURE[fixture]);
  });

  it('reads a merged, closed pull request, naming who merged it rather than who wrote it', () => {
    // Prepare
    const detail = mergedDetail();

    // Act
    const event = parsePullRequest(detail, { resources: ['arn:aws:codecommit:eu-west-1:123456789012:herald-demo'] });

    // Assess
    expect(event).toStrictEqual({
      kind: 'codecommit.pull-request',
      via: 'eventbridge',
      region: 'eu-west-1',
      account: '123456789012',
      time: '2024-05-01T12:34:56.000Z',
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      repository: 'herald-demo',
      pullRequestId: '42',
      event: 'pullRequestMergeStatusUpdated',
      title: 'Release notes',
      description: 'Adds the release notes.',
      status: 'closed',
      merged: true,
      actor: { arn: 'arn:aws:sts::123456789012:assumed-role/Developer/bob', name: 'bob', kind: 'assumed-role', role: 'Developer', account: '123456789012' },
      sourceReference: 'refs/heads/release-notes',
      destinationReference: 'refs/heads/main',
      sourceCommit: '3e5983d1b2c4a6f8e0d2c4b6a8f0e2d4c6b8a0f2',
      destinationCommit: '9d1c5e3a7b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e',
    });
  });

  it('names the author as the actor when the event does not say who caused it', () => {
    // Prepare
    const detail = mergedDetail({ callerUserArn: undefined });

    // Act
    const event = parsePullRequest(detail);

    // Assess
    expect(event.actor).toEqual({ arn: 'arn:aws:iam::123456789012:user/alice', name: 'alice', kind: 'user', account: '123456789012' });
  });

  it.each([
    ['True', true],
    ['true', true],
    [true, true],
    ['False', false],
    [false, false],
    [null, false],
    ['maybe', false],
  ])('reads isMerged %j as %s', (isMerged, merged) => {
    // Prepare
    const detail = mergedDetail({ isMerged });

    // Act
    const event = parsePullRequest(detail);

    // Assess
    expect(event.merged).toBe(merged);
  });

  it.each([
    ['Open', 'open'],
    ['CLOSED', 'closed'],
    ['Merged', undefined],
  ])('reads the status %s as %s', (pullRequestStatus, status) => {
    // Prepare
    const detail = mergedDetail({ pullRequestStatus });

    // Act
    const event = parsePullRequest(detail);

    // Assess
    expect(event.status).toBe(status);
  });

  it('reads a numeric pull-request id, the repository from its ARN and the time from lastModifiedDate', () => {
    // Prepare
    const detail = mergedDetail({ pullRequestId: 7, repositoryNames: [] });

    // Act
    const event = parsePullRequest(detail, { time: undefined, resources: ['arn:aws:codecommit:eu-west-1:123456789012:from-arn'] });

    // Assess
    expect([event.pullRequestId, event.repository, event.time]).toEqual(['7', 'from-arn', '2024-05-01T12:34:50.000Z']);
  });

  it('reads the trailing-space date of the documentation as Pacific daylight time', () => {
    // Prepare
    const detail = mergedDetail({ lastModifiedDate: 'Tue Feb 9 2019 10:18:42 PDT ' });

    // Act
    const event = parsePullRequest(detail, { time: 'yesterday' });

    // Assess
    expect(event.time).toBe('2019-02-09T17:18:42.000Z');
  });

  it('keeps an untrusted title and description exactly as sent', () => {
    // Prepare
    const title = '<!channel> merge *now* & <https://evil.example|here>';
    const description = 'line one\n@everyone <@U012AB3CD>\n```code```';

    // Act
    const event = parsePullRequest(mergedDetail({ title, description }));

    // Assess
    expect([event.title, event.description]).toEqual([title, description]);
  });

  it('reads the notification-rule form', () => {
    // Prepare
    const input = deliverAs('raw SNS body', notificationRuleMessage(PULL_REQUEST_STATE_CHANGE, mergedDetail()));

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.pull-request');

    // Assess
    expect(event).toMatchObject({ via: 'notification-rule', merged: true, pullRequestId: '42' });
    expect(event.eventId).toBeUndefined();
  });

  it.each(deliveryForms)('reads an event delivered as %s exactly like the event itself', (form) => {
    // Prepare
    const event = loadFixture('codecommit/codecommit-eventbridge-pull-request-created-awsdocs.json');

    // Act
    const outcomes = parseLambdaEvent(deliverAs(form, event));

    // Assess
    expect(outcomes).toStrictEqual(parseLambdaEvent(event));
  });

  it.each([
    [{ pullRequestId: undefined }, `${PULL_REQUEST_STATE_CHANGE}: detail.pullRequestId must be a non-empty string`],
    [{ pullRequestId: ' ' }, `${PULL_REQUEST_STATE_CHANGE}: detail.pullRequestId must be a non-empty string`],
    [{ event: null }, `${PULL_REQUEST_STATE_CHANGE}: detail.event must be a non-empty string`],
    [{ repositoryNames: 'herald-demo' }, `${PULL_REQUEST_STATE_CHANGE}: detail.repositoryNames must name a repository`],
  ])('rejects a detail with %j: %s', (overrides, reason) => {
    // Prepare
    const input = eventBridgeEvent(PULL_REQUEST_STATE_CHANGE, mergedDetail(overrides));

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });
});
