import { isUUID } from 'class-validator';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRole, Role, ROLES } from './access-matrix';
import { AuthConfig } from './auth-config';
import { signHs256 } from './hs256';
import { DEFAULT_PERSON_CLAIM } from './token-verifier';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** Longest lifetime the CLI issues: a stolen token is good for at most this long. */
export const MAX_TTL_SECONDS = 366 * 86_400;

/** `90s`, `30m`, `8h`, `7d` → seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS] : NaN;
  if (!(seconds > 0 && seconds <= MAX_TTL_SECONDS)) throw new Error(`--ttl must be a duration like 30m, 8h or 7d, at most 366d; got "${text}"`);
  return seconds;
}

export function parseRoles(names: string[]): Role[] {
  const roles = names.flatMap((name) => name.split(',')).map((name) => name.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) throw new Error(`--role must be one or more of ${ROLES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  return [...new Set(roles as Role[])];
}

/** An HS256 token for the configured (or generated) secret. With a JWKS URL the identity provider issues tokens, not us. */
export function issueToken(config: AuthConfig, claims: { sub: string; roles: Role[]; ttlSeconds: number; personId?: string }): string {
  if (config.mode !== 'hs256') throw new Error('AUTH_JWKS_URL is set: tokens are issued by the identity provider, not by this application');
  if (claims.sub.trim() === '') throw new Error('--sub must not be empty');
  const { personId, ...rest } = claims;
  if (personId !== undefined && !isUUID(personId)) throw new Error(`--person must be a person id (a UUID); got "${personId}"`);
  const extra = personId !== undefined ? { [config.personClaim ?? DEFAULT_PERSON_CLAIM]: personId } : undefined;
  return signHs256({ ...rest, issuer: config.issuer, audience: config.audience, extra }, config.secret);
}

export const DEV_ADMIN_TOKEN_FILE = 'dev-admin-token';
export const DEV_ADMIN_SUB = 'dev-admin';
export const DEV_ADMIN_TTL_SECONDS = 7 * 86_400;

/**
 * Embedded development only: an admin token for the generated secret, written to `<dataDir>/dev-admin-token`
 * (mode 0600). Answers undefined, and writes nothing, unless the secret is the one generated into the data
 * directory and both stores are the embedded ones: never with AUTH_JWT_SECRET, a JWKS URL, or production stores.
 */
export function devAdminToken(config: AuthConfig, settings: { dataDir: string; eventStoreUrl?: string; mongodbUrl?: string }) {
  if (!isDevelopment(config, settings)) return undefined;
  const token = issueToken(config, { sub: DEV_ADMIN_SUB, roles: ['admin'], ttlSeconds: DEV_ADMIN_TTL_SECONDS });
  return { token, path: writeTokenFile(settings.dataDir, DEV_ADMIN_TOKEN_FILE, token) };
}

/**
 * `npm start -- --demo` only, on the same terms as the development admin token: a demo login's token (its person
 * claim naming a demo person, when it is one), written to `<dataDir>/<file>` (e.g. `demo-connector-token`).
 */
export function demoToken(
  config: AuthConfig,
  settings: { dataDir: string; eventStoreUrl?: string; mongodbUrl?: string },
  login: { sub: string; role: Role; file: string; personId?: string },
) {
  if (!isDevelopment(config, settings)) return undefined;
  const { sub, role, file, personId } = login;
  const token = issueToken(config, { sub, roles: [role], ttlSeconds: DEV_ADMIN_TTL_SECONDS, ...(personId !== undefined && { personId }) });
  return { token, path: writeTokenFile(settings.dataDir, file, token) };
}

const isDevelopment = (config: AuthConfig, settings: { eventStoreUrl?: string; mongodbUrl?: string }) =>
  config.mode === 'hs256' && config.secretSource === 'data-dir' && !settings.eventStoreUrl && !settings.mongodbUrl;

function writeTokenFile(dataDir: string, name: string, token: string): string {
  const path = join(dataDir, name);
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  return path;
}
