import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/index.ts';

describe('ParseError', () => {
  it('is an Error named ParseError whose message is its reason', () => {
    // Prepare, Act
    const error = new ParseError('Records[0].Sns.Message is not JSON');

    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ParseError');
    expect(error.reason).toBe('Records[0].Sns.Message is not JSON');
    expect(error.message).toBe(error.reason);
  });

  it('keeps its reason on one line of at most 200 characters', () => {
    // Prepare
    const reason = `first line\nsecond\r\nthird\u2028${'x'.repeat(500)}`;

    // Act
    const error = new ParseError(reason);

    // Assess
    expect(error.reason).not.toMatch(/[\n\r\u2028]/);
    expect(error.reason.startsWith('first line second third ')).toBe(true);
    expect(error.reason).toHaveLength(200);
    expect(error.reason.endsWith('…')).toBe(true);
  });
});
