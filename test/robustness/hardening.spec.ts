import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { settingsFromEnv } from '../../apps/api/src/config/settings';
import { MAX_PAGE_SIZE } from '../../apps/api/src/http/pagination';
import { created, daysAgo, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_JWT_SECRET } from '../support/tokens';
import { injector } from './support/robust-client';

/**
 * Hardening of the HTTP surface (issue part 3), and the counterexamples the property suites found, as plain tests:
 * only documented parameters and operators reach the read store, pages are capped, sorts are whitelisted, cursors
 * are checked, bodies are bounded in size and depth, security headers are set (with /docs still working), and each
 * user is rate limited (429 `rate_limited` with Retry-After).
 */
jest.setTimeout(60_000);

let t: TestApp;
let w: Awaited<ReturnType<typeof region>>;

beforeAll(async () => {
  t = await startTestApp({ rateLimitPerMinute: 10_000_000 });
  w = await region(t.http);
  await created(t.http, '/organisations', { name: 'Techniek (.*) Noord', kind: 'network', sector: 'techniek' });
  await created(t.http, '/people', { organisationId: w.schoolId, name: 'Kees (.*) Jansen', role: 'docent [x]', tier: 'operational' });
});
afterAll(() => t.close());

const LISTS = ['/api/partnerships', '/api/organisations', '/api/people', '/api/reports/levels', '/api/reports/key-person-risk', '/api/reports/continuity', '/api/reports/partner-load', '/api/reports/departures', '/api/reports/start-up', '/api/reports/recurring-cooperation'];

