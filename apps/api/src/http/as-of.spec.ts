import { asOfInstant, currentAsOf, parseAsOf } from './as-of';

const AMSTERDAM = 'Europe/Amsterdam';

describe('asOf', () => {
  it('defaults to now rounded up to the whole second, so anything recorded before the request counts', () => {
    expect(currentAsOf(Date.parse('2026-11-23T10:15:30.001Z'))).toBe('2026-11-23T10:15:31.000Z');
    expect(currentAsOf(Date.parse('2026-11-23T10:15:30.999Z'))).toBe('2026-11-23T10:15:31.000Z');
    expect(currentAsOf(Date.parse('2026-11-23T10:15:30.000Z'))).toBe('2026-11-23T10:15:30.000Z');
    const before = Date.now();
    const asOf = Date.parse(parseAsOf(undefined, AMSTERDAM));
    expect(asOf).toBeGreaterThanOrEqual(before);
    expect(asOf).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('reads a date without a time as the end of that day in the time zone, summer and winter', () => {
    expect(parseAsOf('2026-05-20', AMSTERDAM)).toBe('2026-05-20T21:59:59.999Z');
    expect(parseAsOf('2026-01-15', AMSTERDAM)).toBe('2026-01-15T22:59:59.999Z');
    expect(parseAsOf('2026-05-20', 'UTC')).toBe('2026-05-20T23:59:59.999Z');
  });

  it('takes an instant with an offset as given, as the full UTC timestamp', () => {
    expect(parseAsOf('2026-05-20T09:00:00+02:00', AMSTERDAM)).toBe('2026-05-20T07:00:00.000Z');
    expect(parseAsOf('2026-05-20T09:00:00Z', AMSTERDAM)).toBe('2026-05-20T09:00:00.000Z');
  });

  it('refuses what is not a date with 400 invalid_as_of', () => {
    expect(() => parseAsOf('yesterday', AMSTERDAM)).toThrow(expect.objectContaining({ response: expect.objectContaining({ code: 'invalid_as_of' }) }));
  });

  it('refuses an instant whose day in the time zone is past 9999-12-31 or before 0000-01-01, naming the field; the last days themselves count', () => {
    const refused = (code: string, field: string) => expect.objectContaining({ response: expect.objectContaining({ code, errors: [expect.objectContaining({ field })] }) });
    // 23:59 UTC on the last day of 9999 is already the year 10000 in Amsterdam; midnight UTC of 0000-01-01 is still the
    // evening before, in the year -1, in New York.
    expect(() => asOfInstant('9999-12-31T23:59:59.999Z', AMSTERDAM, 'to')).toThrow(refused('invalid_to', 'to'));
    expect(() => parseAsOf('0000-01-01T00:00:00Z', 'America/New_York')).toThrow(refused('invalid_as_of', 'asOf'));
    expect(parseAsOf('9999-12-31', AMSTERDAM)).toBe('9999-12-31T22:59:59.999Z');
    expect(parseAsOf('9999-12-31T23:59:59.999Z', 'UTC')).toBe('9999-12-31T23:59:59.999Z');
    expect(parseAsOf('0000-01-01T12:00:00Z', AMSTERDAM)).toBe('0000-01-01T12:00:00.000Z');
  });
});
