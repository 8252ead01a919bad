import type { DevEventKind } from '@herald/model';
import { listFixtures, loadFixture } from '@herald/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent, type ParseOutcome } from '../../src/index.ts';
import { rawSnsNotification, sqsEvent, triggerRecord } from '../helpers/aws-event-builders.ts';
import { expectEvents, expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const DIRECT_PUSH = 'codecommit/codecommit-trigger-lambda-direct-push-awsdocs.json';

/** The kind of event each real event of the other sources is, by the start of its file name. */
const KIND_BY_FIXTURE_PREFIX: [string, DevEventKind][] = [
  ['codedeploy/codedeploy-trigger-message-instance', 'codedeploy.instance'],
  ['codedeploy/', 'codedeploy.deployment'],
  ['codepipeline/codepipeline-manual-approval', 'codepipeline.approval'],
  ['codepipeline/', 'codepipeline.execution'],
  ['codebuild/', 'codebuild.build'],
  ['codestar-notifications/codestar-message-codebuild', 'codebuild.build'],
  ['codestar-notifications/codestar-sns-lambda-codecommit-pull-request', 'codecommit.pull-request'],
  ['codestar-notifications/', 'codepipeline.execution'],
  ['codecommit/codecommit-eventbridge-pull-request', 'codecommit.pull-request'],
  ['codecommit/codecommit-eventbridge-comment', 'codecommit.comment'],
];

const otherSourceFixtures = [
  ...listFixtures('codedeploy'),
  ...listFixtures('codepipeline'),
  ...listFixtures('codebuild'),
  ...listFixtures('codestar-notifications'),
  ...listFixtures('codecommit', 'codecommit-eventbridge-pull-request'),
  ...listFixtures('codecommit', 'codecommit-eventbridge-comment'),
];

/** What S3 sends to Lambda when an object is created. */
const S3_NOTIFICATION = {
  Records: [
    {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'eu-west-1',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'artifacts' }, object: { key: 'build.zip' } },
    },
  ],
};

/** Every detail type Herald reads, and one it does not. */
const DETAIL_TYPES = [
  'CodeCommit Repository State Change',
  'CodeCommit Pull Request State Change',
  'CodeCommit Comment on Pull Request',
  'CodeCommit Comment on Commit',
  'CodeDeploy Deployment State-change Notification',
  'CodeDeploy Instance State-change Notification',
  'CodePipeline Pipeline Execution State Change',
  'CodePipeline Stage Execution State Change',
  'CodePipeline Action Execution State Change',
  'CodeBuild Build State Change',
  'CodeBuild Build Phase Change',
  'Other',
];

const DETAIL_KEYS = [
  'event', 'repositoryName', 'repositoryNames', 'referenceName', 'commitId', 'callerUserArn', 'author', 'pullRequestId',
  'isMerged', 'pullRequestStatus', 'title', 'afterCommitId', 'commentId', 'notificationBody', 'application',
  'deploymentGroup', 'deploymentId', 'instanceId', 'state', 'region', 'pipeline', 'execution-id', 'stage', 'action',
  'type', 'execution-trigger', 'execution-result', 'version', 'build-status', 'project-name', 'build-id',
  'completed-phase', 'completed-phase-status', 'completed-phase-context', 'additional-information',
];

const TRIGGER_MESSAGE_KEYS = [
  'deploymentId', 'instanceId', 'instanceStatus', 'status', 'applicationName', 'deploymentGroupName', 'eventTriggerName',
  'region', 'accountId', 'createTime', 'completeTime', 'lastUpdatedAt', 'deploymentOverview', 'errorInformation',
  'rollbackInformation', 'lifecycleEvents',
];

const APPROVAL_KEYS = ['pipelineName', 'stageName', 'actionName', 'token', 'expires', 'approvalReviewLink', 'customData'];

const RESOURCE_ARNS = [
  'arn:aws:codecommit:eu-west-1:123456789012:repo',
  'arn:aws:codepipeline:eu-west-1:123456789012:pipeline',
  'arn:aws:codebuild:eu-west-1:123456789012:build/project:0f9e8d7c',
  'arn:aws:codedeploy:eu-west-1:123456789012:application:app',
  'arn:aws:codedeploy:eu-west-1:123456789012:deploymentgroup:app/group',
];

const KINDS = new Set<string>([
  'codecommit.push',
  'codecommit.pull-request',
  'codecommit.comment',
  'codedeploy.deployment',
  'codedeploy.instance',
  'codepipeline.execution',
  'codepipeline.approval',
  'codebuild.build',
]);

function expectWellFormed(outcomes: ParseOutcome[]): void {
  expect(outcomes.length).toBeGreaterThanOrEqual(1);
  for (const outcome of outcomes) {
    if (outcome.ok) {
      expect(KINDS.has(outcome.event.kind)).toBe(true);
      expect(outcome.event.region.trim()).not.toBe('');
    } else {
      expect(outcome.error.name).toBe('ParseError');
      expect(outcome.error.reason).not.toContain('\n');
      expect(outcome.error.reason.length).toBeGreaterThan(0);
      expect(outcome.error.reason.length).toBeLessThanOrEqual(200);
      // Kept for inputs that throw when read; any other value reaching it is a parser bug.
      expect(outcome.error.reason).not.toMatch(/^input could not be read/);
    }
  }
}

