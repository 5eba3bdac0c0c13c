import { INTENSITIES, LEVEL_INPUTS, ORGANISATION_KINDS, PERSON_TIERS, STAGES } from '@crm/domain';
import { HEALTH_STATUSES, KEY_PERSON_RISKS } from '@crm/read-models';
import fc from 'fast-check';
import { ORGANISATION_SORTS } from '../../apps/api/src/organisations/queries/list-organisations.query.dto';
import { PARTNERSHIP_SORTS } from '../../apps/api/src/partnerships/queries/list-partnerships.query.dto';
import { PEOPLE_SORTS } from '../../apps/api/src/people/queries/list-people.query.dto';
import { MAX_PAGE_SIZE } from '../../apps/api/src/http/pagination';
import { created, daysAgo, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { daysFromNow, headerValue, nastyDate, nastyString, pathIdFrom, sometimes } from './support/arbitraries';
import { Answer, assertErrorShape, assertStatusIn, injector, RawRequest } from './support/robust-client';

/**
 * Property: whatever query string (documented parameters with good or odd values, operator syntax such as
 * `status[$ne]=x` or `text[$where]=…`, repeated parameters, unknown names, broken percent-encoding) and path id a
 * client sends to a query, the API answers 200, 400 or 404, never 5xx; refusals are `{ statusCode, code, message }`;
 * JSON pages never exceed MAX_PAGE_SIZE items; and no query writes to the log.
 *
 * Bounded: RUNS query strings per route (ROBUSTNESS_RUNS, default 200), about 15 s for the file.
 */
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 200);
const ALLOWED = [200, 400, 404] as const;

// (testTimeout in a project's config is not applied by Jest: set here)
jest.setTimeout(120_000);

let t: TestApp;
let send: (request: RawRequest) => Promise<Answer>;
let w: Awaited<ReturnType<typeof world>>;
const tally = new Map<string, Map<number, number>>();

/** Two schools, three partners, people on each side, four partnerships with some history, erasure and departure. */
async function world() {
  const base = await region(t.http);
  const school2 = await created(t.http, '/organisations', { name: 'Horizon College', kind: 'school', levels: ['mbo'], region: 'Noord-Holland Noord' });
  const municipality = await created(t.http, '/organisations', { name: 'Gemeente Alkmaar', kind: 'government', region: 'Noord-Holland Noord' });
  const network = await created(t.http, '/organisations', { name: 'Techniekpact (.*)', kind: 'network', sector: 'techniek' });
  const coordinator = await created(t.http, '/people', { organisationId: school2, name: 'Sanne Bakker', email: 's.bakker@horizon.nl', role: 'stagecoördinator', tier: 'operational' });
  const alderman = await created(t.http, '/people', { organisationId: municipality, name: 'Pieter de Groot', role: 'wethouder', tier: 'strategic' });
  const leaver = await created(t.http, '/people', { organisationId: school2, name: 'Kees Jansen', role: 'docent', tier: 'operational' });
  const erased = await created(t.http, '/people', { organisationId: municipality, name: 'Eva de Boer', role: 'beleidsmedewerker', tier: 'tactical' });
  const partnerships = [base.partnershipId];
  for (const [schoolId, partnerId, levels] of [
    [school2, municipality, ['mbo']],
    [school2, network, ['mbo']],
    [base.schoolId, municipality, ['havo', 'vwo']],
  ] as const) {
    partnerships.push(await created(t.http, '/partnerships', { schoolId, partnerId, levels, intensity: INTENSITIES[partnerships.length % 4], openedAt: daysAgo(300) }));
  }
  await t.http.post(`/api/partnerships/${partnerships[1]}/contacts`).send({ side: 'school', personId: coordinator, role: 'primary' }).expect(200);
  await t.http.post(`/api/partnerships/${partnerships[1]}/contacts`).send({ side: 'school', personId: leaver, role: 'backup' }).expect(200);
  await t.http.post(`/api/partnerships/${partnerships[1]}/contacts`).send({ side: 'partner', personId: alderman, role: 'primary' }).expect(200);
  await created(t.http, `/partnerships/${partnerships[1]}/interactions`, { kind: 'visit', initiatedBy: 'partner', occurredAt: daysAgo(20), participantIds: [coordinator, alderman, erased] });
  await created(t.http, `/partnerships/${partnerships[0]}/interactions`, { kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(200), participantIds: [base.teacherId] });
  await created(t.http, `/partnerships/${partnerships[1]}/commitments`, { side: 'partner', ownerId: alderman, description: 'Vier stageplaatsen', dueAt: daysAgo(-10), madeAt: daysAgo(30) });
  await created(t.http, `/partnerships/${partnerships[2]}/evaluations`, { schoolSatisfaction: 8, partnerSatisfaction: 6, heldAt: daysAgo(40) });
  await t.http.post(`/api/people/${leaver}/departure`).send({ leftAt: daysAgo(5), reason: 'pensioen' }).expect(200);
  await t.http.post(`/api/people/${erased}/erasure`).send({}).expect(200);
  const last = await t.http.post(`/api/partnerships/${partnerships[3]}/stage`).send({ to: 'agreed' }).expect(200);
  // wait for the read models, then collect real cursors (limit=1) for each sort of each list
  await t.http.get('/api/partnerships').set('X-Min-Position', String(last.body.position)).expect(200);
  const cursors: Record<string, string[]> = {};
  for (const [list, sorts] of [
    ['partnerships', PARTNERSHIP_SORTS],
    ['organisations', ORGANISATION_SORTS],
    ['people', PEOPLE_SORTS],
  ] as const) {
    cursors[list] = [];
    for (const sort of sorts) {
      const page = await t.http.get(`/api/${list}`).query({ limit: 1, sort }).expect(200);
      if (page.body.nextCursor) cursors[list].push(page.body.nextCursor);
    }
  }
  const people = [base.teacherId, base.ownerId, coordinator, alderman, leaver, erased];
  const organisations = [base.schoolId, base.companyId, school2, municipality, network];
  return { ...base, partnerships, people, organisations, schools: [base.schoolId, school2], cursors };
}

