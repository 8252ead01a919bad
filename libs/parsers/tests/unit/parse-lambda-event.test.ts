import { listFixtures, loadFixture } from '@herald/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent, type ParseOutcome } from '../../src/index.ts';
import { sqsEvent, triggerRecord } from '../helpers/aws-event-builders.ts';
import { expectEvents, expectOneEvent, reasonsOf } from '../helpers/outcomes.ts';

const DIRECT_PUSH = 'codecommit/codecommit-trigger-lambda-direct-push-awsdocs.json';

/** Events AWS really sends that Herald does not read yet. */
const unsupportedFixtures = [
  ...listFixtures('codepipeline'),
  ...listFixtures('codedeploy'),
  ...listFixtures('codebuild'),
  ...listFixtures('codestar-notifications'),
];

function expectWellFormed(outcomes: ParseOutcome[]): void {
  expect(outcomes.length).toBeGreaterThanOrEqual(1);
  for (const outcome of outcomes) {
    if (outcome.ok) {
      expect(outcome.event.kind).toBe('codecommit.push');
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
    const event = expectOneEvent(parseLambdaEvent(input));

    // Assess
    expect(event).toMatchObject({ repository: 'lambda-pipeline-repo', region: 'us-east-2', via: 'trigger' });
  });

  it('reads a raw SNS body delivered through SQS', () => {
    // Prepare
    const input = sqsEvent(loadFixture('codecommit/codecommit-trigger-sns-http-branch-delete.json'), 'oops');

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(outcomes[0]?.ok && outcomes[0].event.references[0]?.change).toBe('deleted');
    expect(reasonsOf(outcomes)).toEqual([undefined, 'Records[1].body is not JSON']);
  });

  it('reads a single trigger record handed over without its Records array', () => {
    // Prepare
    const input = triggerRecord([{ ref: 'refs/heads/main', commit: 'abc' }]);

    // Act
    const event = expectOneEvent(parseLambdaEvent(input));

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
    [{}, 'unsupported event: not an SNS, EventBridge or CodeCommit trigger shape (empty object)'],
    [{ Records: [] }, 'Records is empty'],
    [{ Records: {} }, 'Records must be an array, got object'],
    [{ Records: [null] }, 'Records[0] must be an object, got null'],
    [{ Records: [{ eventSource: 'aws:s3', s3: {} }] }, 'Records[0] is not a supported record (eventSource "aws:s3")'],
    [{ Records: [{}] }, 'Records[0] is not a supported record (no eventSource)'],
    [{ 'detail-type': '' }, 'detail-type must be a non-empty string'],
    [{ detailType: 7 }, 'detailType must be a non-empty string'],
    [{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, 'unsupported event: not an SNS, EventBridge or CodeCommit trigger shape (keys "a", "b", "c", "d", "e", …)'],
  ])('rejects %j: %s', (input, reason) => {
    // Prepare, Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });

  it.each(unsupportedFixtures)('reports the real but unsupported event %s with a clear reason', (fixture) => {
    // Prepare
    const input = loadFixture(fixture);

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(outcomes).toHaveLength(1);
    expect(reasonsOf(outcomes)[0]).toMatch(
      /^(Records\[0\]\.Sns\.Message: )?unsupported event: (detail-type "(CodePipeline|CodeDeploy|CodeBuild|CodeCommit) [^"]+"|CodeDeploy trigger for deployment "d-\w+"|CodePipeline manual approval for pipeline "[^"]+")$/,
    );
  });

  it('names CodeDeploy triggers and manual approvals, which carry no detail-type', () => {
    // Prepare
    const deployment = loadFixture('codedeploy/codedeploy-trigger-sns-lambda-deployment-failed.json');
    const approval = loadFixture('codepipeline/codepipeline-manual-approval-sns-lambda.json');

    // Act
    const reasons = [...reasonsOf(parseLambdaEvent(deployment)), ...reasonsOf(parseLambdaEvent(approval))];

    // Assess
    expect(reasons).toEqual([
      'Records[0].Sns.Message: unsupported event: CodeDeploy trigger for deployment "d-MainDeployment"',
      'Records[0].Sns.Message: unsupported event: CodePipeline manual approval for pipeline "tf-jenkins-update-apply-pipeline"',
    ]);
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
    const events = expectEvents(parseLambdaEvent(input));

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
    const eventLike = fc.oneof(
      fc.record({ Records: fc.oneof(anyValue, fc.array(recordLike, { maxLength: 4 })) }),
      fc.record({ 'detail-type': fc.constantFrom('CodeCommit Repository State Change', 'Other'), detail: anyValue, region: anyValue, resources: anyValue }, { requiredKeys: ['detail-type'] }),
    );

    fc.assert(
      fc.property(eventLike, (value) => {
        // Act
        const outcomes = parseLambdaEvent(value);

        // Assess
        expectWellFormed(outcomes);
      }),
      { numRuns: 500 },
    );
  });
});
