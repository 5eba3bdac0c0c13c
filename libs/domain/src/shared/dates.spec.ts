import fc from 'fast-check';
import { toTime } from './dates';

describe('toTime', () => {
  it('reads every canonical UTC timestamp as Date.parse does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(-271821, 3, 20)), max: new Date(Date.UTC(275760, 8, 13)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(toTime(iso)).toBe(Date.parse(iso));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    '2026-02-29T00:00:00.000Z',
    '2024-02-29T10:00:00.000Z',
    '2000-02-29T10:00:00.000Z',
    '2100-02-29T10:00:00.000Z',
    '2026-04-31T10:00:00.000Z',
    '2026-01-31T23:59:59.999Z',
    '2026-02-31T12:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-00-10T00:00:00.000Z',
    '2026-01-10T24:00:00.000Z',
    '2026-01-10T23:60:00.000Z',
    '0050-01-10T10:00:00.000Z',
    '2026-01-1xT10:00:00.000Z',
    '2026-01-10',
    '2026-01-10T10:00:00Z',
    '2026-01-10T10:00:00.000+01:00',
    'not a date',
    '',
  ])('reads %s as Date.parse does', (iso) => {
    expect(toTime(iso)).toEqual(Date.parse(iso));
  });
});
