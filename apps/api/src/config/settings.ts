import { resolve } from 'node:path';

/** Settings by environment, names and defaults as SPEC §5 gives them. */
export interface Settings {
  port: number;
  dataDir: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  /** Bound on how long a request may wait for read models (X-Min-Position). */
  minPositionWaitMs: number;
  /** Bearer-token verification (SPEC §6); see apps/api/src/auth/auth-config.ts for how these combine. */
  auth: AuthSettings;
}

export interface AuthSettings {
  /** AUTH_JWT_SECRET: the HS256 secret. Unset and no JWKS: generated into `<dataDir>/jwt-secret` on first start. */
  jwtSecret?: string;
  /** AUTH_JWKS_URL: production; tokens are RS256/ES256, verified against this key set. */
  jwksUrl?: string;
  /** AUTH_ISSUER / AUTH_AUDIENCE: required with a JWKS URL, checked whenever set. */
  issuer?: string;
  audience?: string;
  /** Not from the environment: how long fetched JWKS keys are trusted, and the least time between refetches. */
  jwksCacheMaxAgeMs?: number;
  jwksCooldownMs?: number;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongodbUrl: env.MONGODB_URL || undefined,
    minPositionWaitMs: 5000,
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET || undefined,
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
    },
  };
}

export const SETTINGS = Symbol('SETTINGS');
