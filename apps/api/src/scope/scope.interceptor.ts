import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { RequestScope } from './request-scope';
import { Scope } from './scope';
import { Scopes } from './scopes';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's scope, set by the ScopeInterceptor before the handler runs. */
    scope?: Scope;
  }
}

/**
 * Global interceptor: resolves the authenticated caller's scope (Scopes) and runs the handler inside it
 * (RequestScope), so every read-model query and command the handler reaches is limited to it.
 */
@Injectable()
export class ScopeInterceptor implements NestInterceptor {
  constructor(private readonly scopes: Scopes) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.user) return next.handle();
    const user = request.user;
    return from(this.scopes.of(user)).pipe(
      switchMap((scope) => {
        request.scope = scope;
        return new Observable<unknown>((subscriber) => RequestScope.run(scope, () => next.handle().subscribe(subscriber)));
      }),
    );
  }
}
