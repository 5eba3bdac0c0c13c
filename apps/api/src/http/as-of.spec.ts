import { currentAsOf, parseAsOf } from './as-of';

describe('asOf', () => {
  it('defaults to now rounded up to the whole second, so anything recorded before the request counts', () => {
    expect(currentAsOf(Date.parse('2026-11-23T10:15:30.001Z'))).toBe('2026-11-23T10:15:31.000Z');
    expect(currentAsOf(Date.parse('2026-11-23T10:15:30.999Z'))).toBe('2026-11-23T10:15:31.000Z');
    expect(currentAsOf(Date.parse('2026-11-23T10:15:30.000Z'))).toBe('2026-11-23T10:15:30.000Z');
    const before = Date.now();
    const asOf = Date.parse(parseAsOf(undefined));
    expect(asOf).toBeGreaterThanOrEqual(before);
    expect(asOf).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('keeps an asked date as the full UTC timestamp', () => {
    expect(parseAsOf('2026-06-01')).toBe('2026-06-01T00:00:00.000Z');
  });
});
