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
    // Years before 100 (not 1950 or 1901), in local mean time: +00:17:30 in Amsterdam, -04:56:02 in New York.
    ['0050-06-01', 'Europe/Amsterdam', '0050-05-31T23:42:30.000Z', '0050-06-01T23:42:29.999Z'],
    ['0001-01-01', 'America/New_York', '0001-01-01T04:56:02.000Z', '0001-01-02T04:56:01.999Z'],
  ])('%s in %s starts at %s and ends at %s', (date, zone, start, end) => {
    expect(startOfLocalDay(date, zone)).toBe(start);
    expect(endOfLocalDay(date, zone)).toBe(end);
    expect(localDayOf(start, zone)).toBe(date);
    expect(localDayOf(end, zone)).toBe(date);
  });

  it('names a day in 1 BC by its astronomical year, 0000 (the formatter writes it as the year 1)', () => {
    expect(localDayOf('0000-01-01T12:00:00.000Z', 'Europe/Amsterdam')).toBe('0000-01-01');
    expect(localDayOf('0001-01-01T12:00:00.000Z', 'Europe/Amsterdam')).toBe('0001-01-01');
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
