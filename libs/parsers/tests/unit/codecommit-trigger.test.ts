import type { CodeCommitPushEvent } from '@herald/model';
import { listFixtures, loadFixture } from '@herald/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import {
  rawSnsNotification,
  snsLambdaEvent,
  triggerMessage,
  triggerRecord,
  type TriggerReferenceInput,
} from '../helpers/aws-event-builders.ts';
import { expectEvents, expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const HARNESS_USER_ARN = 'arn:aws:iam::448640225317:user/vault-okta-shubham.agrawal@harness.io-admin-1612770527-8086';
const HARNESS_USER = {
  arn: HARNESS_USER_ARN,
  name: 'vault-okta-shubham.agrawal@harness.io-admin-1612770527-8086',
  kind: 'user',
  account: '448640225317',
} as const;

/** What each trigger fixture must parse to, in full. */
const EXPECTED_BY_FIXTURE: Record<string, CodeCommitPushEvent> = {
  'codecommit/codecommit-trigger-lambda-direct-push-awsdocs.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'us-east-2',
    account: '123456789012',
    repository: 'lambda-pipeline-repo',
    references: [
      {
        fullName: 'refs/heads/master',
        name: 'master',
        kind: 'branch',
        change: 'updated',
        commitId: '5e493c6f3067653f3d04eca608b4901eb227078',
      },
    ],
    actor: { arn: 'arn:aws:iam::123456789012:user/intern', name: 'intern', kind: 'user', account: '123456789012' },
    time: '2019-03-12T20:58:25.400Z',
    isTest: false,
    eventId: '31ade2c7-f889-47c5-a937-1cf99e2790e9',
    part: { number: 1, total: 1 },
  },
  'codecommit/codecommit-trigger-lambda-direct-test-trigger.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'eu-central-1',
    account: '123456789012',
    repository: 'my-repo',
    references: [
      {
        fullName: 'refs/heads/master',
        name: 'master',
        kind: 'branch',
        change: 'updated',
        commitId: '5c4ef1049f1d27deadbeeff313e0730018be182b',
      },
    ],
    actor: { arn: 'arn:aws:iam::123456789012:root', name: 'root', kind: 'root', account: '123456789012' },
    time: '2016-01-01T23:59:59.000Z',
    customData: 'this is custom data',
    isTest: true,
    eventId: '5a824061-17ca-46a9-bbf9-114edeadbeef',
    part: { number: 1, total: 1 },
  },
  'codecommit/codecommit-trigger-sns-http-branch-create.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'us-east-1',
    account: '448640225317',
    repository: 'test',
    references: [
      {
        fullName: 'refs/heads/test',
        name: 'test',
        kind: 'branch',
        change: 'created',
        commitId: '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe',
      },
    ],
    actor: HARNESS_USER,
    time: '2021-02-08T10:03:08.862Z',
    isTest: false,
    eventId: '61f0580c-cd43-4ede-98f5-3d2d820c06ee',
    part: { number: 1, total: 1 },
  },
  'codecommit/codecommit-trigger-sns-http-branch-delete.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'us-east-1',
    account: '448640225317',
    repository: 'test',
    references: [
      {
        fullName: 'refs/heads/test',
        name: 'test',
        kind: 'branch',
        change: 'deleted',
        commitId: 'b74b1c26a4e8eca11baf89a40408c073be0ed38b',
      },
    ],
    actor: {
      arn: 'arn:aws:sts::448640225317:assumed-role/Okta_AWSPlay_Admin/shubham.agrawal@harness.io',
      name: 'shubham.agrawal@harness.io',
      kind: 'assumed-role',
      role: 'Okta_AWSPlay_Admin',
      account: '448640225317',
    },
    time: '2021-02-08T10:41:24.701Z',
    isTest: false,
    eventId: '0ac4dfd7-f87f-4a2b-96d7-d9d1a4ca5539',
    part: { number: 1, total: 1 },
  },
  'codecommit/codecommit-trigger-sns-http-push.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'us-east-1',
    account: '448640225317',
    repository: 'test',
    references: [
      {
        fullName: 'refs/heads/master',
        name: 'master',
        kind: 'branch',
        change: 'updated',
        commitId: '404dc3fa9085aeff978d5b3ec81d7f0a6a560afe',
      },
    ],
    actor: HARNESS_USER,
    time: '2021-02-08T08:53:15.172Z',
    isTest: false,
    eventId: 'bbbdc1b2-b407-4f14-8697-99f00f726056',
    part: { number: 1, total: 1 },
  },
  'codecommit/codecommit-trigger-sns-http-tag-create.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'us-east-1',
    account: '448640225317',
    repository: 'test',
    references: [
      {
        fullName: 'refs/tags/v1.0',
        name: 'v1.0',
        kind: 'tag',
        change: 'created',
        commitId: '271ac08cc18df57fc185c47c8a23a01115e283e4',
      },
    ],
    actor: HARNESS_USER,
    time: '2021-02-08T10:29:32.530Z',
    isTest: false,
    eventId: '8de1d3ff-a035-475b-8713-8a934047cdec',
    part: { number: 1, total: 1 },
  },
  'codecommit/codecommit-trigger-sns-sqs-push-customdata-empty.json': {
    kind: 'codecommit.push',
    via: 'trigger',
    region: 'us-east-1',
    account: '1111111111',
    repository: 'xxxx',
    references: [
      { fullName: 'refs/heads/master', name: 'master', kind: 'branch', change: 'updated', commitId: 'xxxxxxxxxxxxxxxxx' },
    ],
    actor: { arn: 'arn:aws:iam::1111111111:user/system/cc-xxx', name: 'cc-xxx', kind: 'user', account: '1111111111' },
    time: '2018-06-14T02:28:43.851Z',
    isTest: false,
    eventId: 'xxxx-xxxx-xxxx-xxxx-xxxx',
    part: { number: 1, total: 1 },
  },
};

