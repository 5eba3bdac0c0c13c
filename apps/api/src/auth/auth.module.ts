import { Global, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Settings, SETTINGS } from '../config/settings';
import { routeHandlers } from '../http/route-handlers';
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

  /** Refuses to start when a route says neither `@Public()` nor `@Access(…)`: no route is open by omission. */
  onModuleInit(): void {
    const undeclared: string[] = [];
    const declared = (target: object) => Reflect.getMetadata(IS_PUBLIC, target) === true || Reflect.getMetadata(ROUTE_CLASS, target) !== undefined;
    for (const { controller, name, handler } of routeHandlers(this.discovery, this.scanner)) {
      if (!declared(handler) && !declared(controller)) undeclared.push(`${controller.name}.${name}`);
    }
    if (undeclared.length > 0) throw new Error(`routes without an access rule (add @Access(…) or @Public()): ${undeclared.join(', ')}`);
  }
}