describe('parseLambdaEvent', () => {
  it.each([
    ['once', (event: unknown) => JSON.stringify(event)],
    ['twice', (event: unknown) => JSON.stringify(JSON.stringify(event))],
    ['with surrounding whitespace', (event: unknown) => `\n  ${JSON.stringify(event, null, 2)}  \n`],
  ])('reads an event given as JSON text (%s)', (_label, encode) => {
    // Prepare
    const input = encode(loadFixture(DIRECT_PUSH));

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event).toMatchObject({ repository: 'lambda-pipeline-repo', region: 'us-east-2', via: 'trigger' });
  });

  it('reads a raw SNS body delivered through SQS', () => {
    // Prepare
    const input = sqsEvent(loadFixture('codecommit/codecommit-trigger-sns-http-branch-delete.json'), 'oops');

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([undefined, 'Records[1].body is not JSON']);
    expect(expectEvents(outcomes.slice(0, 1), 'codecommit.push')[0]?.references[0]?.change).toBe('deleted');
  });

  it('reads a single trigger record handed over without its Records array', () => {
    // Prepare
    const input = triggerRecord([{ ref: 'refs/heads/main', commit: 'abc' }]);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(event.repository).toBe('herald-demo');
  });

  it.each([
    [undefined, 'input must be an object, got undefined'],
    [null, 'input must be an object, got null'],
    [42, 'input must be an object, got number'],
    [true, 'input must be an object, got boolean'],
    [[], 'input must be an object, got array'],
    ['', 'input is empty'],
    ['Hello from SNS!', 'input is not JSON'],
    ['"just a string"', 'input is not JSON'],
    ['null', 'input must be an object, got null'],
    [{}, 'unsupported event: matches no SNS, SQS, EventBridge, trigger or manual-approval shape (empty object)'],
    [{ Records: [] }, 'Records is empty'],
    [{ Records: {} }, 'Records must be an array, got object'],
    [{ Records: [null] }, 'Records[0] must be an object, got null'],
    [{ Records: [{ eventSource: 'aws:s3', s3: {} }] }, 'Records[0] is not a supported record (eventSource "aws:s3")'],
    [{ Records: [{}] }, 'Records[0] is not a supported record (no eventSource)'],
    [{ 'detail-type': '' }, 'detail-type must be a non-empty string'],
    [{ detailType: 7 }, 'detailType must be a non-empty string'],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, 'unsupported event: matches no SNS, SQS, EventBridge, trigger or manual-approval shape (keys "a", "b", "c", "d", "e", …)'],
  ])('rejects %j: %s', (input, reason) => {
    // Prepare, Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it.each(otherSourceFixtures)('parses the real event %s into one event of its kind', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);
    const kind = KIND_BY_FIXTURE_PREFIX.find(([prefix]) => fixture.startsWith(prefix))?.[1];

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([undefined]);
    expect(outcomes[0]?.ok && outcomes[0].event.kind).toBe(kind);
  });

  it.each([
    ['an EventBridge event of another service', { 'detail-type': 'Object Created', source: 'aws.s3', detail: { bucket: { name: 'b' } } }, 'unsupported event: detail-type "Object Created"'],
    ['a CodeBuild report event', { 'detail-type': 'CodeBuild Report State Change', source: 'aws.codebuild', detail: {} }, 'unsupported event: detail-type "CodeBuild Report State Change"'],
    ['a notification-rule message of another kind', { detailType: 'CodeCommit Approval Rule Template State Change', detail: {} }, 'unsupported event: detail-type "CodeCommit Approval Rule Template State Change"'],
    ['a detail-type that names an object property', { 'detail-type': 'constructor', detail: {} }, 'unsupported event: detail-type "constructor"'],
    ['an S3 notification', S3_NOTIFICATION, 'Records[0] is not a supported record (eventSource "aws:s3")'],
    ['an SNS message of another service', rawSnsNotification({ AlarmName: 'cpu-high', NewStateValue: 'ALARM' }), 'Message: unsupported event: matches no SNS, SQS, EventBridge, trigger or manual-approval shape (keys "AlarmName", "NewStateValue")'],
  ])('reports %s as unsupported, naming what it is', (_label, input, reason) => {
    // Prepare, Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it('quotes at most the first 80 characters of a value in a reason', () => {
    // Prepare
    const input = { 'detail-type': `CodePipeline ${'x'.repeat(10_000)}` };

    // Act
    const [reason] = reasonsOf(parseLambdaEvent(input));

    // Assess
    expect(reason).toBe(`unsupported event: detail-type "CodePipeline ${'x'.repeat(67)}…"`);
  });

  it('stops unwrapping JSON text nested deeper than any real delivery', () => {
    // Prepare
    let input: unknown = loadFixture(DIRECT_PUSH);
    for (let layer = 0; layer < 10; layer += 1) input = JSON.stringify(input);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual(['input is wrapped in more than 8 layers of JSON']);
  });

  it('turns inputs that throw when read into a failed outcome', () => {
    // Prepare
    const throwingGetter = Object.defineProperty({}, 'Records', {
      enumerable: true,
      get() {
        throw new Error('boom\nwith a second line');
      },
    });
    const throwingProxy = new Proxy({}, { has: () => { throw new TypeError('no'); } });

    // Act
    const outcomes = [...parseLambdaEvent(throwingGetter), ...parseLambdaEvent(throwingProxy)];

    // Assess
    expect(reasonsOf(outcomes)).toEqual([
      'input could not be read: "Error: boom\\nwith a second line"',
      'input could not be read: "TypeError: no"',
    ]);
  });

  it('reads cyclic objects without looping', () => {
    // Prepare
    const record: Record<string, unknown> = triggerRecord([{ ref: 'refs/heads/main', commit: 'abc' }]);
    record['self'] = record;
    const input: Record<string, unknown> = { Records: [record] };
    input['again'] = input;

    // Act
    const events = expectEvents(parseLambdaEvent(input), 'codecommit.push');

    // Assess
    expect(events[0]?.references[0]?.name).toBe('main');
  });

  it('never throws on any JSON value, and every outcome is a push or a one-line reason', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Act
        const outcomes = parseLambdaEvent(value);
        const outcomesOfText = parseLambdaEvent(JSON.stringify(value));

        // Assess
        expectWellFormed(outcomes);
        expectWellFormed(outcomesOfText);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on anything, including values no JSON can hold', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (value) => {
          // Act
          const outcomes = parseLambdaEvent(value);

          // Assess
          expectWellFormed(outcomes);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on event-shaped values with arbitrary contents', () => {
    // Prepare
    const anyValue = fc.oneof(fc.jsonValue(), fc.anything());
    const recordLike = fc.record(
      {
        eventSource: fc.constantFrom('aws:codecommit', 'aws:sns', 'aws:sqs', 'aws:s3'),
        EventSource: fc.constantFrom('aws:sns'),
        codecommit: fc.oneof(anyValue, fc.record({ references: fc.array(fc.dictionary(fc.constantFrom('ref', 'commit', 'created', 'deleted'), anyValue)) })),
        Sns: fc.oneof(anyValue, fc.record({ Message: fc.oneof(anyValue, anyValue.map((value) => JSON.stringify(value) ?? '')) })),
        body: anyValue,
        eventSourceARN: fc.oneof(anyValue, fc.constant('arn:aws:codecommit:us-east-1:1:repo')),
        awsRegion: anyValue,
      },
      { requiredKeys: [] },
    );
    const jsonOrText = fc.oneof(anyValue, anyValue.map((value) => JSON.stringify(value) ?? ''));
    const fieldsOf = (...keys: string[]) => fc.oneof(anyValue, fc.dictionary(fc.constantFrom(...keys), jsonOrText, { maxKeys: keys.length }));
    const detail = fieldsOf(...DETAIL_KEYS);
    const additionalAttributes = fc.oneof(
      fieldsOf('failedActions', 'failedStage', 'sourceActions', 'additionalInformation'),
      fc.record({
        failedActions: fc.array(fieldsOf('action', 'actionName', 'stage', 'additionalInformation')),
        sourceActions: fc.array(fc.record({ sourceActionName: anyValue, sourceActionVariables: fieldsOf('CommitId', 'CommitMessage', 'VersionId') })),
      }),
    );
    const region = fc.oneof(anyValue, fc.constant('eu-west-1'));
    const resources = fc.oneof(anyValue, fc.array(fc.oneof(fc.string(), fc.constantFrom(...RESOURCE_ARNS))));
    const eventLike = fc.oneof(
      fc.record({ Records: fc.oneof(anyValue, fc.array(recordLike, { maxLength: 4 })) }),
      fc.record({ 'detail-type': fc.constantFrom(...DETAIL_TYPES), detail, region, resources, time: anyValue, id: anyValue }, { requiredKeys: ['detail-type'] }),
      fc.record({ detailType: fc.constantFrom(...DETAIL_TYPES), detail, additionalAttributes, region, resources }, { requiredKeys: ['detailType'] }),
      fieldsOf(...TRIGGER_MESSAGE_KEYS),
      fc.record({ approval: fieldsOf(...APPROVAL_KEYS), region, consoleLink: anyValue }, { requiredKeys: ['approval'] }),
    );
    const delivered = fc.oneof(
      eventLike,
      eventLike.map((value) => rawSnsNotification(JSON.stringify(value) ?? '', { TopicArn: 'arn:aws:sns:eu-west-1:1:t', Subject: 'FAILED: AWS CodeDeploy d-1 in eu-west-2 to app' })),
    );

    fc.assert(
      fc.property(delivered, (value) => {
        // Act
        const outcomes = parseLambdaEvent(value);

        // Assess
        expectWellFormed(outcomes);
      }),
      { numRuns: 1000 },
    );
  });
});

