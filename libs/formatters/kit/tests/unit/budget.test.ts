import { describe, expect, it } from 'vitest';
import { moreLine, shareFairly, take } from '../../src/budget.ts';

describe('shareFairly', () => {
  it('gives small needs what they need and shares the rest evenly', () => {
    // Prepare
    const needs = [100, 5000, 50, 5000];

    // Act
    const shares = shareFairly(needs, 3000);

    // Assess
    expect(shares).toEqual([100, 1425, 50, 1425]);
  });

  it('never hands out more than the total, nor anything from a negative total', () => {
    // Prepare
    const needs = [10, 10, 10];

    // Act
    const shares = shareFairly(needs, 20);
    const none = shareFairly(needs, -5);

    // Assess
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20);
    expect(none).toEqual([0, 0, 0]);
  });
});

describe('take', () => {
  it('stops before the piece that would not fit', () => {
    // Prepare
    const pieces = ['ab', 'cd', 'ef'];

    // Act
    const taken = take(pieces, 5);

    // Assess
    expect(taken).toEqual({ text: 'abcd', complete: false });
  });
});

describe('moreLine', () => {
  it('writes the count, a + for a lower bound, and the noun', () => {
    // Prepare
    const count = 12;

    // Act
    const exact = moreLine(count, 'files');
    const lowerBound = moreLine(count, 'files', true);
    const noNoun = moreLine(count, '');

    // Assess
    expect(exact).toEqual([{ type: 'text', text: '…and 12 more files' }]);
    expect(lowerBound).toEqual([{ type: 'text', text: '…and 12+ more files' }]);
    expect(noNoun).toEqual([{ type: 'text', text: '…and 12 more' }]);
  });
});
