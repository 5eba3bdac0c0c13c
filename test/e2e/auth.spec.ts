import { streamOf } from '@crm/domain';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { signHs256 } from '../../apps/api/src/auth/hs256';
import { freePort, startApiProcess } from '../support/api-process';
import { daysAgo, region } from '../support/fixtures';
import { startTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';
import { testToken } from '../support/tokens';

/**
 * SPEC §6: bearer JWTs with `sub` and `roles`; connector (record, read), manager (read all, reports), reporting
 * (read-only queries and exports), admin (organisations, erasure, rebuild, and everything else); no anonymous
 * access except /health. The expectations below are written out by hand, not derived from the access matrix.
 */

const ROLES = ['connector', 'manager', 'reporting', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Agent = TestApp['http'];
type Case = { route: string; send: (client: Agent) => Promise<Response>; ok: number; allowed: readonly Role[] | 'everyone' };

const ALL: readonly Role[] = ROLES;

describe('authentication and roles (HS256, embedded)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof region>>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await region(t.http);
  });
  afterAll(() => t.close());
  /** Scoped roles see their own school's records only (SPEC §6 R2): the logins here are the school's teacher. */
  const as = (roles: Parameters<TestApp['as']>[0], options: { sub?: string } = {}) => t.as(roles, { personId: w.teacherId, ...options });

  /** One request per route class; ones whose success consumes something make what they need first (as admin). */
  const cases = (): Case[] => [
    {
      route: 'partnership command: POST /partnerships/:id/interactions',
      send: (c) => c.post(`/api/partnerships/${w.partnershipId}/interactions`).send({ kind: 'call', initiatedBy: 'school', participantIds: [w.teacherId] }),
      ok: 201,
      allowed: ['connector', 'admin'],
    },
    {
      route: 'partnership command: POST /partnerships',
      send: (c) => c.post('/api/partnerships').send({ schoolId: w.schoolId, partnerId: w.companyId, levels: ['havo'], intensity: 'aligned' }),
      ok: 201,
      allowed: ['connector', 'admin'],
    },
    {
      route: 'people command: POST /people',
      send: (c) => c.post('/api/people').send({ organisationId: w.schoolId, name: 'Sanne Bakker', role: 'docent', tier: 'operational' }),
      ok: 201,
      allowed: ['connector', 'admin'],
    },
    {
      route: 'organisation command: POST /organisations',
      send: (c) => c.post('/api/organisations').send({ name: `Bedrijf ${randomUUID()}`, kind: 'company' }),
      ok: 201,
      allowed: ['admin'],
    },
    {
      route: 'organisation command: PATCH /organisations/:id',
      send: (c) => c.patch(`/api/organisations/${w.companyId}`).send({ region: `Regio ${randomUUID()}` }),
      ok: 200,
      allowed: ['admin'],
    },
    {
      route: 'erasure: POST /people/:id/erasure',
      send: async (c) => {
        const person = await t.http.post('/api/people').send({ organisationId: w.companyId, name: 'Te Wissen', role: 'HR', tier: 'tactical' }).expect(201);
        return c.post(`/api/people/${person.body.id}/erasure`).send({});
      },
      ok: 200,
      allowed: ['admin'],
    },
    { route: 'list: GET /partnerships', send: (c) => c.get('/api/partnerships'), ok: 200, allowed: ALL },
    { route: 'list: GET /people', send: (c) => c.get('/api/people'), ok: 200, allowed: ALL },
    { route: 'detail: GET /partnerships/:id/health', send: (c) => c.get(`/api/partnerships/${w.partnershipId}/health`), ok: 200, allowed: ALL },
    { route: 'detail: GET /partnerships/:id/timeline', send: (c) => c.get(`/api/partnerships/${w.partnershipId}/timeline`), ok: 200, allowed: ALL },
    { route: 'detail: GET /organisations/:id', send: (c) => c.get(`/api/organisations/${w.schoolId}`), ok: 200, allowed: ALL },
    { route: 'detail: GET /people/:id/exposure', send: (c) => c.get(`/api/people/${w.teacherId}/exposure`), ok: 200, allowed: ALL },
    { route: 'worklist: GET /worklist?personId=', send: (c) => c.get('/api/worklist').query({ personId: w.teacherId }), ok: 200, allowed: ALL },
    { route: 'report: GET /reports/levels', send: (c) => c.get('/api/reports/levels'), ok: 200, allowed: ['manager', 'reporting', 'admin'] },
    { route: 'report: GET /reports/continuity', send: (c) => c.get('/api/reports/continuity'), ok: 200, allowed: ['manager', 'reporting', 'admin'] },
    { route: 'CSV export of a list: GET /partnerships?format=csv', send: (c) => c.get('/api/partnerships').query({ format: 'csv' }), ok: 200, allowed: ['manager', 'reporting', 'admin'] },
    { route: 'CSV export of a list: GET /people, Accept: text/csv', send: (c) => c.get('/api/people').set('Accept', 'text/csv'), ok: 200, allowed: ['manager', 'reporting', 'admin'] },
    { route: 'CSV export of a report: GET /reports/levels?format=csv', send: (c) => c.get('/api/reports/levels').query({ format: 'csv' }), ok: 200, allowed: ['manager', 'reporting', 'admin'] },
    { route: 'xlsx export of a list: GET /organisations?format=xlsx', send: (c) => c.get('/api/organisations').query({ format: 'xlsx' }), ok: 200, allowed: ['manager', 'reporting', 'admin'] },
    { route: 'admin: POST /admin/projections/rebuild', send: (c) => c.post('/api/admin/projections/rebuild').query({ wait: 'true' }), ok: 202, allowed: ['admin'] },
    { route: 'ops: GET /metrics', send: (c) => c.get('/metrics'), ok: 200, allowed: ALL },
    { route: 'ops: GET /health', send: (c) => c.get('/health'), ok: 200, allowed: 'everyone' },
  ];
  const names = cases().map((c) => c.route);
  const caseNamed = (route: string) => cases().find((c) => c.route === route)!;

  describe.each(names)('%s', (route) => {
    it.each(ROLES)('as %s', async (role) => {
      const c = caseNamed(route);
      const before = await t.store.headPosition();
      const response = await c.send(as(role));
      const allowed = c.allowed === 'everyone' || c.allowed.includes(role);
      expect({ role, status: response.status }).toEqual({ role, status: allowed ? c.ok : 403 });
      if (!allowed) {
        expect(response.body).toEqual({ statusCode: 403, code: 'forbidden', message: expect.stringContaining('needs one of the roles') });
        if (!c.route.startsWith('erasure')) expect(await t.store.headPosition()).toBe(before); // refused: nothing written
      }
      if (allowed && c.route.startsWith('CSV')) expect(response.headers['content-type']).toMatch(/^text\/csv/);
      if (allowed && c.route.startsWith('xlsx')) expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('without a token', async () => {
      const c = caseNamed(route);
      const response = await c.send(t.anonymous);
      if (c.allowed === 'everyone') {
        expect(response.status).toBe(c.ok);
        return;
      }
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'unauthenticated', message: expect.stringContaining('bearer token') });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="partnership-crm"');
    });

    const badTokens: [string, () => string][] = [
      ['a bad signature', () => signHs256({ sub: 'mallory', roles: ['admin'], ttlSeconds: 600 }, `${TEST_JWT_SECRET}-not-ours`)],
      ['an expired token', () => t.token('admin', { ttlSeconds: -120 })],
      ['a malformed token', () => 'not-a-jwt'],
      [
        'alg none',
        () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'mallory', roles: ['admin'], exp: 4102444800 })).toString('base64url')}.`,
      ],
    ];
    it.each(badTokens)('with %s', async (_, token) => {
      const c = caseNamed(route);
      const response = await c.send(t.withToken(token()));
      if (c.allowed === 'everyone') {
        expect(response.status).toBe(c.ok); // /health ignores whatever token comes with it
        return;
      }
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="partnership-crm", error="invalid_token"');
    });
  });

  it('answers 401 for another scheme than Bearer, and for a token of a role this API does not know, 403', async () => {
    const basic = await t.anonymous.get('/api/partnerships').set('Authorization', 'Basic YWRtaW46YWRtaW4=');
    expect(basic.status).toBe(401);
    expect(basic.body.message).toMatch(/Bearer <token>/);
    const unknownRole = await t.withToken(signHs256({ sub: 'x', roles: ['superuser'], ttlSeconds: 60 }, TEST_JWT_SECRET)).get('/api/partnerships');
    expect(unknownRole.status).toBe(403);
    expect(unknownRole.body.message).toMatch(/none of them/);
  });

  it('authenticates before it validates: no token is 401 and a role that may not is 403, even for a body that would be 400', async () => {
    const invalid = { kind: 'spaceship', unknownField: true };
    expect((await t.anonymous.post('/api/organisations').send(invalid)).status).toBe(401);
    expect((await t.as('reporting').post('/api/organisations').send(invalid)).status).toBe(403);
    expect((await t.http.post('/api/organisations').send(invalid)).status).toBe(400);
  });

  it('a token for several roles may do what any of them may', async () => {
    const both = as(['manager', 'connector']);
    await both.post(`/api/partnerships/${w.partnershipId}/interactions`).send({ kind: 'email', initiatedBy: 'school' }).expect(201);
    await both.get('/api/reports/levels').expect(200);
    await both.get('/api/partnerships').query({ format: 'csv' }).expect(200);
    await as('connector').get('/api/partnerships').query({ format: 'csv' }).expect(403);
  });

  it('records the token’s sub as recordedBy on every event, and the timeline shows it', async () => {
    const sub = `fatima.elamrani@clusius.nl#${randomUUID()}`;
    const response = await as('connector', { sub })
      .post(`/api/partnerships/${w.partnershipId}/interactions`)
      .send({ kind: 'visit', initiatedBy: 'school', participantIds: [w.teacherId], occurredAt: daysAgo(1) })
      .expect(201);
    const event = (await t.store.readStream(streamOf.partnership(w.partnershipId))).find((e) => e.data.interactionId === response.body.id);
    expect(event?.metadata.recordedBy).toBe(sub);
    const timeline = await t.http.get(`/api/partnerships/${w.partnershipId}/timeline`).set('X-Min-Position', String(response.body.position)).expect(200);
    expect(timeline.body.items.find((item: { recordedBy: string }) => item.recordedBy === sub)).toBeDefined();
  });

  it('scopes Idempotency-Key per user: the same key from two users is two commands; a retry by either gets their own answer', async () => {
    const key = `shared-${randomUUID()}`;
    const body = { kind: 'call', initiatedBy: 'partner', summary: 'Same words, other people' };
    const send = (sub: string) => as('connector', { sub }).post(`/api/partnerships/${w.partnershipId}/interactions`).set('Idempotency-Key', key).send(body);
    const alice = await send('alice');
    const bob = await send('bob');
    expect([alice.status, bob.status]).toEqual([201, 201]);
    expect(bob.body.id).not.toBe(alice.body.id);
    const head = await t.store.headPosition();
    expect((await send('alice')).body).toEqual(alice.body);
    expect((await send('bob')).body).toEqual(bob.body);
    expect(await t.store.headPosition()).toBe(head);
    const recorded = (await t.store.readStream(streamOf.partnership(w.partnershipId))).filter((e) => [alice.body.id, bob.body.id].includes(e.data.interactionId));
    expect(recorded.map((e) => e.metadata.recordedBy).sort()).toEqual(['alice', 'bob']);
  });

  it('serves the OpenAPI document without a token, with a bearer scheme for trying routes out', async () => {
    const doc = await t.anonymous.get('/docs/json').expect(200);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.body.paths['/api/people/{id}/erasure'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.body.paths['/health'].get.security).toEqual([]);
  });
});

