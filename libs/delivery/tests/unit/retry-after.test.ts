import { loadFixture } from '@herald/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_AFTER_MS,
  parseRetryAfterBody,
  parseRetryAfterHeader,
  retryAfterMs,
} from '../../src/retry-after.ts';

const NOW = Date.parse('2015-10-21T07:28:00Z');

describe('parseRetryAfterHeader', () => {
  it.each([
    ['1', 1000],
    ['0', 0],
    [' 65 ', 65_000],
    ['0.5', 500],
    ['1.0001', 1001],
  ])('reads delay-seconds %j as %i ms', (value, expected) => {
    // Act
    const result = parseRetryAfterHeader(value, NOW);

    // Assess
    expect(result).toBe(expected);
  });

  it('reads an HTTP date as the time left until it', () => {
    // Act
    const imfFixdate = parseRetryAfterHeader('Wed, 21 Oct 2015 07:28:30 GMT', NOW);
    const rfc850 = parseRetryAfterHeader('Wednesday, 21-Oct-15 07:28:10 GMT', NOW);
    const asctime = parseRetryAfterHeader('Wed Oct 21 07:28:05 2015', NOW);

    // Assess
    expect(imfFixdate).toBe(30_000);
    expect(rfc850).toBe(10_000);
    expect(asctime).toBe(5000);
  });

  it('reads an HTTP date in the past as no wait', () => {
    // Act
    const result = parseRetryAfterHeader('Wed, 21 Oct 2015 07:27:00 GMT', NOW);

    // Assess
    expect(result).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '-1', '1e3', '0x10', '12 apples', 'Wed, 99 Foo 2015 99:99:99 GMT'])(
    'ignores %j',
    (value) => {
      // Act
      const result = parseRetryAfterHeader(value, NOW);

      // Assess
      expect(result).toBeUndefined();
    },
  );

  it('clamps absurd values to one day', () => {
    // Act
    const result = parseRetryAfterHeader('9'.repeat(400), NOW);

    // Assess
    expect(result).toBe(MAX_RETRY_AFTER_MS);
  });

  it('never throws, never answers negative or over the ceiling, for any text', () => {
    // Prepare
    const anyHeader = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\s*\d{0,30}(\.\d{0,30})?\s*$/),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
    );

    // Act & Assess
    fc.assert(
      fc.property(anyHeader, fc.integer({ min: 0, max: 4_102_444_800_000 }), (value, now) => {
        const result = parseRetryAfterHeader(value, now);
        return result === undefined || (Number.isInteger(result) && result >= 0 && result <= MAX_RETRY_AFTER_MS);
      }),
    );
  });
});

describe('parseRetryAfterBody', () => {
  it.each([
    ['chat/discord-429-user-rate-limit-body.json', 64_570],
    ['chat/discord-429-global-rate-limit-body.json', 64_570],
    ['chat/discord-429-shared-resource-rate-limit-body.json', 1_336_570],
  ])('reads retry_after of %s in ms', (fixture, expected) => {
    // Prepare
    const body = loadFixture(fixture);

    // Act
    const result = parseRetryAfterBody(body);

    // Assess
    expect(result).toBe(expected);
  });

  it.each([undefined, null, 'rate_limited', 42, {}, { retry_after: '5' }, { retry_after: Number.NaN }, [1]])(
    'ignores a body without a numeric retry_after: %j',
    (body) => {
      // Act
      const result = parseRetryAfterBody(body);

      // Assess
      expect(result).toBeUndefined();
    },
  );

  it('never throws, never answers negative or over the ceiling, for any JSON', () => {
    // Act & Assess
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ retry_after: fc.double() })), (body) => {
        const result = parseRetryAfterBody(body);
        return result === undefined || (result >= 0 && result <= MAX_RETRY_AFTER_MS);
      }),
    );
  });
});

describe('retryAfterMs', () => {
  it('takes the larger of the header and the Discord body', () => {
    // Prepare
    const body = loadFixture('chat/discord-429-user-rate-limit-body.json');

    // Act
    const headerLarger = retryAfterMs('65', body, NOW);
    const bodyLarger = retryAfterMs('1', body, NOW);
    const headerOnly = retryAfterMs('2', 'rate_limited', NOW);
    const neither = retryAfterMs(null, undefined, NOW);

    // Assess
    expect(headerLarger).toBe(65_000);
    expect(bodyLarger).toBe(64_570);
    expect(headerOnly).toBe(2000);
    expect(neither).toBeUndefined();
  });
});
