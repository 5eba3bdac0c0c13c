import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedUser } from './token-verifier';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the AuthGuard once the bearer token is verified. */
    user?: AuthenticatedUser;
  }
}

/** The user the AuthGuard verified for this request. A route that reaches here without one is a wiring bug, not a 401. */
export function userOf(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw new InternalServerErrorException('no authenticated user on a route that needs one');
  return request.user;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => userOf(ctx.switchToHttp().getRequest<FastifyRequest>()));