describe('HS256 with AUTH_ISSUER and AUTH_AUDIENCE', () => {
  let t: TestApp;
  const issuer = 'https://crm.school.example';
  const audience = 'partnership-crm';
  beforeAll(async () => (t = await startTestApp({ auth: { jwtSecret: TEST_JWT_SECRET, issuer, audience } })));
  afterAll(() => t.close());

  const token = (claims: { issuer?: string; audience?: string }) => signHs256({ sub: 'u', roles: ['reporting'], ttlSeconds: 600, ...claims }, TEST_JWT_SECRET);

  it('accepts tokens for this issuer and audience (the issuing helpers add them)', async () => {
    await t.as('reporting').get('/api/partnerships').expect(200);
    await t.withToken(token({ issuer, audience })).get('/api/partnerships').expect(200);
  });

  it.each([
    ['another issuer', { issuer: 'https://elsewhere.example', audience }],
    ['another audience', { issuer, audience: 'some-other-api' }],
    ['neither', {}],
  ])('refuses a token with %s (401)', async (_, claims) => {
    const response = await t.withToken(token(claims)).get('/api/partnerships');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/issuer|audience/) });
  });
});

/** An identity provider's key set, served over HTTP on 127.0.0.1; `keys` may be replaced (rotation). */
class JwksServer {
  keys: JWK[] = [];
  fetches = 0;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
      this.fetches++;
      response.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface SigningKey {
  alg: 'ES256' | 'RS256';
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(alg: 'ES256' | 'RS256', kid = `${alg}-${randomUUID()}`): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

describe('JWKS (production): RS256/ES256 tokens verified against the identity provider’s key set', () => {
  const issuer = 'https://idp.school.example/realms/crm';
  const audience = 'partnership-crm-api';
  let idp: JwksServer;
  let t: TestApp;
  let es: SigningKey;
  let rs: SigningKey;

  const sign = (key: SigningKey, claims: { sub?: string; roles?: string[]; iss?: string; aud?: string; exp?: string | number; kid?: string } = {}) => {
    const jwt = new SignJWT({ roles: claims.roles ?? ['admin'] })
      .setProtectedHeader({ alg: key.alg, kid: claims.kid ?? key.kid, typ: 'JWT' })
      .setSubject(claims.sub ?? 'idp-user-1')
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience)
      .setIssuedAt();
    return jwt.setExpirationTime(claims.exp ?? '10m').sign(key.privateKey);
  };

  beforeAll(async () => {
    [es, rs] = await Promise.all([signingKey('ES256'), signingKey('RS256')]);
    idp = await new JwksServer().start();
    idp.keys = [es.jwk, rs.jwk];
    // Cooldown 0 so the rotation test need not wait 30 s for an unknown kid to trigger a refetch.
    t = await startTestApp({ auth: { jwksUrl: idp.url, issuer, audience, jwksCooldownMs: 0 } });
  });
  afterAll(async () => {
    await t.close();
    await idp.stop();
  });

  it('accepts ES256 and RS256 tokens signed with published keys, with roles enforced as in embedded mode', async () => {
    await t.withToken(await sign(es, { roles: ['reporting'] })).get('/api/partnerships').expect(200);
    await t.withToken(await sign(rs, { roles: ['reporting'] })).get('/api/partnerships').expect(200);
    const refused = await t.withToken(await sign(es, { roles: ['reporting'] })).post('/api/organisations').send({ name: 'X', kind: 'company' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    await t.anonymous.get('/health').expect(200);
    await t.anonymous.get('/api/partnerships').expect(401);
  });

  it('records the provider’s sub as recordedBy', async () => {
    const sub = `oidc|${randomUUID()}`;
    const response = await t.withToken(await sign(rs, { sub })).post('/api/organisations').send({ name: 'Gemeente Den Helder', kind: 'government' }).expect(201);
    const [event] = await t.store.readStream(streamOf.organisation(response.body.id));
    expect(event.metadata.recordedBy).toBe(sub);
  });

  it('refuses a token signed by another key, whether it claims a published kid or an unknown one', async () => {
    const impostor = await signingKey('ES256', es.kid);
    const claimsPublishedKid = await t.withToken(await sign(impostor)).get('/api/partnerships');
    expect(claimsPublishedKid.status).toBe(401);
    expect(claimsPublishedKid.body).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/signature/) });
    const unknown = await signingKey('RS256');
    const unknownKid = await t.withToken(await sign(unknown)).get('/api/partnerships');
    expect(unknownKid.status).toBe(401);
    expect(unknownKid.body.message).toMatch(/key the identity provider does not publish/);
  });

  it('refuses HS256 tokens, even signed with a secret this API knows elsewhere', async () => {
    const response = await t.withToken(testToken(['admin'], 'mallory')).get('/api/partnerships');
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/RS256 or ES256/);
  });