describe('query strings: no operator reaches the read store', () => {
  const operators = [
    'status[$ne]=healthy',
    'text[$where]=sleep(1000)',
    'text[$regex]=.*',
    'level[$in][]=mbo',
    'level[]=mbo',
    'sort[$function]=x',
    '$where=1',
    '$expr=%7B%7D',
    'kind.%24ne=school',
    '__proto__[admin]=1',
    '__proto__=1',
    'constructor[prototype][admin]=1',
    'constructor=1',
  ];

  it.each(LISTS.flatMap((list) => operators.map((query) => [list, query])))('%s?%s is 400 invalid_query_parameter', async (list, query) => {
    const response = await t.http.get(`${list}?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'invalid_query_parameter', message: expect.stringMatching(/plain words/) });
  });

  it('also on routes that take no query DTO (details), where unknown names would otherwise be ignored', async () => {
    for (const path of [`/api/partnerships/${w.partnershipId}`, `/api/partnerships/${w.partnershipId}/health`, `/api/people/${w.teacherId}/exposure`]) {
      const response = await t.http.get(`${path}?asOf[$gt]=2020-01-01`);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 400, code: 'invalid_query_parameter' });
    }
  });

  it('a repeated parameter is a list, and a list is not a string or a level', async () => {
    for (const [url, field] of [
      ['/api/partnerships?level=mbo&level=havo', 'level'],
      ['/api/partnerships?text=a&text=b', 'text'],
      ['/api/organisations?sort=name&sort=-name', 'sort'],
      ['/api/people?limit=5&limit=6', 'limit'],
    ]) {
      const response = await t.http.get(url);
      expect({ url, status: response.status, code: response.body.code, fields: response.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        url,
        status: 400,
        code: 'validation_failed',
        fields: [field],
      });
    }
  });

  it('free text is matched literally: regular-expression syntax matches itself and never fails', async () => {
    const organisations = await t.http.get('/api/organisations').query({ text: '(.*)' }).expect(200);
    expect(organisations.body.items.map((o: { name: string }) => o.name)).toEqual(['Techniek (.*) Noord']);
    const people = await t.http.get('/api/people').query({ text: '[x]' }).expect(200);
    expect(people.body.items.map((p: { name: string }) => p.name)).toEqual(['Kees (.*) Jansen']);
    for (const text of ['(', '[', '\\', '*', '(a+)+$', '$where', '.*']) {
      for (const list of ['/api/partnerships', '/api/organisations', '/api/people']) {
        const response = await t.http.get(list).query({ text });
        expect({ list, text, status: response.status }).toEqual({ list, text, status: 200 });
      }
    }
    expect((await t.http.get('/api/organisations').query({ text: '.*' })).body.items).toHaveLength(1);
  });

  it('sort fields are a whitelist', async () => {
    for (const sort of ['$natural', 'name;drop', 'position', '_id', '-_id', 'healthScore', 'constructor']) {
      const response = await t.http.get('/api/organisations').query({ sort });
      expect({ sort, status: response.status, code: response.body.code }).toEqual({ sort, status: 400, code: 'validation_failed' });
    }
  });

  it(`pages are capped at ${MAX_PAGE_SIZE}`, async () => {
    for (const path of ['/api/partnerships', '/api/organisations', '/api/people', `/api/partnerships/${w.partnershipId}/timeline`]) {
      await t.http.get(path).query({ limit: MAX_PAGE_SIZE }).expect(200);
      for (const limit of [MAX_PAGE_SIZE + 1, 1_000_000, 0, -1]) {
        const response = await t.http.get(path).query({ limit });
        expect({ path, limit, status: response.status }).toEqual({ path, limit, status: 400 });
      }
    }
  });

  it('a cursor is checked like any input: forged asOf, sort or key are 400 invalid_cursor', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = [
      cursor({ asOf: 'garbage', sort: 'name', after: ['a', 'b'] }),
      cursor({ asOf: '2026-01-01T00:00:00.000Z', sort: 'name', after: [{ $gt: '' }, 'b'] }),
      cursor({ asOf: '2026-01-01T00:00:00.000Z', sort: 'name', after: ['a', { $ne: null }] }),
      cursor({ asOf: '2026-01-01T00:00:00.000Z', sort: 'name', after: [] }),
      cursor({ asOf: '2026-01-01T00:00:00.000Z', sort: '-name', after: ['a', 'b'] }),
      cursor(null),
      cursor([]),
      'not base64 at all!',
    ];
    for (const value of forged) {
      const response = await t.http.get('/api/organisations').query({ cursor: value, sort: 'name' });
      expect({ value, status: response.status, code: response.body.code }).toEqual({ value, status: 400, code: 'invalid_cursor' });
    }
    const first = await t.http.get('/api/organisations').query({ limit: 1, asOf: '2030-01-01' }).expect(200);
    const second = await t.http.get('/api/organisations').query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.asOf).toBe('2030-01-01T00:00:00.000Z');
    expect(second.body.items[0].organisationId).not.toBe(first.body.items[0].organisationId);
  });
});

describe('counterexamples found by the property suites (each was a 500)', () => {
  it('a JSON body nested ten thousand levels deep (20 KB) is 400 body_too_deep, not a stack overflow', async () => {
    const before = await t.store.headPosition();
    for (const [path, body] of [
      ['/api/organisations', `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)},"kind":"company"}`],
      ['/api/organisations', `{"colour":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},"name":"x","kind":"company"}`],
      [`/api/partnerships/${w.partnershipId}/interactions`, `{"kind":"call","initiatedBy":"school","participantIds":${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
    ]) {
      const response = await t.http.post(path).set('Content-Type', 'application/json').send(body);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 400,
        body: { statusCode: 400, code: 'body_too_deep', message: 'request body nests deeper than 16 levels' },
      });
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it('an email with half a surrogate pair is 400, not a URIError from the email validator', async () => {
    const before = await t.store.headPosition();
    for (const email of ['\udc00x', 'a\ud800@b.nl', 'x@\udfff.nl']) {
      const response = await t.http
        .post('/api/people')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ organisationId: w.schoolId, name: 'Sanne', email, role: 'docent', tier: 'operational' }));
      expect({ email, status: response.status, fields: response.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ email, status: 400, fields: ['email'] });
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it('a path parameter over 100 characters or with broken percent-encoding is 400 in the API error shape', async () => {
    const send = injector(t.app, `Bearer ${t.token('admin')}`);
    for (const [url, code] of [
      [`/api/partnerships/${'a'.repeat(101)}/stage`, 'invalid_id'],
      [`/api/people/${'x'.repeat(500)}`, 'invalid_id'],
      ['/api/people/%E0%A4%A', 'malformed_url'],
    ]) {
      const answer = await send({ method: url.endsWith('stage') ? 'POST' : 'GET', url, headers: { 'content-type': 'application/json' }, payload: url.endsWith('stage') ? '{"to":"agreed"}' : undefined });
      expect({ url: url.slice(0, 40), status: answer.status, body: answer.body }).toEqual({ url: url.slice(0, 40), status: 400, body: { statusCode: 400, code, message: expect.any(String) } });
    }
  });
});

