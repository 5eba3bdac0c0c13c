import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAuthConfig } from './auth-config';
import { demoToken, devAdminToken, issueToken, parseRoles, parseTtl } from './issue-token';
import { Hs256TokenVerifier } from './hs256';

const quiet = { log: () => undefined, warn: () => undefined };

describe('auth settings', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'crm-auth-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('embedded without AUTH_JWT_SECRET: generates <DATA_DIR>/jwt-secret (0600) once and reuses it', () => {
    const first = resolveAuthConfig({ dataDir, auth: {} }, quiet);
    const file = join(dataDir, 'jwt-secret');
    expect(first).toMatchObject({ mode: 'hs256', secretSource: 'data-dir' });
    expect(first.mode === 'hs256' && first.secret.length).toBeGreaterThanOrEqual(32);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = resolveAuthConfig({ dataDir, auth: {} }, quiet);
    expect(second).toEqual(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.mode === 'hs256' && first.secret);
  });

  it('AUTH_JWT_SECRET wins over the data directory, and must be at least 32 characters', () => {
    const secret = 'x'.repeat(32);
    expect(resolveAuthConfig({ dataDir, auth: { jwtSecret: secret } }, quiet)).toEqual({ mode: 'hs256', secret, secretSource: 'env' });
    expect(() => resolveAuthConfig({ dataDir, auth: { jwtSecret: 'short' } }, quiet)).toThrow(/at least 32/);
  });

  it('refuses a damaged secret file rather than signing with it', () => {
    writeFileSync(join(dataDir, 'jwt-secret'), 'tiny\n');
    expect(() => resolveAuthConfig({ dataDir, auth: {} }, quiet)).toThrow(/at least 32/);
  });

  it('AUTH_JWKS_URL: needs issuer and audience; a shared secret is then not used', () => {
    expect(() => resolveAuthConfig({ dataDir, auth: { jwksUrl: 'https://idp.example/jwks' } }, quiet)).toThrow(/AUTH_ISSUER and AUTH_AUDIENCE/);
    expect(() => resolveAuthConfig({ dataDir, auth: { jwksUrl: 'not a url', issuer: 'i', audience: 'a' } }, quiet)).toThrow(/URL/);
    const config = resolveAuthConfig({ dataDir, auth: { jwksUrl: 'https://idp.example/jwks', issuer: 'i', audience: 'a', jwtSecret: 'y'.repeat(40) } }, quiet);
    expect(config).toMatchObject({ mode: 'jwks', jwksUrl: 'https://idp.example/jwks', issuer: 'i', audience: 'a' });
    expect(config).not.toHaveProperty('secret');
  });

  it('writes a development admin token only for the generated secret with the embedded stores', () => {
    const generated = resolveAuthConfig({ dataDir, auth: {} }, quiet);
    expect(devAdminToken(generated, { dataDir })?.path).toBe(join(dataDir, 'dev-admin-token'));
    expect(devAdminToken(generated, { dataDir, eventStoreUrl: 'esdb://x' })).toBeUndefined();
    expect(devAdminToken(generated, { dataDir, mongodbUrl: 'mongodb://x' })).toBeUndefined();
    expect(devAdminToken({ mode: 'hs256', secret: 'z'.repeat(32), secretSource: 'env' }, { dataDir })).toBeUndefined();
    expect(devAdminToken({ mode: 'jwks', jwksUrl: 'https://idp/jwks', issuer: 'i', audience: 'a' }, { dataDir })).toBeUndefined();
  });

  it('issues a token linked to a person (--person), in the claim AUTH_PERSON_CLAIM names', async () => {
    const person = '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f';
    const config = resolveAuthConfig({ dataDir, auth: { jwtSecret: 'k'.repeat(40), personClaim: 'crm_person' } }, quiet);
    const token = issueToken(config, { sub: 'lisa', roles: ['connector'], ttlSeconds: 60, personId: person });
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).toMatchObject({ sub: 'lisa', crm_person: person });
    await expect(new Hs256TokenVerifier('k'.repeat(40), { personClaim: 'crm_person' }).verify(token)).resolves.toMatchObject({ personId: person });
    expect(() => issueToken(config, { sub: 'lisa', roles: ['connector'], ttlSeconds: 60, personId: 'lisa' })).toThrow(/--person must be a person id/);
  });

  it('writes a demo login token only where it writes the development admin token', () => {
    const login = { sub: 'demo-connector', role: 'connector', file: 'demo-connector-token', personId: '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f' } as const;
    const generated = resolveAuthConfig({ dataDir, auth: {} }, quiet);
    expect(demoToken(generated, { dataDir }, login)?.path).toBe(join(dataDir, 'demo-connector-token'));
    expect(demoToken(generated, { dataDir, mongodbUrl: 'mongodb://x' }, login)).toBeUndefined();
  });

  it('parses --ttl and --role', () => {
    expect(parseTtl('8h')).toBe(28_800);
    expect(parseTtl('30m')).toBe(1_800);
    expect(parseTtl('7d')).toBe(604_800);
    expect(() => parseTtl('8 hours')).toThrow(/--ttl/);
    expect(() => parseTtl('0s')).toThrow(/--ttl/);
    expect(() => parseTtl('400d')).toThrow(/366d/);
    expect(parseRoles(['connector,manager', 'connector'])).toEqual(['connector', 'manager']);
    expect(() => parseRoles(['root'])).toThrow(/unknown: root/);
    expect(() => parseRoles([])).toThrow(/--role/);
  });
});
