import {
  ACTIVITY_KINDS,
  AGREEMENT_KINDS,
  CONTACT_ROLES,
  INTENSITIES,
  INTERACTION_KINDS,
  LEVEL_INPUTS,
  ORGANISATION_KINDS,
  ORGANISATION_SIZES,
  PERSON_TIERS,
  SIDES,
  STAGES,
  UNASSIGN_REASONS,
} from '@crm/domain';
import fc from 'fast-check';
import { created, daysAgo, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { commandBody, commandHeaders, daysFromNow, idFrom, idListFrom, mostly, nastyDate, nastyString, pathIdFrom, rawBody, sometimes, toJson } from './support/arbitraries';
import { Answer, checkCommand, injector, RawRequest } from './support/robust-client';

/**
 * Property: whatever body, path or headers a client sends to a command, the API never answers 5xx (nor 429 here),
 * every refusal is `{ statusCode, code, message }` with a status in 400/404/405/409/413/422, and a refused command leaves
 * the event log exactly as it was (head position unchanged). Bodies are mostly valid with mutations (fields dropped,
 * set to other types, huge or odd strings, out-of-range numbers, malformed/future/past dates, unknown fields).
 *
 * Bounded: RUNS bodies per command (ROBUSTNESS_RUNS, default 200), about 20 s for the whole file.
 */
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 200);
// 405: a path id of `..` makes the URL another route's path (`/partnerships/:id/contacts/..` is `/partnerships/:id`).
const ALLOWED = [200, 201, 400, 404, 405, 409, 413, 422] as const;
/** Raw bodies may also be of another media type. */
const ALLOWED_RAW = [...ALLOWED, 415] as const;

// (testTimeout in a project's config is not applied by Jest: set here)
jest.setTimeout(120_000);

let t: TestApp;
let send: (request: RawRequest) => Promise<Answer>;
const tally = new Map<string, Map<number, number>>();

