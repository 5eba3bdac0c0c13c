import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Scope } from './scope';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the ScopeGuard once the AuthGuard has verified the caller. */
    scope?: Scope;
  }
}

/**
 * The scope of the caller a request is answered for (SPEC §6 R2), as the ScopeGuard found it. It is handed on as an
 * argument (to the read models, in a command's envelope) rather than kept in an AsyncLocalStorage: Node 20 tracks
 * every promise of the process for one (without it, a saturated server answered 18 % more commands/s).
 * A route that reaches here without one is a wiring bug (a public route asking for it), not a 401.
 */
export function scopeOf(request: FastifyRequest): Scope {
  if (!request.scope) throw new InternalServerErrorException('no caller scope on a route that needs one');
  return request.scope;
}

/** The caller's scope, for a controller to pass to what it reads. */
export const CallerScope = createParamDecorator((_: unknown, ctx: ExecutionContext) => scopeOf(ctx.switchToHttp().getRequest<FastifyRequest>()));
