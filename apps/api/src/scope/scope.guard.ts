import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC } from '../auth/access.decorators';
import { Scopes } from './scopes';

/**
 * Global guard (APP_GUARD, after the AuthGuard): resolves the authenticated caller's scope (Scopes) onto the request,
 * where controllers take it (CallerScope, a command's envelope) to limit every read-model query and command to it. A non-public route
 * reached without a verified caller means the guards ran out of order: refused, never answered unscoped.
 */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(
    private readonly scopes: Scopes,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.user) {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
      throw new Error('ScopeGuard reached a non-public route without a verified caller: the AuthGuard must run first');
    }
    request.scope = await this.scopes.of(request.user);
    return true;
  }
}
