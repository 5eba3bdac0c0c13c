import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { CSV_ROWS, sheetFormat } from '../http/csv-export';
import { mayAccess, rolesFor, RouteClass, ROUTE_CLASSES } from './access-matrix';
import { IS_PUBLIC, ROUTE_CLASS } from './access.decorators';
import { AuthenticationError, authenticationUnavailable, forbidden } from './auth-errors';
import { AuthenticationUnavailableError, InvalidTokenError, TOKEN_VERIFIER, TokenVerifier } from './token-verifier';

/** RFC 6750 §2.1: `Bearer <b64token>`. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The request's bearer token, or the AuthenticationError the API answers without one (also used before a body is read). */
export function bearerToken(request: Pick<FastifyRequest, 'headers'>): string {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') throw new AuthenticationError('send a bearer token: Authorization: Bearer <token>', false);
  const match = BEARER.exec(header.trim());
  if (!match) throw new AuthenticationError('the Authorization header must be "Bearer <token>"', true);
  return match[1];
}

/**
 * Global guard (APP_GUARD): every route needs a valid bearer token except those marked `@Public()`, and the token's
 * roles must be admitted by the route's class in the access matrix; asking a list or report for CSV or xlsx also needs the
 * `export` class. Runs before pipes, so nobody learns anything about a route's validation without a token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request);
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new AuthenticationError(error.message, true);
      if (error instanceof AuthenticationUnavailableError) {
        request.log.warn({ context: 'Auth' }, error.reason);
        throw authenticationUnavailable(error.message);
      }
      throw error;
    }
    const routeClass = this.reflector.getAllAndOverride<RouteClass | undefined>(ROUTE_CLASS, targets);
    if (!routeClass || !(routeClass in ROUTE_CLASSES)) throw forbidden('this route has no access rule'); // fail closed; AuthModule refuses to start like this
    const sheet = this.reflector.get(CSV_ROWS, context.getHandler()) !== undefined ? sheetFormat(request) : undefined;
    const csv = sheet !== undefined;
    if (!mayAccess(request.user.roles, routeClass, csv)) {
      const needed = csv ? rolesFor(routeClass).filter((role) => rolesFor('export').includes(role)) : rolesFor(routeClass);
      const what = csv ? `exporting ${routeClass} as ${sheet}` : `this route (${routeClass})`;
      throw forbidden(`${what} needs one of the roles ${needed.join(', ')}; the token has ${request.user.roles.join(', ') || 'none of them'}`);
    }
    return true;
  }
}