  it.each([
    ['another issuer', { iss: 'https://idp.elsewhere.example' }],
    ['another audience', { aud: 'another-api' }],
    ['an expiry in the past', { exp: Math.floor(Date.now() / 1000) - 120 }],
  ])('refuses a token with %s (401)', async (_, claims) => {
    const response = await t.withToken(await sign(es, claims)).get('/api/partnerships');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('caches the key set: verifying many tokens does not fetch it again', async () => {
    await t.withToken(await sign(es)).get('/api/partnerships').expect(200);
    const fetches = idp.fetches;
    for (let i = 0; i < 5; i++) await t.withToken(await sign(i % 2 ? es : rs)).get('/api/partnerships').expect(200);
    expect(idp.fetches).toBe(fetches);
  });

  it('follows key rotation: a token with a newly published kid is accepted, one with a withdrawn key refused', async () => {
    const next = await signingKey('ES256');
    idp.keys = [next.jwk, rs.jwk];
    await t.withToken(await sign(next)).get('/api/partnerships').expect(200);
    expect((await t.withToken(await sign(es)).get('/api/partnerships')).status).toBe(401);
    idp.keys = [es.jwk, rs.jwk];
  });

  it('answers 503 when the key set cannot be fetched (not 401: the token may be fine)', async () => {
    const down = await startTestApp({ auth: { jwksUrl: `http://127.0.0.1:${await freePort()}/jwks.json`, issuer, audience } });
    try {
      const response = await down.withToken(await sign(es)).get('/api/partnerships');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'authentication_unavailable' });
    } finally {
      await down.close();
    }
  });
});

