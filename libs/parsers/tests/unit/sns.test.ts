import { loadFixture } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { parseLambdaEvent } from '../../src/index.ts';
import { rawSnsNotification, snsLambdaEvent, triggerMessage, triggerRecord } from '../helpers/aws-event-builders.ts';
import { expectEvents, reasonsOf } from '../helpers/outcomes.ts';

const GOOD_MESSAGE = triggerMessage(triggerRecord([{ ref: 'refs/heads/main', commit: 'abc' }]));

describe('sns', () => {
  it('opens the Lambda form and reports a Message that is not JSON where it is', () => {
    // Prepare
    const input = loadFixture('sns/sns-lambda-envelope-powertools.json');

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual(['Records[0].Sns.Message is not JSON']);
  });

  it('gives each record of a batch its own outcome, so a malformed one hides no good one', () => {
    // Prepare
    const input = snsLambdaEvent(GOOD_MESSAGE, '{"Records": [', triggerMessage(triggerRecord([{ ref: 'refs/tags/v9', created: true }])), '');
    const missingMessage = structuredClone(input);
    delete missingMessage.Records[1]?.Sns['Message'];

    // Act
    const outcomes = parseLambdaEvent(input);
    const withMissingMessage = parseLambdaEvent(missingMessage);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([undefined, 'Records[1].Sns.Message is not JSON', undefined, 'Records[3].Sns.Message is empty']);
    const parsedOutcomes = outcomes.filter((outcome) => outcome.ok);
    expect(expectEvents(parsedOutcomes, 'codecommit.push').map((event) => event.references[0]?.fullName)).toEqual([
      'refs/heads/main',
      'refs/tags/v9',
    ]);
    expect(reasonsOf(withMissingMessage)[1]).toBe('Records[1].Sns.Message must be a string');
  });

  it.each([
    ['null', null],
    ['empty', ''],
    ['a string', 'UPDATE: AWS CodeCommit eu-west-1 push: herald-demo'],
  ])('accepts a Subject that is %s', (_label, subject) => {
    // Prepare
    const lambdaForm = snsLambdaEvent(GOOD_MESSAGE);
    const record = lambdaForm.Records[0];
    if (record) record.Sns['Subject'] = subject;
    const rawForm = rawSnsNotification(GOOD_MESSAGE, { Subject: subject });

    // Act
    const outcomes = [...parseLambdaEvent(lambdaForm), ...parseLambdaEvent(rawForm)];

    // Assess
    expect(expectEvents(outcomes, 'codecommit.push')).toHaveLength(2);
  });

  it('accepts a raw body without signature fields (FIFO topics omit them)', () => {
    // Prepare
    const input = { Type: 'Notification', MessageId: 'm-1', TopicArn: 'arn:aws:sns:eu-west-1:1:t.fifo', Message: JSON.stringify(GOOD_MESSAGE) };

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(expectEvents(outcomes, 'codecommit.push')[0]?.repository).toBe('herald-demo');
  });

  it('reads a Message that is JSON text of JSON text', () => {
    // Prepare
    const input = rawSnsNotification(JSON.stringify(JSON.stringify(GOOD_MESSAGE)));

    // Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(expectEvents(outcomes, 'codecommit.push')).toHaveLength(1);
  });

  it.each([
    [rawSnsNotification('not json at all'), 'Message is not JSON'],
    [rawSnsNotification('[1, 2]'), 'Message must be an object, got array'],
    [rawSnsNotification(GOOD_MESSAGE, { Message: 42 }), 'Message must be a string'],
    [rawSnsNotification('{}', { Type: 'SubscriptionConfirmation' }), 'input is an SNS SubscriptionConfirmation, not an event'],
    [{ Records: [{ EventSource: 'aws:sns', Sns: null }] }, 'Records[0].Sns must be an object'],
  ])('rejects %j: %s', (input, reason) => {
    // Prepare, Act
    const outcomes = parseLambdaEvent(input);

    // Assess
    expect(reasonsOf(outcomes)).toEqual([reason]);
  });
});
