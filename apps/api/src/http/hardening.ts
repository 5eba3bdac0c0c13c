import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestShapeGuard } from './query-guard';
import { createRateLimitGuard, rateLimitPerMinuteFromEnv } from './rate-limit';

export { useSecurityHeaders } from './security-headers';

/**
 * The per-user rate limit: `settings.rateLimitPerMinute` when the settings carry it (tests, or once it is part of
 * the validated settings), else `RATE_LIMIT_PER_MINUTE` from the environment, else the default.
 */
export function rateLimitPerMinuteOf(settings: object, env: NodeJS.ProcessEnv = process.env): number {
  const configured = (settings as { rateLimitPerMinute?: unknown }).rateLimitPerMinute;
  if (typeof configured === 'number') {
    if (!Number.isSafeInteger(configured) || configured < 1) throw new Error(`rateLimitPerMinute must be a whole number, at least 1; got ${configured}`);
    return configured;
  }
  return rateLimitPerMinuteFromEnv(env);
}

/**
 * Query-parameter names and values and the nesting of bodies checked on every route, and the per-user rate limit. Call after the application
 * is created: global guards added here run after the AuthGuard (an APP_GUARD), so the limit counts per verified user.
 */
export async function useRequestHardening(app: NestFastifyApplication, settings: object): Promise<void> {
  app.useGlobalGuards(await createRateLimitGuard(app.get(Reflector), rateLimitPerMinuteOf(settings)), new RequestShapeGuard());
}
