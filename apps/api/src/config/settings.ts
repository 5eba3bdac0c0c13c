import { resolve } from 'node:path';
import { DEFAULT_TIME_ZONE } from '@crm/domain';
import { Environment, LogLevel, validateEnvironment } from './environment';

export { InvalidSettingsError, LOG_LEVELS, validateEnvironment } from './environment';
export type { LogLevel } from './environment';

/** Settings by environment, names and defaults as SPEC §5 gives them (the schema: ./environment.ts). */
export interface Settings {
  port: number;
  dataDir: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  /** Bound on how long a request may wait for read models (X-Min-Position). */
  minPositionWaitMs: number;
  /** Bearer-token verification (SPEC §6); see apps/api/src/auth/auth-config.ts for how these combine. */
  auth: AuthSettings;
  /**
   * PROJECTOR_LEASE_TTL_MS: how long the active projector's lease lasts without renewal (a standby takes over after it).
   * 30 s by default: longer than a MongoDB replica-set election (10-12 s), during which renewals fail, so an election
   * does not cost the active projector its lease (and a restart from its checkpoints).
   */
  projectorLeaseTtlMs: number;
  /** LOG_LEVEL: the least level written (JSON lines on stdout). */
  logLevel: LogLevel;
  /** TIME_ZONE: the zone a date without a time is a day in (SPEC §1 R2): asOf=<date> is its end, a command's date its start. */
  timeZone: string;
}

export const DEFAULTS = { port: 3000, dataDir: './data', projectorLeaseTtlMs: 30_000, logLevel: 'info', timeZone: DEFAULT_TIME_ZONE } as const;

export interface AuthSettings {
  /** AUTH_JWT_SECRET: the HS256 secret. Unset and no JWKS: generated into `<dataDir>/jwt-secret` on first start. */
  jwtSecret?: string;
  /** AUTH_JWKS_URL: production; tokens are RS256/ES256, verified against this key set. */
  jwksUrl?: string;
  /** AUTH_ISSUER / AUTH_AUDIENCE: required with a JWKS URL, checked whenever set. */
  issuer?: string;
  audience?: string;
  /** AUTH_PERSON_CLAIM: the token claim that names the caller's person (default `personId`). */
  personClaim?: string;
  /** AUTH_WEB_CLIENT_ID: with AUTH_JWKS_URL, the web app signs in with OpenID Connect (code + PKCE) at AUTH_ISSUER. */
  webClientId?: string;
  /** Not from the environment: how long fetched JWKS keys are trusted, and the least time between refetches. */
  jwksCacheMaxAgeMs?: number;
  jwksCooldownMs?: number;
}

/**
 * The settings of this environment, validated (throws InvalidSettingsError naming each wrong or missing setting, so
 * an app stops before it opens anything). Unset or empty means the default. Used by the API, the projector and the CLI.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv | Record<string, unknown> = process.env): Settings {
  return settingsOf(validateEnvironment(env));
}

/** Settings from an already validated environment. */
export function settingsOf(env: Environment): Settings {
  return {
    port: env.PORT === undefined ? DEFAULTS.port : Number(env.PORT),
    dataDir: resolve(env.DATA_DIR ?? DEFAULTS.dataDir),
    eventStoreUrl: env.EVENTSTORE_URL,
    mongodbUrl: env.MONGODB_URL,
    minPositionWaitMs: 5000,
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET,
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      ...(env.AUTH_PERSON_CLAIM !== undefined && { personClaim: env.AUTH_PERSON_CLAIM }),
      ...(env.AUTH_WEB_CLIENT_ID !== undefined && { webClientId: env.AUTH_WEB_CLIENT_ID }),
    },
    projectorLeaseTtlMs: env.PROJECTOR_LEASE_TTL_MS === undefined ? DEFAULTS.projectorLeaseTtlMs : Number(env.PROJECTOR_LEASE_TTL_MS),
    logLevel: (env.LOG_LEVEL as LogLevel | undefined) ?? DEFAULTS.logLevel,
    timeZone: env.TIME_ZONE ?? DEFAULTS.timeZone,
  };
}

export const SETTINGS = Symbol('SETTINGS');
