import { endOfLocalDay, isKnownTimeZone, localDayOf, startOfLocalDay } from './local-days';
import { normaliseDate } from './dates';

describe('days in a time zone (SPEC §1 R2)', () => {
  it.each([
    ['2026-05-20', 'Europe/Amsterdam', '2026-05-19T22:00:00.000Z', '2026-05-20T21:59:59.999Z'],
    ['2026-01-15', 'Europe/Amsterdam', '2026-01-14T23:00:00.000Z', '2026-01-15T22:59:59.999Z'],
    // The days clocks change: 23 and 25 hours long.
    ['2026-03-29', 'Europe/Amsterdam', '2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z'],
    ['2026-10-25', 'Europe/Amsterdam', '2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z'],
    ['2026-05-20', 'UTC', '2026-05-20T00:00:00.000Z', '2026-05-20T23:59:59.999Z'],
    ['2026-05-20', 'America/Curacao', '2026-05-20T04:00:00.000Z', '2026-05-21T03:59:59.999Z'],
  ])('%s in %s starts at %s and ends at %s', (date, zone, start, end) => {
    expect(startOfLocalDay(date, zone)).toBe(start);
    expect(endOfLocalDay(date, zone)).toBe(end);
    expect(localDayOf(start, zone)).toBe(date);
    expect(localDayOf(end, zone)).toBe(date);
  });

  it('knows IANA zone names only', () => {
    expect(isKnownTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isKnownTimeZone('Amsterdam')).toBe(false);
  });

  it("reads a command's date without a time as the start of that day, and an instant as given", () => {
    expect(normaliseDate('2026-05-20', 'at', 'Europe/Amsterdam')).toBe('2026-05-19T22:00:00.000Z');
    expect(normaliseDate('2026-05-20T09:00:00+02:00', 'at', 'Europe/Amsterdam')).toBe('2026-05-20T07:00:00.000Z');
  });
});
