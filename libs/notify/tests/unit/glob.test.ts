import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../../src/index.ts';

describe('matchesGlob', () => {
  it.each([
    ['main', 'main', true],
    ['main', 'mai', false],
    ['release/1.2', 'release/*', true],
    ['release/1.2/hotfix', 'release/*', false],
    ['release/1.2/hotfix', 'release/**', true],
    ['v1.2.0', 'v*', true],
    ['v1x2', 'v1.2', false],
    ['feature/a', 'feature/?', true],
    ['feature/ab', 'feature/?', false],
    ['a+b(c)[d]{e}^$|\\', 'a+b(c)[d]{e}^$|\\', true],
    ['anything/at/all', '**', true],
  ])('%s against %s is %s', (value, pattern, expected) => {
    expect(matchesGlob(value, pattern)).toBe(expected);
  });

  it('matches any text against itself when it holds no wildcard', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !/[*?]/.test(text)),
        (text) => matchesGlob(text, text),
      ),
    );
  });
});