const triggerFixtures = listFixtures('codecommit', 'codecommit-trigger-');

/** The only record of a built trigger message, parsed as a direct Lambda invocation. */
function parseReferences(references: TriggerReferenceInput[], overrides: Record<string, unknown> = {}) {
  return expectOneEvent(parseLambdaEvent(triggerMessage(triggerRecord(references, overrides))), 'codecommit.push');
}

describe('parseCodeCommitTriggerRecord', () => {
  it('has an expectation for every trigger fixture', () => {
    // Prepare
    const expected = Object.keys(EXPECTED_BY_FIXTURE).sort();

    // Act
    const found = [...triggerFixtures].sort();

    // Assess
    expect(found).toEqual(expected);
  });

  it.each(triggerFixtures)('parses the fixture %s into its full push event', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(expectOneEvent(outcomes, 'codecommit.push')).toStrictEqual(EXPECTED_BY_FIXTURE[fixture]);
  });

  it('parses a trigger delivered by SNS to Lambda (the Records[].Sns form)', () => {
    // Prepare
    const message = loadFixture<{ Message: string }>('codecommit/codecommit-trigger-sns-http-tag-create.json').Message;
    const input = snsLambdaEvent(message);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event).toStrictEqual(EXPECTED_BY_FIXTURE['codecommit/codecommit-trigger-sns-http-tag-create.json']);
  });

  it('parses a trigger delivered as a raw SNS body whose Subject is null, empty or absent', () => {
    // Prepare
    const message = triggerMessage(triggerRecord([{ ref: 'refs/heads/main', commit: 'a1b2c3' }]));
    const withoutSubject = rawSnsNotification(message);
    delete withoutSubject['Subject'];
    const inputs = [rawSnsNotification(message, { Subject: null }), rawSnsNotification(message, { Subject: '' }), withoutSubject];

    // Act
    const events = inputs.map((input) => expectOneEvent(parseLambdaEvent(input), 'codecommit.push'));

    // Assess
    for (const event of events) {
      expect(event.repository).toBe('herald-demo');
      expect(event.references).toEqual([
        { fullName: 'refs/heads/main', name: 'main', kind: 'branch', change: 'updated', commitId: 'a1b2c3' },
      ]);
    }
  });

  it('keeps every reference of a 50-reference push, in order, with its change and kind', () => {
    // Prepare
    const flagsByChange = [{ created: true }, {}, { deleted: true }];
    const references = Array.from({ length: 50 }, (_, index) => ({
      ref: index % 2 === 0 ? `refs/heads/feature/${index}` : `refs/tags/v1.${index}`,
      commit: index.toString(16).padStart(40, 'a'),
      ...flagsByChange[index % 3],
    }));

    // Act
    const event = parseReferences(references);

    // Assess
    expect(event.references).toHaveLength(50);
    expect(event.references.map((reference) => reference.fullName)).toEqual(references.map(({ ref }) => ref));
    expect(event.references[0]).toEqual({
      fullName: 'refs/heads/feature/0',
      name: 'feature/0',
      kind: 'branch',
      change: 'created',
      commitId: '0'.padStart(40, 'a'),
    });
    expect(event.references[49]).toEqual({
      fullName: 'refs/tags/v1.49',
      name: 'v1.49',
      kind: 'tag',
      change: 'updated',
      commitId: '31'.padStart(40, 'a'),
    });
    expect(event.references.filter((reference) => reference.change === 'created')).toHaveLength(17);
    expect(event.references.filter((reference) => reference.change === 'deleted')).toHaveLength(16);
    expect(event.references.filter((reference) => reference.kind === 'tag')).toHaveLength(25);
  });

  it('keeps all 4,000 references of the largest push CodeCommit allows', () => {
    // Prepare
    const references = Array.from({ length: 4000 }, (_, index) => ({ ref: `refs/heads/b${index}`, commit: 'abc', created: true }));

    // Act
    const event = parseReferences(references);

    // Assess
    expect(event.references).toHaveLength(4000);
    expect(event.references[3999]).toEqual({ fullName: 'refs/heads/b3999', name: 'b3999', kind: 'branch', change: 'created', commitId: 'abc' });
  });

  it.each([
    [{ created: 'true' }, 'created'],
    [{ deleted: 'true' }, 'deleted'],
    [{ created: 'TRUE' }, 'created'],
    [{ created: 'false', deleted: 'false' }, 'updated'],
    [{ created: false, deleted: false }, 'updated'],
    [{ created: null, deleted: null }, 'updated'],
    [{}, 'updated'],
  ])('reads the flags %j as a reference %s', (flags, change) => {
    // Prepare
    const reference = { ref: 'refs/heads/main', commit: 'c0ffee', ...flags };

    // Act
    const event = parseReferences([reference]);

    // Assess
    expect(event.references[0]?.change).toBe(change);
  });

  it('names references outside refs/heads and refs/tags by their full name, as kind other', () => {
    // Prepare
    const references = [{ ref: 'refs/notes/commits', commit: 'abc' }, { ref: 'refs/heads/', commit: 'abc' }];

    // Act
    const event = parseReferences(references);

    // Assess
    expect(event.references).toEqual([
      { fullName: 'refs/notes/commits', name: 'refs/notes/commits', kind: 'other', change: 'updated', commitId: 'abc' },
      { fullName: 'refs/heads/', name: 'refs/heads/', kind: 'other', change: 'updated', commitId: 'abc' },
    ]);
  });

  it("keeps a deleted reference's last commit and drops git's all-zero id", () => {
    // Prepare
    const references = [
      { ref: 'refs/heads/old', commit: 'b74b1c26a4e8eca11baf89a40408c073be0ed38b', deleted: true },
      { ref: 'refs/heads/gone', commit: '0000000000000000000000000000000000000000', deleted: true },
    ];

    // Act
    const event = parseReferences(references);

    // Assess
    expect(event.references).toStrictEqual([
      { fullName: 'refs/heads/old', name: 'old', kind: 'branch', change: 'deleted', commitId: 'b74b1c26a4e8eca11baf89a40408c073be0ed38b' },
      { fullName: 'refs/heads/gone', name: 'gone', kind: 'branch', change: 'deleted' },
    ]);
  });

  it.each([
    ['absent', undefined, undefined],
    ['null', null, undefined],
    ['empty', '', undefined],
    ['blank', '   ', undefined],
    ['a string', 'notify #team-a', 'notify #team-a'],
  ])('reads customData %s as %j', (_label, customData, expected) => {
    // Prepare
    const overrides = customData === undefined ? {} : { customData };

    // Act
    const event = parseReferences([{ ref: 'refs/heads/main', commit: 'abc' }], overrides);

    // Assess
    expect(event.customData).toBe(expected);
    expect('customData' in event).toBe(expected !== undefined);
  });

  it('reads part numbers sent as numeric strings', () => {
    // Prepare
    const overrides = { eventPartNumber: '2', eventTotalParts: '3' };

    // Act
    const event = parseReferences([{ ref: 'refs/heads/main', commit: 'abc' }], overrides);

    // Assess
    expect(event.part).toEqual({ number: 2, total: 3 });
  });

  it('leaves out metadata it cannot read instead of failing the push', () => {
    // Prepare
    const overrides = { eventPartNumber: 'one', eventTime: 'soon', eventId: 42, userIdentityARN: null, customData: 7 };

    // Act
    const event = parseReferences([{ ref: 'refs/heads/main', commit: 'abc' }], overrides);

    // Assess
    expect(event).toStrictEqual({
      kind: 'codecommit.push',
      via: 'trigger',
      region: 'eu-west-1',
      account: '123456789012',
      repository: 'herald-demo',
      references: [{ fullName: 'refs/heads/main', name: 'main', kind: 'branch', change: 'updated', commitId: 'abc' }],
      isTest: false,
    });
  });

  it('parses a record holding only the fields it needs', () => {
    // Prepare
    const input = {
      Records: [
        {
          eventSource: 'aws:codecommit',
          eventSourceARN: 'arn:aws:codecommit:ap-south-1:123456789012:bare',
          codecommit: { references: [{ ref: 'refs/heads/main' }] },
        },
      ],
    };

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event).toStrictEqual({
      kind: 'codecommit.push',
      via: 'trigger',
      region: 'ap-south-1',
      account: '123456789012',
      repository: 'bare',
      references: [{ fullName: 'refs/heads/main', name: 'main', kind: 'branch', change: 'updated' }],
      isTest: false,
    });
  });

  it('takes the region from eventSourceARN when awsRegion is missing', () => {
    // Prepare
    const overrides = { awsRegion: undefined, eventSourceARN: 'arn:aws-cn:codecommit:cn-north-1:111122223333:china-repo' };

    // Act
    const event = parseReferences([{ ref: 'refs/heads/main', commit: 'abc' }], overrides);

    // Assess
    expect(event).toMatchObject({ region: 'cn-north-1', account: '111122223333', repository: 'china-repo' });
  });

  it('produces one push per record of a message with several records', () => {
    // Prepare
    const input = rawSnsNotification(
      triggerMessage(
        triggerRecord([{ ref: 'refs/heads/main', commit: 'abc' }]),
        triggerRecord([{ ref: 'refs/tags/v2', commit: 'def', created: true }], {
          eventSourceARN: 'arn:aws:codecommit:eu-west-1:123456789012:other-repo',
          eventPartNumber: 2,
          eventTotalParts: 2,
        }),
      ),
    );

    // Act
    const events = expectEvents(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(events.map((event) => [event.repository, event.references[0]?.fullName, event.part])).toEqual([
      ['herald-demo', 'refs/heads/main', { number: 1, total: 1 }],
      ['other-repo', 'refs/tags/v2', { number: 2, total: 2 }],
    ]);
  });

  it.each([
    [{ codecommit: { references: [{ ref: 'refs/heads/a' }, { ref: 'refs/heads/b' }, { ref: '' }] } }, 'CodeCommit record 0: codecommit.references[2].ref must be a non-empty string'],
    [{ codecommit: { references: [{ commit: 'abc' }] } }, 'CodeCommit record 0: codecommit.references[0].ref must be a non-empty string'],
    [{ codecommit: { references: [{ ref: 'refs/heads/a', created: 'maybe' }] } }, 'CodeCommit record 0: codecommit.references[0].created must be true or false'],
    [{ codecommit: { references: [] } }, 'CodeCommit record 0: codecommit.references must not be empty'],
    [{ codecommit: { references: 'refs/heads/main' } }, 'CodeCommit record 0: codecommit.references must be an array'],
    [{ codecommit: null }, 'CodeCommit record 0: codecommit must be an object'],
    [{ eventSourceARN: undefined }, 'CodeCommit record 0: eventSourceARN must be a CodeCommit repository ARN, is missing'],
    [{ eventSourceARN: 'arn:aws:s3:::bucket' }, 'CodeCommit record 0: eventSourceARN must be a CodeCommit repository ARN, is not one: "arn:aws:s3:::bucket"'],
    [{ awsRegion: undefined, eventSourceARN: 'arn:aws:codecommit::1:repo' }, 'CodeCommit record 0: awsRegion is missing and eventSourceARN names no region'],
  ])('rejects a record with %j: %s', (overrides, reason) => {
    // Prepare
    const input = triggerMessage(triggerRecord([{ ref: 'refs/heads/main', commit: 'abc' }], overrides));

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it('says which SNS message held a bad record', () => {
    // Prepare
    const input = snsLambdaEvent(triggerMessage(triggerRecord([{ ref: 42 }])));

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([
      'Records[0].Sns.Message: CodeCommit record 0: codecommit.references[0].ref must be a non-empty string',
    ]);
  });

  it('round-trips any reference names exactly, in every envelope', () => {
    // Prepare
    const nonBlank = (text: string) => text.trim() !== '';
    const referenceName = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter(nonBlank),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter(nonBlank),
      fc.constantFrom('@channel', '<!here>', '<!channel>', '<@U012AB3CD>', '@everyone', 'feature/ünïcødé-🚀', '*bold* _it_ `code`'),
      fc.string({ minLength: 256, maxLength: 1200 }).filter(nonBlank),
    );
    const flag = fc.constantFrom(undefined, true, 'true', false, 'false');
    const reference = fc.record({
      kind: fc.constantFrom('branch' as const, 'tag' as const),
      name: referenceName,
      commit: fc.stringMatching(/^[0-9a-f]{40}$/),
      created: flag,
      deleted: flag,
    });
    const envelope = fc.constantFrom('direct', 'sns-lambda', 'sns-raw', 'json-string');
    const isSet = (value: unknown) => value === true || value === 'true';

    fc.assert(
      fc.property(fc.array(reference, { minLength: 1, maxLength: 20 }), envelope, (references, form) => {
        const message = triggerMessage(
          triggerRecord(
            references.map(({ kind, name, commit, created, deleted }) => ({
              ref: `${kind === 'branch' ? 'refs/heads/' : 'refs/tags/'}${name}`,
              commit,
              ...(created !== undefined && { created }),
              ...(deleted !== undefined && { deleted }),
            })),
          ),
        );
        const input =
          form === 'direct'
            ? message
            : form === 'sns-lambda'
              ? snsLambdaEvent(message)
              : form === 'sns-raw'
                ? rawSnsNotification(message)
                : JSON.stringify(message);

        // Act
        const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

        // Assess
        expect(event.references).toStrictEqual(
          references.map(({ kind, name, commit, created, deleted }) => ({
            fullName: `${kind === 'branch' ? 'refs/heads/' : 'refs/tags/'}${name}`,
            name,
            kind,
            change: isSet(deleted) ? 'deleted' : isSet(created) ? 'created' : 'updated',
            commitId: commit,
          })),
        );
      }),
      { numRuns: 200 },
    );
  });
});
