import { Global, Module, OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { APP_GUARD, DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Settings, SETTINGS } from '../config/settings';
import { routeHandlers } from '../http/route-handlers';
import { ruleOf } from './access-matrix';
import { IS_PUBLIC, ROUTE_CLASS } from './access.decorators';
import { AUTH_CONFIG, AuthConfig, resolveAuthConfig } from './auth-config';
import { AuthGuard } from './auth.guard';
import { Hs256TokenVerifier } from './hs256';
import { JwksTokenVerifier } from './jwks-token-verifier';
import { TOKEN_VERIFIER, TokenVerifier } from './token-verifier';
import { CachingTokenVerifier } from './verified-token-cache';

/** The configured verifier, behind a cache of tokens it has accepted (most clients send one token many times). */
export function verifierFor(config: AuthConfig): TokenVerifier {
  return new CachingTokenVerifier(signatureVerifierFor(config));
}

function signatureVerifierFor(config: AuthConfig): TokenVerifier {
  return config.mode === 'jwks'
    ? new JwksTokenVerifier({
        jwksUrl: config.jwksUrl,
        issuer: config.issuer,
        audience: config.audience,
        cacheMaxAgeMs: config.cacheMaxAgeMs,
        cooldownMs: config.cooldownMs,
        personClaim: config.personClaim,
      })
    : new Hs256TokenVerifier(config.secret, { issuer: config.issuer, audience: config.audience, personClaim: config.personClaim });
}

/** Bearer-token authentication and role-based access on every route (SPEC §6). */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    { provide: AUTH_CONFIG, inject: [SETTINGS], useFactory: (settings: Settings) => resolveAuthConfig(settings) },
    { provide: TOKEN_VERIFIER, inject: [AUTH_CONFIG], useFactory: verifierFor },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AUTH_CONFIG, TOKEN_VERIFIER],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /**
   * Refuses to start when a route says neither `@Public()` nor `@Access(…)`, or when a non-public route has no row in
   * ROUTE_RULES (access-matrix.ts) or its `@Access` names another class than that row: no route is open, or unscoped,
   * by omission.
   */
  onModuleInit(): void {
    const undeclared: string[] = [];
    const unruled: string[] = [];
    const declared = (target: object) => Reflect.getMetadata(IS_PUBLIC, target) === true || Reflect.getMetadata(ROUTE_CLASS, target) !== undefined;
    for (const { controller, name, handler } of routeHandlers(this.discovery, this.scanner)) {
      if (!declared(handler) && !declared(controller)) undeclared.push(`${controller.name}.${name}`);
      if (Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, controller) === true) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)].filter((part) => part && part !== '/').join('/');
      const routeClass = Reflect.getMetadata(ROUTE_CLASS, handler) ?? Reflect.getMetadata(ROUTE_CLASS, controller);
      const rule = ruleOf(method, path);
      if (!rule || rule.class !== routeClass) unruled.push(`${method} /${path} (${controller.name}.${name}: @Access('${routeClass}'), table: ${rule?.class ?? 'no row'})`);
    }
    if (undeclared.length > 0) throw new Error(`routes without an access rule (add @Access(…) or @Public()): ${undeclared.join(', ')}`);
    if (unruled.length > 0) throw new Error(`routes without a matching row in ROUTE_RULES (auth/access-matrix.ts): ${unruled.join(', ')}`);
  }
}