beforeAll(async () => {
  t = await startTestApp({ rateLimitPerMinute: 10_000_000 });
  send = injector(t.app, `Bearer ${t.token('admin', { sub: 'robustness-admin' })}`);
  w = await world();
});
afterAll(async () => {
  if (process.env.ROBUSTNESS_VERBOSE) {
    const lines = [...tally].map(([route, counts]) => `${route.padEnd(44)} ${[...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    // eslint-disable-next-line no-console
    console.log(`query properties (${RUNS} runs each)\n${lines.join('\n')}`);
  }
  await t.close();
});

/** Text values, percent-encoded as a browser would (half surrogate pairs replaced, as a UTF-8 encoder does). */
const encode = (text: string) => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

const forgedCursor = fc
  .record({
    asOf: fc.oneof(nastyDate, fc.constant(new Date().toISOString())),
    sort: fc.oneof(fc.constantFrom(...PARTNERSHIP_SORTS, ...ORGANISATION_SORTS, ...PEOPLE_SORTS), nastyString),
    after: fc.oneof(
      fc.tuple(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), fc.uuid()),
      fc.constant([{ $gt: '' }, 'x']),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  })
  .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url'));

type Values = Record<string, fc.Arbitrary<string>>;

const date = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -800, max: 400 }).map(daysFromNow) }, { weight: 4, arbitrary: fc.integer({ min: -800, max: 400 }).map((d) => daysFromNow(d).slice(0, 10)) }, { weight: 2, arbitrary: nastyDate });
const oneOf = (values: readonly string[]) => fc.constantFrom(...values);
const uuidOf = (ids: readonly string[]) => fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.constantFrom(...ids).map((id) => id.toUpperCase()));
const limit = fc.oneof(fc.integer({ min: 1, max: MAX_PAGE_SIZE }).map(String), fc.constantFrom('0', '-1', '201', '1000000', '1e2', '0x10', '2.5', '', ' 5', 'NaN', 'Infinity'));
const format = fc.constantFrom('json', 'csv', 'xlsx', 'CSV', 'xml', '');

/** Names that are operators, brackets, paths or prototype keys: never parameters, never reaching the store. */
const OPERATOR_NAMES = [
  'status[$ne]',
  'text[$where]',
  'text[$regex]',
  'level[$in][]',
  'level[]',
  'sort[$function]',
  '$where',
  '$expr',
  'school.$id',
  'a.b',
  '__proto__',
  '__proto__[admin]',
  'constructor',
  'constructor[prototype][admin]',
  'prototype',
  'toString',
  'filter',
  'query',
];

function queryString(values: Values): fc.Arbitrary<string> {
  const names = Object.keys(values);
  const good = names.length > 0 ? fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), fc.oneof({ weight: 5, arbitrary: values[name] }, { weight: 1, arbitrary: nastyString }).map(encode))) : fc.constant(['asOf', '']);
  const odd = fc.oneof(
    fc.tuple(fc.constantFrom(...OPERATOR_NAMES), fc.oneof(nastyString.map(encode), fc.constantFrom('x', '1', '%7B%22%24gt%22%3A%22%22%7D'))),
    fc.tuple(fc.constantFrom(...OPERATOR_NAMES).map(encode), fc.constant('x')),
    fc.tuple(fc.string({ maxLength: 12 }).map(encode), fc.string({ maxLength: 12 }).map(encode)),
    fc.tuple(fc.constantFrom(...(names.length > 0 ? names : ['asOf'])), fc.constantFrom('%ZZ', '%C0%AF', '%ED%A0%80', '%', '%00')),
  );
  const pairs = fc.array(fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: odd }), { maxLength: 6 });
  return pairs.map((list) => list.map(([name, value]) => `${name}=${value}`).join('&'));
}

interface QuerySpec {
  name: string;
  path: () => fc.Arbitrary<string>;
  values: () => Values;
  list?: boolean;
}

const REPORT: () => Values = () => ({ asOf: date, school: uuidOf(w.schools), region: fc.constantFrom('Noord-Holland Noord', 'noord-holland', ''), level: oneOf(LEVEL_INPUTS), format });
const ASOF: () => Values = () => ({ asOf: date });
const partnershipPath = (rest = '') => () => fc.constantFrom(...w.partnerships).chain(pathIdFrom).map((id) => `/api/partnerships/${id}${rest}`);

const QUERIES: QuerySpec[] = [
  {
    name: 'GET /partnerships',
    list: true,
    path: () => fc.constant('/api/partnerships'),
    values: () => ({
      level: oneOf(LEVEL_INPUTS),
      stage: oneOf(STAGES),
      status: oneOf(HEALTH_STATUSES),
      risk: oneOf(KEY_PERSON_RISKS),
      intensity: oneOf(INTENSITIES),
      region: fc.constantFrom('Noord-Holland Noord', 'Noord-Holland', ' noord-holland '),
      sector: fc.constantFrom('agri-food', 'techniek'),
      school: uuidOf(w.schools),
      partner: uuidOf(w.organisations),
      text: fc.constantFrom('college', 'groen', '.*', '(', 'Techniekpact (.*)', '$where', 'coöperatie noord'),
      contact: fc.oneof(fc.constant('me'), uuidOf(w.people)),
      sort: oneOf(PARTNERSHIP_SORTS),
      limit,
      cursor: fc.oneof(fc.constantFrom(...w.cursors.partnerships), forgedCursor),
      asOf: date,
      format,
    }),
  },
  {
    name: 'GET /organisations',
    list: true,
    path: () => fc.constant('/api/organisations'),
    values: () => ({
      kind: oneOf(ORGANISATION_KINDS),
      level: oneOf(LEVEL_INPUTS),
      region: fc.constantFrom('Noord-Holland Noord', 'Noord-Holland', '.*'),
      sector: fc.constantFrom('agri-food', 'techniek', '^t'),
      text: fc.constantFrom('college', '(.*)', '.*', '(', '[', '\\', 'gemeente'),
      sort: oneOf(ORGANISATION_SORTS),
      limit,
      cursor: fc.oneof(fc.constantFrom(...w.cursors.organisations), forgedCursor),
      asOf: date,
      format,
    }),
  },
  {
    name: 'GET /people',
    list: true,
    path: () => fc.constant('/api/people'),
    values: () => ({
      organisation: uuidOf(w.organisations),
      tier: oneOf(PERSON_TIERS),
      left: fc.constantFrom('true', 'false', 'yes', '1'),
      text: fc.constantFrom('bakker', 'erased', '[erased]', '.*', '(', 'docent'),
      sort: oneOf(PEOPLE_SORTS),
      limit,
      cursor: fc.oneof(fc.constantFrom(...w.cursors.people), forgedCursor),
      asOf: date,
      format,
    }),
  },
  { name: 'GET /partnerships/:id', path: partnershipPath(), values: ASOF },
  { name: 'GET /partnerships/:id/health', path: partnershipPath('/health'), values: ASOF },
  { name: 'GET /partnerships/:id/health/history', path: partnershipPath('/health/history'), values: () => ({ from: date, to: date, every: oneOf(['week', 'month']) }) },
  { name: 'GET /partnerships/:id/continuity', path: partnershipPath('/continuity'), values: ASOF },
  { name: 'GET /partnerships/:id/key-person-risk', path: partnershipPath('/key-person-risk'), values: ASOF },
  {
    name: 'GET /partnerships/:id/timeline',
    list: true,
    path: partnershipPath('/timeline'),
    values: () => ({ cursor: fc.oneof(fc.nat({ max: 40 }).map(String), fc.constantFrom('-1', '1e3', '99999999999999999999999', 'abc')), limit, format }),
  },
  { name: 'GET /organisations/:id', path: () => fc.constantFrom(...w.organisations).chain(pathIdFrom).map((id) => `/api/organisations/${id}`), values: ASOF },
  { name: 'GET /people/:id', path: () => fc.constantFrom(...w.people).chain(pathIdFrom).map((id) => `/api/people/${id}`), values: ASOF },
  { name: 'GET /people/:id/exposure', path: () => fc.constantFrom(...w.people).chain(pathIdFrom).map((id) => `/api/people/${id}/exposure`), values: ASOF },
  {
    name: 'GET /worklist',
    list: true,
    path: () => fc.constant('/api/worklist'),
    values: () => ({ personId: uuidOf(w.people), asOf: date, dueBefore: date, format }),
  },
  { name: 'GET /me', path: () => fc.constant('/api/me'), values: ASOF },
  { name: 'GET /reports/levels', path: () => fc.constant('/api/reports/levels'), values: REPORT },
  { name: 'GET /reports/partner-load', list: true, path: () => fc.constant('/api/reports/partner-load'), values: () => ({ ...REPORT(), overAsked: fc.constantFrom('true', 'false', 'maybe') }) },
  {
    name: 'GET /reports/departures',
    list: true,
    path: () => fc.constant('/api/reports/departures'),
    values: () => ({ ...REPORT(), from: date, to: date, person: uuidOf(w.people) }),
  },
  { name: 'GET /reports/start-up', list: true, path: () => fc.constant('/api/reports/start-up'), values: REPORT },
  { name: 'GET /reports/recurring-cooperation', list: true, path: () => fc.constant('/api/reports/recurring-cooperation'), values: () => ({ ...REPORT(), recurring: fc.constantFrom('true', 'false', 'maybe') }) },
  {
    name: 'GET /reports/levels/history',
    path: () => fc.constant('/api/reports/levels/history'),
    values: () => ({ from: date, to: date, every: oneOf(['month', 'week']), school: uuidOf(w.schools), region: fc.constantFrom('Noord-Holland Noord', ''), level: oneOf(LEVEL_INPUTS) }),
  },
  { name: 'GET /reports/key-person-risk', list: true, path: () => fc.constant('/api/reports/key-person-risk'), values: () => ({ ...REPORT(), risk: oneOf(KEY_PERSON_RISKS), stage: oneOf(STAGES) }) },
  { name: 'GET /reports/continuity', list: true, path: () => fc.constant('/api/reports/continuity'), values: () => ({ ...REPORT(), orphaned: fc.constantFrom('true', 'false', 'maybe'), stage: oneOf(STAGES) }) },
];

/** Accept (CSV or not) and X-Min-Position: a position the read models have reached, or not a position at all. */
const readHeaders = (head: number): fc.Arbitrary<Record<string, string>> =>
  fc
    .record({
      accept: sometimes(fc.constantFrom('text/csv', 'application/json', 'text/csv;q=0.1, application/json', '*/*', 'text/html')),
      'x-min-position': sometimes(headerValue(fc.nat({ max: head }).map(String))),
    })
    .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>)
    // a position beyond the log waits its full 5 s, then answers 503 read_models_behind: the contract, not what this tests
    .filter((headers) => !/^\s*\d+\s*$/.test(headers['x-min-position'] ?? '') || Number(headers['x-min-position']) <= head);

function count(route: string, status: number) {
  const counts = tally.get(route) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  tally.set(route, counts);
}

describe('every query, random query strings: 200/400/404 only, refusals well-formed, pages capped, nothing written', () => {
  it.each(QUERIES.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    const head = await t.store.headPosition();
    await fc.assert(
      fc.asyncProperty(spec.path(), queryString(spec.values()), readHeaders(head), async (path, query, headers) => {
        const request: RawRequest = { method: 'GET', url: query ? `${path}?${query}` : path, headers };
        const answer = await send(request);
        count(spec.name, answer.status);
        assertStatusIn(ALLOWED, request, answer);
        if (answer.status >= 400) {
          assertErrorShape(request, answer);
        } else if (String(answer.headers['content-type']).startsWith('application/json')) {
          const items = (answer.body as { items?: unknown[] }).items;
          if (spec.list && !Array.isArray(items)) throw new Error(`list without items: ${request.url}\n${answer.text.slice(0, 300)}`);
          if (Array.isArray(items) && items.length > MAX_PAGE_SIZE) throw new Error(`${items.length} items on one page: ${request.url}`);
        } else if (!/^(text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)/.test(String(answer.headers['content-type']))) {
          throw new Error(`200 with content-type ${answer.headers['content-type']}: ${request.url}`);
        }
      }),
      { numRuns: RUNS },
    );
    expect(await t.store.headPosition()).toBe(head);
  });
});
