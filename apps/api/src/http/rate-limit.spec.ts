import { DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitPerMinuteFromEnv, SlidingWindowStorage } from './rate-limit';
import { rateLimitPerMinuteOf } from './hardening';

const MINUTE = 60_000;

describe('SlidingWindowStorage', () => {
  let now: number;
  let storage: SlidingWindowStorage;
  const hit = (key = 'sub:alice', limit = 10) => storage.increment(key, MINUTE, limit);

  beforeEach(() => {
    now = 10 * MINUTE; // the start of a window
    storage = new SlidingWindowStorage(() => now);
  });

  it('admits `limit` requests in a minute and refuses the next, per key', async () => {
    for (let i = 1; i <= 10; i++) expect(await hit()).toMatchObject({ isBlocked: false, totalHits: i });
    expect(await hit()).toMatchObject({ isBlocked: true });
    expect(await hit('sub:bob')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('does not count refused requests: a client that keeps retrying is let in as soon as its rate drops', async () => {
    for (let i = 0; i < 10; i++) await hit();
    for (let i = 0; i < 100; i++) expect((await hit()).isBlocked).toBe(true);
    now += 2 * MINUTE;
    expect((await hit()).isBlocked).toBe(false);
  });

  it('gives no burst of twice the limit at a window edge (the previous window still weighs in)', async () => {
    now = 11 * MINUTE - 1_000; // the last second of a window
    for (let i = 0; i < 10; i++) expect((await hit()).isBlocked).toBe(false);
    now = 11 * MINUTE + 1_000; // a second into the next one
    expect((await hit()).isBlocked).toBe(true);
  });

  it('answers a Retry-After after which a request is admitted again, and not much later', async () => {
    for (let i = 0; i < 10; i++) await hit();
    now += 30_000;
    const refused = await hit();
    expect(refused.isBlocked).toBe(true);
    expect(refused.timeToBlockExpire).toBeGreaterThanOrEqual(1);
    now += (refused.timeToBlockExpire - 1) * 1000;
    expect((await hit()).isBlocked).toBe(true);
    now += 1000;
    expect((await hit()).isBlocked).toBe(false);
  });

  it('forgets keys idle for two windows', async () => {
    for (let i = 0; i < 100; i++) await hit(`ip:10.0.0.${i}`);
    expect(storage.size).toBe(100);
    now += 3 * MINUTE;
    await hit('sub:alice');
    expect(storage.size).toBe(1);
  });

  it('counts very high limits exactly, in one record per key (the default storage keeps a timestamp per hit and overflows the stack there)', async () => {
    const limit = 50_000;
    for (let i = 1; i <= limit; i++) {
      const answer = await storage.increment('sub:bench', MINUTE, limit);
      if (answer.isBlocked || answer.totalHits !== i) throw new Error(`hit ${i} answered ${JSON.stringify(answer)}`);
    }
    expect(await storage.increment('sub:bench', MINUTE, limit)).toMatchObject({ isBlocked: true });
    expect(storage.size).toBe(1);
  });
});

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to a generous limit', () => {
    expect(rateLimitPerMinuteFromEnv({})).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(rateLimitPerMinuteFromEnv({ RATE_LIMIT_PER_MINUTE: '' })).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    expect(DEFAULT_RATE_LIMIT_PER_MINUTE).toBe(6000);
  });

  it('takes a whole number of requests, at least 1', () => {
    expect(rateLimitPerMinuteFromEnv({ RATE_LIMIT_PER_MINUTE: '120' })).toBe(120);
    expect(rateLimitPerMinuteFromEnv({ RATE_LIMIT_PER_MINUTE: ' 1 ' })).toBe(1);
    for (const value of ['0', '-5', '1.5', 'lots', '1e3', '99999999999999999999']) {
      expect(() => rateLimitPerMinuteFromEnv({ RATE_LIMIT_PER_MINUTE: value })).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number/);
    }
  });

  it('settings carrying rateLimitPerMinute win over the environment', () => {
    expect(rateLimitPerMinuteOf({ rateLimitPerMinute: 7 }, { RATE_LIMIT_PER_MINUTE: '100' })).toBe(7);
    expect(rateLimitPerMinuteOf({}, { RATE_LIMIT_PER_MINUTE: '100' })).toBe(100);
    expect(() => rateLimitPerMinuteOf({ rateLimitPerMinute: 0 })).toThrow();
  });
});
