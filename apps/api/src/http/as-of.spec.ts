import { currentAsOf, parseAsOf } from './as-of';

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
});