describe('npm start in embedded mode, and the token CLI (the built apps)', () => {
  const BUILT_CLI = join(__dirname, '../../dist/apps/cli/apps/cli/src/main.js');
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-auth-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const cli = (dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BUILT_CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, AUTH_JWT_SECRET: '', AUTH_JWKS_URL: '', ...env }, encoding: 'utf8' });

  it('without AUTH_JWT_SECRET generates a secret (0600), prints and writes an admin token; the CLI signs with the same secret; a restart reuses it', async () => {
    const dataDir = fresh();
    let api = await startApiProcess(dataDir, undefined, { AUTH_JWT_SECRET: '' });
    try {
      const secretFile = join(dataDir, 'jwt-secret');
      const tokenFile = join(dataDir, 'dev-admin-token');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      const devToken = readFileSync(tokenFile, 'utf8').trim();
      expect(api.output()).toContain(devToken);
      const auth = { Authorization: `Bearer ${devToken}` };
      const created = await fetch(`${api.baseUrl}/api/organisations`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Dev College', kind: 'school', levels: ['mbo'] }),
      });
      expect(created.status).toBe(201);
      expect((await fetch(`${api.baseUrl}/api/organisations`, { headers: auth })).status).toBe(200);

      const issued = cli(dataDir, ['token', '--role', 'reporting', '--sub', 'bi-team', '--ttl', '1h']);
      expect(issued.status).toBe(0);
      const reporting = { Authorization: `Bearer ${issued.stdout.trim()}` };
      expect((await fetch(`${api.baseUrl}/api/partnerships?format=csv`, { headers: reporting })).status).toBe(200);
      expect((await fetch(`${api.baseUrl}/api/organisations`, { method: 'POST', headers: reporting })).status).toBe(403);

      const secret = readFileSync(secretFile, 'utf8');
      await api.kill('SIGTERM');
      api = await startApiProcess(dataDir, undefined, { AUTH_JWT_SECRET: '' });
      expect(readFileSync(secretFile, 'utf8')).toBe(secret);
      expect((await fetch(`${api.baseUrl}/api/organisations`, { headers: auth })).status).toBe(200);
    } finally {
      await api.kill('SIGTERM');
    }
  }, 60_000);

  it('with AUTH_JWT_SECRET prints no token and writes neither secret nor token; the CLI signs with that secret', async () => {
    const dataDir = fresh();
    const api = await startApiProcess(dataDir); // AUTH_JWT_SECRET = TEST_JWT_SECRET
    try {
      expect(existsSync(join(dataDir, 'dev-admin-token'))).toBe(false);
      expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
      expect(api.output()).not.toMatch(/Development admin token/);
      const issued = cli(dataDir, ['token', '--role', 'connector', '--sub', 'u-42'], { AUTH_JWT_SECRET: TEST_JWT_SECRET });
      expect(issued.status).toBe(0);
      expect((await fetch(`${api.baseUrl}/api/partnerships`, { headers: { Authorization: `Bearer ${issued.stdout.trim()}` } })).status).toBe(200);
    } finally {
      await api.kill('SIGTERM');
    }
  }, 60_000);

  it('the CLI refuses unknown roles, a missing --sub, and issuing tokens when a JWKS URL is configured', () => {
    const dataDir = fresh();
    expect(cli(dataDir, ['token', '--role', 'root', '--sub', 'x']).stderr).toMatch(/unknown: root/);
    expect(cli(dataDir, ['token', '--role', 'admin']).stderr).toMatch(/--sub is required/);
    const jwks = cli(dataDir, ['token', '--role', 'admin', '--sub', 'x'], { AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' });
    expect(jwks.status).toBe(1);
    expect(jwks.stderr).toMatch(/issued by the identity provider/);
  });
});
