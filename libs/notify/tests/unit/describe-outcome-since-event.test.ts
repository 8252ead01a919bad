import type { PipelineState } from '@herald/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executionOutcome, outcomeSinceEvent, outcomeSinceNotice } from '../../src/index.ts';

const STATES: PipelineState[] = ['started', 'succeeded', 'failed', 'canceled', 'superseded', 'resumed', 'stopped', 'stopping', 'abandoned', 'unknown'];
const API_STATUSES = ['Cancelled', 'InProgress', 'Stopped', 'Stopping', 'Succeeded', 'Superseded', 'Failed'];
const anyStatus = fc.oneof(fc.constantFrom(...API_STATUSES), fc.constantFrom(...API_STATUSES).map((s) => s.toUpperCase()), fc.string());

describe('outcomeSinceEvent', () => {
  it.each([
    ['started', 'Succeeded', 'succeeded'],
    ['started', 'Failed', 'failed'],
    ['resumed', 'Stopped', 'stopped'],
    ['stopping', 'Stopped', 'stopped'],
    ['failed', 'Succeeded', 'succeeded'],
    ['succeeded', 'Failed', 'failed'],
    ['started', 'Superseded', 'superseded'],
    ['started', 'CANCELLED', 'cancelled'],
  ] as const)('a %s event read when the run is %s: the run has since %s', (state, status, expected) => {
    // Act
    const outcome = outcomeSinceEvent(state, status);

    // Assess
    expect(outcome).toBe(expected);
  });

  it.each([
    ['started', 'InProgress'],
    ['started', 'Stopping'],
    ['started', undefined],
    ['started', 'SomethingNew'],
    ['failed', 'Failed'],
    ['succeeded', 'SUCCEEDED'],
    ['canceled', 'Cancelled'],
    ['stopped', 'Stopped'],
    ['superseded', 'Superseded'],
  ] as const)('a %s event read when the run is %s: nothing to add', (state, status) => {
    // Act
    const outcome = outcomeSinceEvent(state, status);

    // Assess
    expect(outcome).toBeUndefined();
  });

  it('only ever reports the outcome the run reached, and never the one the event already says', () => {
    // Prepare
    const property = fc.property(fc.constantFrom(...STATES), anyStatus, (state, status) => {
      // Act
      const outcome = outcomeSinceEvent(state, status);

      // Assess
      if (outcome !== undefined) {
        expect(outcome).toBe(executionOutcome(status));
        expect(outcomeSinceEvent(outcome === 'cancelled' ? 'canceled' : outcome, status)).toBeUndefined();
      }
      if (executionOutcome(status) === undefined) expect(outcome).toBeUndefined();
    });

    // Act + Assess
    fc.assert(property);
  });

  it('reads execution statuses whatever their case, and not a running one as an outcome', () => {
    // Act
    const outcomes = ['Succeeded', 'FAILED', ' stopped ', 'Canceled', 'InProgress', 'Stopping', ''].map(executionOutcome);

    // Assess
    expect(outcomes).toEqual(['succeeded', 'failed', 'stopped', 'cancelled', undefined, undefined, undefined]);
  });

  it('words the notice as a sentence, with where it happened when known', () => {
    // Act
    const notices = [outcomeSinceNotice('succeeded'), outcomeSinceNotice('failed', 'in stage Build')];

    // Assess
    expect(notices).toEqual(['This run has since succeeded.', 'This run has since failed in stage Build.']);
  });
});