describe('bodies', () => {
  it('over 1 MiB is 413 body_too_large; nothing is written', async () => {
    const before = await t.store.headPosition();
    const response = await t.http.post(`/api/partnerships/${w.partnershipId}/interactions`).send({ kind: 'call', initiatedBy: 'school', summary: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('body_too_large');
    expect(await t.store.headPosition()).toBe(before);
  });

  it('dates JavaScript cannot read (week, ordinal, basic ISO forms) are 400 naming the field, not 422', async () => {
    for (const occurredAt of ['2026-W10-4', '2026-071', '20260312', '2026-03-12T10Z', '2026-03-12T10:00:00,5Z']) {
      const response = await t.http.post(`/api/partnerships/${w.partnershipId}/interactions`).send({ kind: 'call', initiatedBy: 'school', occurredAt });
      expect({ occurredAt, status: response.status, fields: response.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ occurredAt, status: 400, fields: ['occurredAt'] });
    }
    await t.http.post(`/api/partnerships/${w.partnershipId}/interactions`).send({ kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(3) }).expect(201);
  });

  it('text with NUL or other control characters, or half a surrogate pair, is 400; tabs and line breaks are fine', async () => {
    for (const summary of ['a\u0000b', 'bell\u0007', 'broken \ud800 text', '\udc00']) {
      const response = await t.http
        .post(`/api/partnerships/${w.partnershipId}/interactions`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ kind: 'call', initiatedBy: 'school', summary }));
      expect({ summary, status: response.status, fields: response.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ summary, status: 400, fields: ['summary'] });
    }
    await t.http.post(`/api/partnerships/${w.partnershipId}/interactions`).send({ kind: 'call', initiatedBy: 'school', summary: 'line one\n\tline two\r\n🙂 Zoë' }).expect(201);
  });
});

describe('security headers (helmet)', () => {
  it('API answers carry a strict CSP, nosniff, HSTS, frame denial and no referrer', async () => {
    const response = await t.http.get('/api/partnerships').expect(200);
    expect(response.headers).toMatchObject({
      'content-security-policy': "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
    // refusals too, including 401 before any guard has run
    expect((await t.anonymous.get('/api/partnerships').expect(401)).headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('/docs keeps working: its CSP allows its own scripts, styles and data: images, and it uses no inline script', async () => {
    const page = await t.anonymous.get('/docs').expect(200);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    // every script is a same-origin file (allowed by script-src 'self'); none is inline (which the CSP would block)
    const scripts = [...(page.text as string).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\.\/docs\//);
      expect(body.trim()).toBe('');
    }
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui-init.js', '/docs/swagger-ui.css', '/docs/json']) {
      const response = await t.anonymous.get(asset);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers['content-security-policy']).toBe(csp);
    }
  });
});

describe('rate limit per user (RATE_LIMIT_PER_MINUTE)', () => {
  let limited: Awaited<ReturnType<typeof createApp>>;
  let dataDir: string;
  const LIMIT = 5;
  const server = () => limited.getHttpAdapter().getInstance();
  const get = (url: string, token?: string) => server().inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-rate-'));
    const settings = { ...settingsFromEnv({}), dataDir, auth: { jwtSecret: TEST_JWT_SECRET }, rateLimitPerMinute: LIMIT };
    limited = await createApp(settings, { logger: false });
  });
  afterAll(async () => {
    await limited.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers 429 rate_limited with Retry-After once a user has sent ${LIMIT} requests in a minute; other users are not affected`, async () => {
    const alice = t.token('connector', { sub: 'alice' });
    const alicesOtherToken = t.token(['connector', 'reporting'], { sub: 'alice' });
    const bob = t.token('connector', { sub: 'bob' });
    for (let i = 0; i < LIMIT; i++) {
      const response = await get('/api/organisations', i % 2 ? alice : alicesOtherToken);
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(response.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i - 1));
    }
    // the budget is the user's (the token's sub), across tokens and routes
    for (const url of ['/api/organisations', '/api/people', `/api/partnerships/${w.partnershipId}`]) {
      const refused = await get(url, alice);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toEqual({ statusCode: 429, code: 'rate_limited', message: expect.stringMatching(/more than 5 requests per minute; retry after \d+ s/), retryAfterSeconds: expect.any(Number) });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      // Sliding window: the requests just sent still weigh 1/LIMIT of their count into the next minute, so the
      // wait can pass the minute by up to 60/LIMIT s (when they were sent at the start of a wall-clock minute).
      expect(retryAfter).toBeLessThanOrEqual(60 + 60 / LIMIT);
    }
    expect((await get('/api/organisations', bob)).statusCode).toBe(200);
  });

  it('counts requests without a token per client address on public routes; a missing or bad token is 401, not counted', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await get('/health')).statusCode).toBe(200);
    const refused = await get('/health');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect((await get('/api/organisations')).statusCode).toBe(401);
    expect((await get('/api/organisations', 'not.a.token')).statusCode).toBe(401);
    expect((await get('/api/organisations', t.token('connector', { sub: 'carol' }))).statusCode).toBe(200);
  });
});
