import type { CodeCommitPushEvent } from '@herald/model';
import { listFixtures, loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { rawSnsNotification, referenceEvent, snsLambdaEvent, sqsEvent } from '../helpers/aws-event-builders.ts';
import { expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

/** What each reference-event fixture must parse to, in full. */
const EXPECTED_BY_FIXTURE: Record<string, CodeCommitPushEvent> = {
  'codecommit/codecommit-eventbridge-reference-created-awsdocs.json': {
    kind: 'codecommit.push',
    via: 'eventbridge',
    region: 'us-east-2',
    account: '123456789012',
    repository: 'MyDemoRepo',
    references: [
      { fullName: 'refs/heads/myBranch', name: 'myBranch', kind: 'branch', change: 'created', commitId: '3e5983DESTINATION' },
    ],
    time: '2019-06-12T10:23:43.000Z',
    isTest: false,
    eventId: '01234567-EXAMPLE',
  },
  'codecommit/codecommit-eventbridge-reference-updated-awsdocs.json': {
    kind: 'codecommit.push',
    via: 'eventbridge',
    region: 'us-east-2',
    account: '123456789012',
    repository: 'MyDemoRepo',
    references: [
      {
        fullName: 'refs/heads/myBranch',
        name: 'myBranch',
        kind: 'branch',
        change: 'updated',
        commitId: '7f0103fMERGE',
        oldCommitId: '3e5983DESTINATION',
        merge: {
          sourceCommitId: '26a8f2SOURCE',
          destinationCommitId: '3e5983DESTINATION',
          baseCommitId: '3e5a9bf1BASE',
          mergeOption: 'THREE_WAY_MERGE',
        },
      },
    ],
    time: '2019-06-12T10:23:43.000Z',
    isTest: false,
    eventId: '01234567-EXAMPLE',
  },
};

const referenceFixtures = listFixtures('codecommit', 'codecommit-eventbridge-reference-');

const DELETED_TAG_EVENT = referenceEvent({
  event: 'referenceDeleted',
  referenceType: 'tag',
  referenceName: 'v1.2.0',
  referenceFullName: 'refs/tags/v1.2.0',
  oldCommitId: '9d1c5e3a7b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e',
});

const DELETED_TAG_PUSH: CodeCommitPushEvent = {
  kind: 'codecommit.push',
  via: 'eventbridge',
  region: 'eu-west-1',
  account: '123456789012',
  repository: 'herald-demo',
  references: [
    {
      fullName: 'refs/tags/v1.2.0',
      name: 'v1.2.0',
      kind: 'tag',
      change: 'deleted',
      commitId: '9d1c5e3a7b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e',
      oldCommitId: '9d1c5e3a7b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e',
    },
  ],
  actor: {
    arn: 'arn:aws:sts::123456789012:assumed-role/Developer/bob',
    name: 'bob',
    kind: 'assumed-role',
    role: 'Developer',
    account: '123456789012',
  },
  time: '2024-05-01T12:34:56.000Z',
  isTest: false,
  eventId: '01234567-0000-4000-8000-0000000000ab',
};

describe('parseCodeCommitReferenceEvent', () => {
  it('has an expectation for every reference-event fixture', () => {
    // Prepare
    const expected = Object.keys(EXPECTED_BY_FIXTURE).sort();

    // Act
    const found = [...referenceFixtures].sort();

    // Assess
    expect(found).toEqual(expected);
  });

  it.each(referenceFixtures)('parses the fixture %s into its full push event', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(expectOneEvent(outcomes, 'codecommit.push')).toStrictEqual(EXPECTED_BY_FIXTURE[fixture]);
  });

  it('parses referenceDeleted, keeping the commit the reference pointed to as commitId and oldCommitId', () => {
    // Prepare
    const input = DELETED_TAG_EVENT;

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event).toStrictEqual(DELETED_TAG_PUSH);
  });

  it.each([
    ['SNS to Lambda', snsLambdaEvent(DELETED_TAG_EVENT)],
    ['a raw SNS body', rawSnsNotification(DELETED_TAG_EVENT, { Subject: null })],
    ['an SQS record', sqsEvent(DELETED_TAG_EVENT)],
    ['a JSON string', JSON.stringify(DELETED_TAG_EVENT)],
  ])('parses an event wrapped in %s', (_envelope, input) => {
    // Prepare, Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event).toStrictEqual(DELETED_TAG_PUSH);
  });

  it('reads the notification-rule form (detailType, no id)', () => {
    // Prepare
    const input = snsLambdaEvent({
      account: '123456789012',
      detailType: 'CodeCommit Repository State Change',
      region: 'eu-west-1',
      source: 'aws.codecommit',
      time: '2024-05-01T12:34:56Z',
      notificationRuleArn: 'arn:aws:codestar-notifications:eu-west-1:123456789012:notificationrule/example',
      detail: {
        event: 'referenceCreated',
        repositoryName: 'herald-demo',
        referenceType: 'branch',
        referenceName: 'release/2024',
        referenceFullName: 'refs/heads/release/2024',
        commitId: 'abc123',
        callerUserArn: 'arn:aws:iam::123456789012:user/carol',
      },
      resources: ['arn:aws:codecommit:eu-west-1:123456789012:herald-demo'],
      additionalAttributes: {},
    });

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event.eventId).toBeUndefined();
    expect(event.actor?.name).toBe('carol');
    expect(event.references).toEqual([
      { fullName: 'refs/heads/release/2024', name: 'release/2024', kind: 'branch', change: 'created', commitId: 'abc123' },
    ]);
  });

  it.each([
    ['branch', 'main', 'refs/heads/main'],
    ['tag', 'v3', 'refs/tags/v3'],
  ])('derives the full name of a %s named %s when referenceFullName is missing', (referenceType, referenceName, fullName) => {
    // Prepare
    const input = referenceEvent({ event: 'referenceCreated', referenceType, referenceName, commitId: 'abc' });

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event.references[0]).toMatchObject({ fullName, name: referenceName, kind: referenceType });
  });

  it('takes the repository from resources and leaves the actor out when the detail does not name them', () => {
    // Prepare
    const input = {
      ...referenceEvent({}, { resources: ['arn:aws:codecommit:eu-west-1:123456789012:from-resources'] }),
      detail: { event: 'referenceUpdated', referenceFullName: 'refs/heads/main', commitId: 'new', oldCommitId: 'old' },
    };

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event.repository).toBe('from-resources');
    expect(event.actor).toBeUndefined();
    expect(event.references).toStrictEqual([
      { fullName: 'refs/heads/main', name: 'main', kind: 'branch', change: 'updated', commitId: 'new', oldCommitId: 'old' },
    ]);
  });

  it.each([
    [{ event: 'referenceCreated' }, 'CodeCommit Repository State Change: detail.referenceName or detail.referenceFullName must be a non-empty string'],
    [{ event: 'repositoryArchived', referenceName: 'main' }, 'unsupported event: CodeCommit Repository State Change "repositoryArchived"'],
    [{ event: 42 }, 'CodeCommit Repository State Change: detail.event must be a non-empty string'],
  ])('rejects the detail %j: %s', (detail, reason) => {
    // Prepare
    const input = referenceEvent(detail);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it('parses an event holding only the fields it needs', () => {
    // Prepare
    const input = {
      'detail-type': 'CodeCommit Repository State Change',
      region: 'eu-north-1',
      detail: { event: 'referenceCreated', repositoryName: 'bare', referenceName: 'main', commitId: 'abc' },
    };

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codecommit.push',
      via: 'eventbridge',
      region: 'eu-north-1',
      repository: 'bare',
      references: [{ fullName: 'refs/heads/main', name: 'main', kind: 'branch', change: 'created', commitId: 'abc' }],
      isTest: false,
    });
  });

  it.each([
    ['is not an object', 'referenceCreated'],
    ['is missing', undefined],
  ])('rejects an event whose detail %s', (_label, detail) => {
    // Prepare
    const input = { ...referenceEvent({}), detail };

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual(['CodeCommit Repository State Change: detail must be an object']);
  });

  it('takes the region and account from the SNS topic when neither the event nor its resources name them', () => {
    // Prepare
    const event = { ...referenceEvent({ event: 'referenceCreated', referenceName: 'main', commitId: 'abc' }), region: undefined, account: undefined, resources: [] };
    const input = rawSnsNotification(event, { TopicArn: 'arn:aws:sns:ap-northeast-1:210987654321:pushes' });

    // Act
    const push = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect([push.region, push.account, push.repository]).toEqual(['ap-northeast-1', '210987654321', 'herald-demo']);
  });

  it('rejects an event that names neither a region nor a repository ARN', () => {
    // Prepare
    const input = { ...referenceEvent({ event: 'referenceCreated', referenceName: 'main' }), region: undefined, resources: [] };

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual(['CodeCommit Repository State Change: region must be a non-empty string']);
  });
});
