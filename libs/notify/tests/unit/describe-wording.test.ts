import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  couldNotFetch,
  nameFromArn,
  readableDuration,
  readableWords,
  shortExecutionId,
  timeUntil,
} from '../../src/describe/wording.ts';

describe('readableDuration', () => {
  it.each([
    ['2022-10-13T15:50:45Z', '2022-10-13T15:50:45Z', '0 s'],
    ['2022-10-13T15:50:45.000Z', '2022-10-13T15:50:45.400Z', '< 1 s'],
    ['2022-10-13T15:50:45Z', '2022-10-13T15:51:30Z', '45 s'],
    ['2022-10-13T15:50:45Z', '2022-10-13T15:59:37Z', '8 min 52 s'],
    ['2022-10-13T15:00:00Z', '2022-10-13T16:00:10Z', '1 h'],
    ['2022-10-13T15:00:00Z', '2022-10-13T16:05:00Z', '1 h 5 min'],
    ['2022-10-13T15:00:00Z', '2022-10-15T18:00:00Z', '2 d 3 h'],
  ])('reads %s → %s as %s', (start, end, expected) => {
    // Act
    const duration = readableDuration(start, end);

    // Assess
    expect(duration).toBe(expected);
  });

  it.each([
    [undefined, '2022-10-13T15:59:37Z'],
    ['2022-10-13T15:59:37Z', undefined],
    ['2022-10-13T15:59:37Z', '2022-10-13T15:50:45Z'],
    ['yesterday', '2022-10-13T15:50:45Z'],
  ])('says nothing for %s → %s', (start, end) => {
    // Act
    const duration = readableDuration(start, end);

    // Assess
    expect(duration).toBeUndefined();
  });

  it('reads any span in at most two units', () => {
    // Prepare
    const property = fc.property(fc.integer({ min: 0, max: 400 * 86_400_000 }), (milliseconds) => {
      // Act
      const duration = readableDuration(new Date(0).toISOString(), new Date(milliseconds).toISOString());

      // Assess
      expect(duration).toMatch(/^(< 1 s|\d+ (d|h|min|s)( \d+ (h|min|s))?)$/);
    });

    // Act + Assess
    fc.assert(property);
  });
});

describe('timeUntil', () => {
  it.each([
    ['2021-10-06T17:37:00Z', '2021-09-29T17:37:37Z', 'in about 7 days'],
    ['2021-10-06T17:37:00Z', '2021-10-06T14:37:00Z', 'in about 3 hours'],
    ['2021-10-06T17:37:00Z', '2021-10-06T17:17:00Z', 'in 20 minutes'],
    ['2021-10-06T17:37:00Z', '2021-10-06T17:36:50Z', 'in 1 minute'],
    ['2021-10-06T17:37:00Z', '2021-10-06T17:37:00Z', 'already passed'],
    ['2021-10-06T17:37:00Z', undefined, undefined],
  ])('reads %s from %s as %s', (target, from, expected) => {
    // Act
    const until = timeUntil(target, from);

    // Assess
    expect(until).toBe(expected);
  });
});

describe('nameFromArn', () => {
  it.each([
    ['arn:aws:sts::123456789012:assumed-role/Admin/my-user', 'my-user (Admin)'],
    ['arn:aws:iam::123456789012:user/path/to/alice', 'alice'],
    ['arn:aws:iam::123456789012:root', 'root'],
    ['arn:aws:sts::123456789012:federated-user/Saanvi_Sarkar', 'Saanvi_Sarkar'],
    ['arn:aws:events:us-east-1:123456789012:rule/codepipeline-main', 'codepipeline-main'],
    ['not an arn', 'not an arn'],
  ])('reads %s as %s', (arn, expected) => {
    // Act
    const name = nameFromArn(arn);

    // Assess
    expect(name).toBe(expected);
  });
});

describe('small wording', () => {
  it('shortens execution UUIDs and keeps other ids', () => {
    // Act
    const ids = ['12345678-1234-5678-abcd-12345678abcd', 'exec-1'].map(shortExecutionId);

    // Assess
    expect(ids).toEqual(['12345678', 'exec-1']);
  });

  it('reads statuses as lower-case words', () => {
    // Act
    const words = ['IN_PROGRESS', 'InProgress', 'pullRequestSomethingNew', 'TIMED-OUT'].map(readableWords);

    // Assess
    expect(words).toEqual(['in progress', 'in progress', 'pull request something new', 'timed out']);
  });

  it('turns what is missing into one sentence', () => {
    // Act
    const notices = ['commit details: throttled (ThrottlingException)', 'the revision.', '  '].map(couldNotFetch);

    // Assess
    expect(notices).toEqual([
      'Could not fetch commit details: throttled (ThrottlingException).',
      'Could not fetch the revision.',
      'Could not fetch some details.',
    ]);
  });
});