beforeAll(async () => {
  // The limit is not what this suite tests: thousands of requests a minute from one token.
  t = await startTestApp({ rateLimitPerMinute: 10_000_000 });
  send = injector(t.app, `Bearer ${t.token('admin', { sub: 'robustness-admin' })}`);
});
afterAll(async () => {
  if (process.env.ROBUSTNESS_VERBOSE) {
    const lines = [...tally].map(([route, counts]) => `${route.padEnd(44)} ${[...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    // eslint-disable-next-line no-console
    console.log(`command properties (${RUNS} runs each)\n${lines.join('\n')}`);
  }
  await t.close();
});

/** A school and a company with people on both sides, a partnership opened a year ago, agreements and commitments. */
async function world() {
  const w = await region(t.http);
  const teacher2 = await created(t.http, '/people', { organisationId: w.schoolId, name: 'Sanne Bakker', role: 'teamleider', tier: 'tactical' });
  const partner2 = await created(t.http, '/people', { organisationId: w.companyId, name: 'Ahmed Yilmaz', role: 'HR', tier: 'tactical' });
  const agreements: string[] = [];
  const commitments: string[] = [];
  for (let i = 0; i < 3; i++) {
    agreements.push(await created(t.http, `/partnerships/${w.partnershipId}/agreements`, { kind: 'mou', signedAt: daysAgo(200 - i) }));
    commitments.push(
      await created(t.http, `/partnerships/${w.partnershipId}/commitments`, { side: 'partner', description: `belofte ${i}`, dueAt: daysAgo(-30), madeAt: daysAgo(100) }),
    );
  }
  // contacts on both sides, so unassigning (and assigning over them) can succeed
  await t.http.post(`/api/partnerships/${w.partnershipId}/contacts`).send({ side: 'school', personId: w.teacherId, role: 'primary', at: daysAgo(300) }).expect(200);
  await t.http.post(`/api/partnerships/${w.partnershipId}/contacts`).send({ side: 'school', personId: teacher2, role: 'backup', at: daysAgo(300) }).expect(200);
  await t.http.post(`/api/partnerships/${w.partnershipId}/contacts`).send({ side: 'partner', personId: w.ownerId, role: 'primary', at: daysAgo(300) }).expect(200);
  const people = [w.teacherId, w.ownerId, teacher2, partner2];
  return { ...w, teacher2, partner2, people, agreements, commitments, organisations: [w.schoolId, w.companyId] };
}
type World = Awaited<ReturnType<typeof world>>;

const text = (max: number) => mostly(fc.string({ minLength: 1, maxLength: Math.min(max, 60) }).filter((s) => /\S/.test(s)));
const opt = fc.constant(undefined);
const date = mostly(fc.integer({ min: -400, max: 1 }).map(daysFromNow), 2);
const anyDate = fc.oneof({ weight: 6, arbitrary: date }, { weight: 1, arbitrary: nastyDate });
const enumOf = (values: readonly string[]) => mostly(fc.constantFrom(...values));
/** A client-chosen id: mostly none (the server makes one), a fresh one, or one used before (409). */
const ids = fc.oneof({ weight: 6, arbitrary: opt }, { weight: 2, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom('11111111-2222-4333-8444-555555555555') });

interface CommandSpec {
  name: string;
  method: RawRequest['method'];
  path: (w: World) => fc.Arbitrary<string>;
  body?: (w: World) => fc.Arbitrary<unknown>;
  query?: (w: World) => fc.Arbitrary<string>;
}

/** Present about half the time. */
const sometimesNot = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

const p = (w: World, rest = '') => pathIdFrom(w.partnershipId).map((id) => `/api/partnerships/${id}${rest}`);

const COMMANDS: CommandSpec[] = [
  {
    name: 'POST /organisations',
    method: 'POST',
    path: () => fc.constant('/api/organisations'),
    body: () =>
      commandBody(
        { organisationId: ids, name: text(200), kind: enumOf(ORGANISATION_KINDS), levels: mostly(fc.subarray([...LEVEL_INPUTS])), sector: text(200), region: text(200), size: enumOf(ORGANISATION_SIZES) },
        ['name', 'kind'],
      ),
  },
  {
    name: 'PATCH /organisations/:id',
    method: 'PATCH',
    path: (w) => fc.constantFrom(w.companyId, w.schoolId).chain((id) => pathIdFrom(id)).map((id) => `/api/organisations/${id}`),
    body: () => commandBody({ name: text(200), kind: enumOf(ORGANISATION_KINDS), levels: mostly(fc.subarray([...LEVEL_INPUTS])), sector: text(200), region: text(200), size: enumOf(ORGANISATION_SIZES) }),
  },
  {
    name: 'POST /people',
    method: 'POST',
    path: () => fc.constant('/api/people'),
    body: (w) =>
      commandBody(
        {
          personId: ids,
          organisationId: idFrom(w.organisations),
          name: text(200),
          email: mostly(fc.oneof(fc.emailAddress(), nastyString)),
          phone: text(40),
          role: text(200),
          tier: enumOf(PERSON_TIERS),
        },
        ['organisationId', 'name', 'role', 'tier'],
      ),
  },
  {
    name: 'PATCH /people/:id',
    method: 'PATCH',
    path: (w) => fc.constantFrom(...w.people).chain(pathIdFrom).map((id) => `/api/people/${id}`),
    body: () => commandBody({ role: text(200), tier: enumOf(PERSON_TIERS), at: anyDate }, ['role', 'tier']),
  },
  {
    name: 'POST /people/:id/departure',
    method: 'POST',
    path: (w) => fc.constantFrom(...w.people).chain(pathIdFrom).map((id) => `/api/people/${id}/departure`),
    body: () => commandBody({ leftAt: anyDate, reason: text(500) }),
  },
  {
    name: 'POST /people/:id/erasure',
    method: 'POST',
    path: (w) => fc.constantFrom(...w.people).chain(pathIdFrom).map((id) => `/api/people/${id}/erasure`),
    body: () => commandBody({ at: anyDate }),
  },
  {
    name: 'POST /partnerships',
    method: 'POST',
    path: () => fc.constant('/api/partnerships'),
    body: (w) =>
      commandBody(
        {
          partnershipId: ids,
          schoolId: idFrom([w.schoolId, w.schoolId, w.companyId]),
          partnerId: idFrom([w.companyId, w.companyId, w.schoolId]),
          levels: mostly(fc.subarray([...LEVEL_INPUTS], { minLength: 1 })),
          intensity: enumOf(INTENSITIES),
          themes: mostly(fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 })),
          openedAt: anyDate,
        },
        ['schoolId', 'partnerId', 'levels', 'intensity'],
      ),
  },
  { name: 'POST /partnerships/:id/stage', method: 'POST', path: (w) => p(w, '/stage'), body: () => commandBody({ to: enumOf(STAGES), reason: text(500), at: anyDate }, ['to']) },
  { name: 'POST /partnerships/:id/intensity', method: 'POST', path: (w) => p(w, '/intensity'), body: () => commandBody({ to: enumOf(INTENSITIES), at: anyDate }, ['to']) },
  {
    name: 'POST /partnerships/:id/contacts',
    method: 'POST',
    path: (w) => p(w, '/contacts'),
    body: (w) => commandBody({ side: enumOf(SIDES), personId: idFrom(w.people), role: enumOf(CONTACT_ROLES), at: anyDate }, ['side', 'personId', 'role']),
  },
  {
    name: 'DELETE /partnerships/:id/contacts/:pid',
    method: 'DELETE',
    path: (w) => fc.tuple(pathIdFrom(w.partnershipId), fc.constantFrom(...w.people).chain(pathIdFrom)).map(([id, pid]) => `/api/partnerships/${id}/contacts/${pid}`),
    query: () =>
      fc
        .record({
          reason: sometimesNot(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...UNASSIGN_REASONS) }, { weight: 1, arbitrary: nastyString })),
          at: sometimesNot(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -400, max: 1 }).map(daysFromNow) }, { weight: 1, arbitrary: nastyDate })),
          extra: sometimes(nastyString),
        })
        .map((q) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]).toString()),
  },
  {
    name: 'POST /partnerships/:id/interactions',
    method: 'POST',
    path: (w) => p(w, '/interactions'),
    body: (w) =>
      commandBody(
        {
          interactionId: ids,
          kind: enumOf(INTERACTION_KINDS),
          occurredAt: anyDate,
          initiatedBy: enumOf(SIDES),
          participantIds: idListFrom(w.people),
          summary: mostly(fc.string({ maxLength: 4000 })),
        },
        ['kind', 'initiatedBy'],
      ),
  },
  {
    name: 'POST /partnerships/:id/activities',
    method: 'POST',
    path: (w) => p(w, '/activities'),
    body: (w) =>
      commandBody(
        {
          activityId: ids,
          kind: enumOf(ACTIVITY_KINDS),
          startsAt: anyDate,
          endsAt: anyDate,
          studentCount: mostly(fc.integer({ min: 0, max: 100_000 })),
          participantIds: idListFrom(w.people),
        },
        ['kind'],
      ),
  },
  {
    name: 'POST /partnerships/:id/agreements',
    method: 'POST',
    path: (w) => p(w, '/agreements'),
    body: (w) => commandBody({ agreementId: ids, kind: enumOf(AGREEMENT_KINDS), signedAt: anyDate, validUntil: anyDate, signatoryIds: idListFrom(w.people) }, ['kind']),
  },
  {
    name: 'POST …/agreements/:aid/termination',
    method: 'POST',
    path: (w) => fc.tuple(pathIdFrom(w.partnershipId), fc.constantFrom(...w.agreements).chain(pathIdFrom)).map(([id, aid]) => `/api/partnerships/${id}/agreements/${aid}/termination`),
    body: () => commandBody({ at: anyDate, reason: text(500) }),
  },
  {
    name: 'POST /partnerships/:id/evaluations',
    method: 'POST',
    path: (w) => p(w, '/evaluations'),
    body: (w) =>
      commandBody(
        {
          evaluationId: ids,
          heldAt: anyDate,
          participantIds: idListFrom(w.people),
          schoolSatisfaction: mostly(fc.integer({ min: 0, max: 11 })),
          partnerSatisfaction: mostly(fc.integer({ min: 0, max: 11 })),
          notes: mostly(fc.string({ maxLength: 4000 })),
          nextEvaluationDue: anyDate,
        },
        ['schoolSatisfaction', 'partnerSatisfaction'],
      ),
  },
  {
    name: 'POST /partnerships/:id/commitments',
    method: 'POST',
    path: (w) => p(w, '/commitments'),
    body: (w) =>
      commandBody(
        { commitmentId: ids, side: enumOf(SIDES), ownerId: idFrom(w.people), description: text(1000), dueAt: fc.oneof(fc.integer({ min: -300, max: 300 }).map(daysFromNow), nastyDate), madeAt: anyDate },
        ['side', 'description', 'dueAt'],
      ),
  },
  ...(['fulfilment', 'breach', 'cancellation'] as const).map(
    (what): CommandSpec => ({
      name: `POST …/commitments/:cid/${what}`,
      method: 'POST',
      path: (w) => fc.tuple(pathIdFrom(w.partnershipId), fc.constantFrom(...w.commitments).chain(pathIdFrom)).map(([id, cid]) => `/api/partnerships/${id}/commitments/${cid}/${what}`),
      body: () => (what === 'fulfilment' ? commandBody({ at: anyDate }) : commandBody({ at: anyDate, reason: text(500) })),
    }),
  ),
  { name: 'POST /partnerships/:id/end', method: 'POST', path: (w) => p(w, '/end'), body: () => commandBody({ reason: text(500), at: anyDate }, ['reason']) },
];

function count(route: string, status: number) {
  const counts = tally.get(route) ?? new Map<number, number>();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  tally.set(route, counts);
}

describe('every command, random and mutated bodies: never 5xx, refusals well-formed, nothing written on refusal', () => {
  it.each(COMMANDS.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    const w = await world();
    const request = fc.record({
      url: fc.tuple(spec.path(w), spec.query ? spec.query(w) : fc.constant('')).map(([path, query]) => (query ? `${path}?${query}` : path)),
      body: spec.body ? spec.body(w) : fc.constant(undefined),
      headers: commandHeaders,
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ url, body, headers }) => {
        const raw: RawRequest = {
          method: spec.method,
          url,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          payload: body === undefined ? undefined : toJson(body),
        };
        const answer = await checkCommand(t, send, raw, ALLOWED);
        count(spec.name, answer.status);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('raw bodies (not JSON, cut off, prototype poisoning, other media types)', () => {
  it('are refused with a well-formed error and nothing written', async () => {
    const w = await world();
    const target = fc.constantFrom('/api/organisations', `/api/partnerships/${w.partnershipId}/interactions`, `/api/people/${w.teacherId}/departure`, `/api/partnerships`);
    await fc.assert(
      fc.asyncProperty(target, rawBody, async (url, { payload, contentType }) => {
        const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
        const answer = await checkCommand(t, send, { method: 'POST', url, headers, payload }, ALLOWED_RAW);
        count('raw bodies', answer.status);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
