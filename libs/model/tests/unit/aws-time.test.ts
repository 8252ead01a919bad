import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIsoTime } from '../../src/aws-time.ts';

describe('toIsoTime', () => {
  it.each<[string, unknown, string]>([
    ['ISO with Z', '2022-10-13T15:59:37.312Z', '2022-10-13T15:59:37.312Z'],
    ['ISO with +0000 (CodeCommit triggers)', '2021-02-08T10:03:08.862+0000', '2021-02-08T10:03:08.862Z'],
    ['ISO with +00:00', '2022-10-13T15:59:37+00:00', '2022-10-13T15:59:37.000Z'],
    ['ISO with a non-UTC offset', '2021-02-08T10:03:08-0530', '2021-02-08T15:33:08.000Z'],
    ['ISO with more than millisecond precision', '2021-02-08T10:03:08.862123456Z', '2021-02-08T10:03:08.862Z'],
    ['ISO without seconds (manual approval expiry)', '2021-10-06T17:37Z', '2021-10-06T17:37:00.000Z'],
    ['ISO without a zone, read as UTC', '2019-06-12T10:23:43', '2019-06-12T10:23:43.000Z'],
    ['Java Date.toString in UTC', 'Thu Oct 13 15:50:45 UTC 2022', '2022-10-13T15:50:45.000Z'],
    ['Java Date.toString in GMT', 'Thu Oct 13 15:50:45 GMT 2022', '2022-10-13T15:50:45.000Z'],
    ['Java Date.toString in PDT', 'Mon Mar 11 14:42:31 PDT 2019', '2019-03-11T21:42:31.000Z'],
    ['Java Date.toString in PST', 'Mon Jan 14 14:42:31 PST 2019', '2019-01-14T22:42:31.000Z'],
    ['Java Date.toString in EST', 'Mon Jan 14 14:42:31 EST 2019', '2019-01-14T19:42:31.000Z'],
    ['Java Date.toString in EDT', 'Tue Jun 18 10:34:20 EDT 2019', '2019-06-18T14:34:20.000Z'],
    ['Java Date.toString in CST', 'Mon Jan 14 14:42:31 CST 2019', '2019-01-14T20:42:31.000Z'],
    ['Java Date.toString in CDT', 'Tue Jun 18 10:34:20 CDT 2019', '2019-06-18T15:34:20.000Z'],
    ['Java Date.toString in MST', 'Mon Jan 14 14:42:31 MST 2019', '2019-01-14T21:42:31.000Z'],
    ['Java Date.toString in MDT', 'Tue Jun 18 10:34:20 MDT 2019', '2019-06-18T16:34:20.000Z'],
    ['Java Date.toString with a GMT offset', 'Thu Oct 13 15:50:45 GMT+02:00 2022', '2022-10-13T13:50:45.000Z'],
    ['Java variant with the year first and a trailing space', 'Tue Feb 9 2019 10:18:42 PDT ', '2019-02-09T17:18:42.000Z'],
    ['Java variant with the year first', 'Tue Feb 9 2019 10:18:42 PDT', '2019-02-09T17:18:42.000Z'],
    ['CodeBuild afternoon', 'Sep 1, 2017 4:12:29 PM', '2017-09-01T16:12:29.000Z'],
    ['CodeBuild just after midnight', 'Sep 1, 2017 12:12:29 AM', '2017-09-01T00:12:29.000Z'],
    ['CodeBuild noon', 'Sep 1, 2017 12:00:00 PM', '2017-09-01T12:00:00.000Z'],
    ['git seconds and offset', '1484167798 -0800', '2017-01-11T20:49:58.000Z'],
    ['epoch seconds as a number', 1484167798, '2017-01-11T20:49:58.000Z'],
    ['epoch seconds with a fraction', 1446137312.204, '2015-10-29T16:48:32.204Z'],
    ['epoch seconds as a string with a fraction', '1446744188.595', '2015-11-05T17:23:08.595Z'],
    ['epoch milliseconds', 1_700_000_000_123, '2023-11-14T22:13:20.123Z'],
    ['a Date', new Date(Date.UTC(2024, 4, 1, 12, 34, 56, 789)), '2024-05-01T12:34:56.789Z'],
  ])('reads %s', (_format, value, expected) => {
    // Prepare, Act
    const iso = toIsoTime(value);

    // Assess
    expect(iso).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['words', 'yesterday at noon'],
    ['an impossible date', '2021-02-30T10:00:00Z'],
    ['an impossible hour', '2021-02-08T24:00:00Z'],
    ['an unknown zone', 'Thu Oct 13 15:50:45 XYZ 2022'],
    ['an unknown month', 'Thu Foo 13 15:50:45 UTC 2022'],
    ['CodeBuild hour 13 PM', 'Sep 1, 2017 13:12:29 PM'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative number', -5],
    ['a number too large for a date', 1e20],
    ['an invalid Date', new Date('nope')],
    ['an object', { time: '2021-02-08T10:03:08Z' }],
    ['an array', ['2021-02-08T10:03:08Z']],
    ['a boolean', true],
    ['a very long digit string', '9'.repeat(400)],
  ])('returns undefined for %s', (_label, value) => {
    // Prepare, Act
    const iso = toIsoTime(value);

    // Assess
    expect(iso).toBeUndefined();
  });

  it('never throws, and returns either undefined or an ISO UTC time', () => {
    const isoUtc = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withDate: true, withBigInt: true }), fc.double(), fc.string(), fc.date()), (value) => {
        // Act
        const iso = toIsoTime(value);

        // Assess
        if (iso !== undefined) expect(iso).toMatch(isoUtc);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back every instant it writes, and epoch milliseconds of any date since 2001-09-09', () => {
    // Epoch numbers up to 1e12 are read as seconds, so milliseconds are recognised from 2001-09-09T01:46:40Z on.
    const sinceMillisecondsAreRecognisable = new Date(1e12 + 1);
    fc.assert(
      fc.property(fc.date({ min: sinceMillisecondsAreRecognisable, max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        // Prepare
        const iso = date.toISOString();

        // Act
        const roundTripped = [toIsoTime(iso), toIsoTime(date), toIsoTime(date.getTime())];

        // Assess
        expect(roundTripped).toEqual([iso, iso, iso]);
      }),
    );
  });
});
