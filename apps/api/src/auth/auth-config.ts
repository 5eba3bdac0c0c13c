import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ensureDirectory } from '@crm/storage';
import { existsSync, linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings } from '../config/settings';

/** HS256 secrets shorter than this (in characters) are refused: RFC 7518 §3.2 wants at least the hash size, 256 bits. */
export const MIN_SECRET_LENGTH = 32;
export const SECRET_FILE = 'jwt-secret';

/** How tokens are verified, resolved from the settings once at start. */
export type AuthConfig =
  | {
      mode: 'hs256';
      secret: string;
      /** `env`: AUTH_JWT_SECRET; `data-dir`: generated into `<dataDir>/jwt-secret` (now or on an earlier start). */
      secretSource: 'env' | 'data-dir';
      issuer?: string;
      audience?: string;
    }
  | { mode: 'jwks'; jwksUrl: string; issuer: string; audience: string; cacheMaxAgeMs?: number; cooldownMs?: number };

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/** Where resolving says what it did (Nest's Logger in the API; stderr in the CLI, whose stdout is the token). */
export type AuthLog = { log(message: string): void; warn(message: string): void };

/**
 * - `AUTH_JWKS_URL` set: production; RS256/ES256 tokens from the identity provider, `AUTH_ISSUER` and `AUTH_AUDIENCE`
 *   required. `AUTH_JWT_SECRET` is then ignored: no shared secret can mint tokens.
 * - else `AUTH_JWT_SECRET`: HS256 with it (at least 32 characters).
 * - else: HS256 with a random secret generated into `<DATA_DIR>/jwt-secret` (mode 0600) on first start and reused.
 */
export function resolveAuthConfig(settings: Pick<Settings, 'auth' | 'dataDir'>, logger: AuthLog = new Logger('Auth')): AuthConfig {
  const { jwtSecret, jwksUrl, issuer, audience } = settings.auth;
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new Error(`AUTH_JWKS_URL must be a URL, got "${jwksUrl}"`);
    }
    if (!issuer || !audience) throw new Error('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE: without them a token the provider issued for any other application would be accepted');
    if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
      logger.warn(`AUTH_JWKS_URL is not https (${url.origin}): whoever can tamper with that connection can make this API trust their keys`);
    }
    if (jwtSecret) logger.warn('AUTH_JWT_SECRET is ignored: AUTH_JWKS_URL is set, so only tokens signed by the identity provider are accepted');
    return { mode: 'jwks', jwksUrl, issuer, audience, cacheMaxAgeMs: settings.auth.jwksCacheMaxAgeMs, cooldownMs: settings.auth.jwksCooldownMs };
  }
  if (jwtSecret) {
    if (jwtSecret.length < MIN_SECRET_LENGTH) throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return { mode: 'hs256', secret: jwtSecret, secretSource: 'env', issuer, audience };
  }
  return { mode: 'hs256', secret: embeddedSecret(settings.dataDir, logger), secretSource: 'data-dir', issuer, audience };
}

/** Reads `<dataDir>/jwt-secret`, generating it (256 random bits, mode 0600) when it does not exist yet. */
export function embeddedSecret(dataDir: string, logger: AuthLog = new Logger('Auth')): string {
  const path = join(dataDir, SECRET_FILE);
  ensureDirectory(dataDir);
  if (!existsSync(path)) {
    // Written aside, then linked into place: link never overwrites, so two processes starting at once (API and
    // CLI) end up with the same secret, and neither ever reads a half-written file.
    const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, path);
      logger.log(`generated a token-signing secret in ${path}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${path} must hold a secret of at least ${MIN_SECRET_LENGTH} characters; delete it to have a new one generated`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    logger.warn(`${path} is readable by other users (chmod 600 it): anyone who reads it can mint admin tokens`);
  }
  return secret;
}
