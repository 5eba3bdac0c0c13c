import { ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { ErrorBody } from './error-body';

/**
 * Requests per minute one user (the token's `sub`) may send before answers turn 429. Generous: a person clicking
 * or a BI tool paging stays far below it; a runaway script or a leaked token does not.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 6000;
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** What a storage answers for one request (the throttler does not export the type from its index). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** `RATE_LIMIT_PER_MINUTE`: a whole number of requests, at least 1; unset or empty: the default. */
export function rateLimitPerMinuteFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RATE_LIMIT_PER_MINUTE?.trim();
  if (raw === undefined || raw === '') return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`RATE_LIMIT_PER_MINUTE must be a whole number of requests per minute, at least 1; got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  return value;
}

interface Window {
  /** Start of the fixed window `count` belongs to (a multiple of the window length). */
  start: number;
  count: number;
  /** What the window before `start` counted. */
  previous: number;
}

/**
 * A sliding-window counter, O(1) per request and per user: the estimate is this window's count plus the previous
 * window's, weighted by how much of it still overlaps the last minute. No burst of twice the limit at a window
 * edge (as with fixed windows), and no per-hit timestamp list (the throttler's default storage keeps one per hit
 * and scans it on every request, which gets slow and, with `Math.min(...hits)`, overflows the stack at high limits).
 * Refused requests are not counted, so a client that keeps retrying is let in again as soon as its rate drops.
 */
export class SlidingWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const start = Math.floor(now / ttl) * ttl;
    this.sweep(now, start, ttl);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      const previous = window && window.start === start - ttl ? window.count : 0;
      window = { start, count: 0, previous };
      this.windows.set(key, window);
    }
    const overlap = 1 - (now - start) / ttl;
    const estimate = window.previous * overlap + window.count;
    const timeToExpire = Math.max(1, Math.ceil((start + ttl - now) / 1000));
    if (estimate + 1 > limit) {
      return { totalHits: limit + 1, timeToExpire, isBlocked: true, timeToBlockExpire: this.secondsUntilAdmitted(window, now, ttl, limit) };
    }
    window.count += 1;
    return { totalHits: Math.ceil(estimate) + 1, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Seconds until the estimate leaves room for one more request (at least 1). */
  private secondsUntilAdmitted(window: Window, now: number, ttl: number, limit: number): number {
    const room = limit - 1;
    let at: number;
    if (window.count <= room && window.previous > 0) {
      // Later in this window the previous window's weight has dropped far enough.
      const elapsed = ttl * (1 - (room - window.count) / window.previous);
      at = elapsed < ttl ? window.start + elapsed : window.start + ttl;
    } else {
      // In the next window this one's count is the previous one, weighted down from 1.
      const next = window.start + ttl;
      at = window.count > room ? next + ttl * (1 - room / window.count) : next;
    }
    return Math.max(1, Math.ceil((at - now) / 1000));
  }

  /** Forgets users idle for two windows, at most once per window. */
  private sweep(now: number, start: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.start < start - ttl) this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }
}

/** The key a request is counted under: the verified token's subject, or the client address where there is none. */
export function rateLimitTracker(request: FastifyRequest): string {
  return request.user ? `sub:${request.user.sub}` : `ip:${normalizeIp(request.ip)}`;
}

/**
 * Per-user rate limit (`@nestjs/throttler`), one budget per user across all routes. Installed as a global guard
 * after the AuthGuard, so the subject it counts under is one the token's signature vouches for (a client cannot pick
 * someone else's budget, or a fresh one per request, by writing another `sub`); requests without a token reach it
 * only on public routes (`/health`) and are counted per client address. A request refused by the AuthGuard (401)
 * costs one signature check and never touches a store, and is not counted.
 *
 * Over the limit: 429 `rate_limited`, with `Retry-After` (seconds) and `X-RateLimit-Limit/Remaining/Reset` on every answer.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    return rateLimitTracker(request as FastifyRequest);
  }

  /** One budget per user for the whole API, not one per route (the throttler's default key includes the handler). */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttler: string): string {
    return `${throttler}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = detail.timeToBlockExpire;
    const body: ErrorBody = {
      statusCode: 429,
      code: 'rate_limited',
      message: `more than ${detail.limit} requests per minute; retry after ${retryAfterSeconds} s`,
      retryAfterSeconds,
    };
    throw new HttpException(body, 429);
  }
}

/** The guard for this limit, with its own storage; the caller installs it (`app.useGlobalGuards`). */
export async function createRateLimitGuard(reflector: ConstructorParameters<typeof ThrottlerGuard>[2], perMinute: number): Promise<RateLimitGuard> {
  const guard = new RateLimitGuard({ throttlers: [{ name: 'default', ttl: RATE_LIMIT_WINDOW_MS, limit: perMinute }] }, new SlidingWindowStorage(), reflector);
  await guard.onModuleInit();
  return guard;
}
