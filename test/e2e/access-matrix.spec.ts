import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { randomUUID } from 'node:crypto';
import { Role, ROLES, ROUTE_CLASSES, ROUTE_RULES, routeKey, ScopeRule } from '../../apps/api/src/auth/access-matrix';
import { IS_PUBLIC } from '../../apps/api/src/auth/access.decorators';
import { CSV_ROWS } from '../../apps/api/src/http/csv-export';
import { routeHandlers } from '../../apps/api/src/http/route-handlers';
import { CROSS_SCHOOL_ROLES } from '../../apps/api/src/scope/scope';
import { created, daysAgo } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The access matrix (SPEC §6 R2), generated from ROUTE_RULES × ROLES (apps/api/src/auth/access-matrix.ts): every route
 * is asked by every role, and by scoped logins about another school's records, against one small region of two
 * schools that share a partner company. A route in the table without a sample request here fails this file.
 */

type Side = 'A' | 'B';
/** One school of the region and the records the samples name by default. */
interface School {
  side: Side;
  schoolId: string;
  teacherId: string;
  /** Left the school 40 days ago, after years as the partnership's primary contact (the departures report). */
  leaverId: string;
  partnershipId: string;
}
/** One request: `url` with its path parameters filled, relative to the server (so `/api/…`, or `/metrics`). */
interface Call {
  url: string;
  query?: Record<string, string>;
  body?: object;
  /** A CSV sheet uploaded as multipart `file`. */
  sheet?: string;
}
type Sample = (at: School) => Call | Promise<Call>;

/** Routes without the bearer-token guard; SPEC §6 names /health, the web app needs its sign-in settings. */
const PUBLIC_ROUTES = ['GET /health', 'GET /web-config'];
/** Roles whose logins are limited to their person's school (connector, manager, reporting). */
const SCOPED: readonly Role[] = ROLES.filter((role) => !CROSS_SCHOOL_ROLES.includes(role));
const BY_ID: readonly ScopeRule[] = ['partnership', 'person', 'organisation'];

let t: TestApp;
let company: string;
let companyContact: string;
const schools = {} as Record<Side, School>;
/** Every id made for school B (its records and whatever the samples made there): a scoped login of A sees none. */
const idsOfB = new Set<string>();
/** In every name, theme and note of school B: a scoped login of A never reads it. */
const B_MARK = 'Bravo';

const note = (side: Side, id: string) => {
  if (side === 'B') idsOfB.add(id);
  return id;
};

/** Records the samples need fresh (a command that can be given once: end, depart, terminate, …), made by admin. */
const make = {
  person: async (at: School) =>
    note(at.side, await created(t.http, '/people', { organisationId: at.schoolId, name: `${nameOf(at.side)} Nieuw`, role: 'docent', tier: 'operational' })),
  partnership: async (at: School) => {
    const id = await created(t.http, '/partnerships', {
      schoolId: at.schoolId,
      partnerId: company,
      levels: ['havo'],
      intensity: 'aligned',
      themes: [`${nameOf(at.side)}thema`],
      openedAt: daysAgo(30),
    });
    return note(at.side, id);
  },
  partnershipWithContact: async (at: School) => {
    const id = await make.partnership(at);
    await t.http.post(`/api/partnerships/${id}/contacts`).send({ side: 'school', personId: at.teacherId, role: 'primary' }).expect(200);
    return id;
  },
  agreement: async (at: School) => note(at.side, await created(t.http, `/partnerships/${at.partnershipId}/agreements`, { kind: 'mou' })),
  commitment: async (at: School) =>
    note(at.side, await created(t.http, `/partnerships/${at.partnershipId}/commitments`, { side: 'partner', description: `belofte ${nameOf(at.side)}`, dueAt: daysAgo(-30) })),
};
const nameOf = (side: Side) => (side === 'A' ? 'Alfa' : B_MARK);

/** When the region was complete: every sample asks as of then, so two answers to one sample compare. */
let AS_OF: string;
/** A request per route, naming `at`'s records. Keys are exactly ROUTE_RULES' (checked below). */
const SAMPLES: Record<string, Sample> = {
  'GET /me': () => ({ url: '/api/me' }),
  'POST /logins': (at) => ({ url: '/api/logins', body: { sub: `login-${randomUUID()}`, personId: at.teacherId } }),
  'GET /metrics': () => ({ url: '/metrics' }),
  'POST /admin/projections/rebuild': () => ({ url: '/api/admin/projections/rebuild', query: { wait: 'true' } }),
  'POST /imports': () => ({ url: '/api/imports', sheet: 'name,kind\nImport BV,company\n' }),
  'GET /imports/template': () => ({ url: '/api/imports/template', query: { format: 'csv' } }),
  'POST /organisations': () => ({ url: '/api/organisations', body: { name: `Nieuw Bedrijf ${randomUUID().slice(0, 8)}`, kind: 'company' } }),
  'PATCH /organisations/:id': (at) => ({ url: `/api/organisations/${at.schoolId}`, body: { region: `Regio ${randomUUID().slice(0, 8)}` } }),
  'GET /organisations': () => ({ url: '/api/organisations' }),
  'GET /organisations/:id': (at) => ({ url: `/api/organisations/${at.schoolId}` }),
  'POST /people': (at) => ({ url: '/api/people', body: { organisationId: at.schoolId, name: `${nameOf(at.side)} Aanmelding`, role: 'mentor', tier: 'operational' } }),
  'PATCH /people/:id': (at) => ({ url: `/api/people/${at.teacherId}`, body: { role: `rol ${randomUUID().slice(0, 8)}`, tier: 'tactical' } }),
  'POST /people/:id/departure': async (at) => ({ url: `/api/people/${await make.person(at)}/departure`, body: { reason: 'vertrokken' } }),
  'POST /people/:id/erasure': async (at) => ({ url: `/api/people/${await make.person(at)}/erasure`, body: {} }),
  'GET /people': () => ({ url: '/api/people' }),
  'GET /people/:id': (at) => ({ url: `/api/people/${at.teacherId}` }),
  'GET /people/:id/exposure': (at) => ({ url: `/api/people/${at.teacherId}/exposure` }),
  'GET /worklist': (at) => ({ url: '/api/worklist', query: { personId: at.teacherId, asOf: AS_OF } }),
  'POST /partnerships': (at) => ({ url: '/api/partnerships', body: { schoolId: at.schoolId, partnerId: company, levels: ['havo'], intensity: 'aligned' } }),
  'POST /partnerships/:id/stage': async (at) => ({ url: `/api/partnerships/${await make.partnership(at)}/stage`, body: { to: 'agreed' } }),
  'POST /partnerships/:id/intensity': async (at) => ({ url: `/api/partnerships/${await make.partnership(at)}/intensity`, body: { to: 'exchange' } }),
  'POST /partnerships/:id/contacts': async (at) => ({
    url: `/api/partnerships/${await make.partnership(at)}/contacts`,
    body: { side: 'school', personId: at.teacherId, role: 'primary' },
  }),
  'DELETE /partnerships/:id/contacts/:personId': async (at) => ({
    url: `/api/partnerships/${await make.partnershipWithContact(at)}/contacts/${at.teacherId}`,
    query: { reason: 'handover' },
  }),
  'POST /partnerships/:id/interactions': (at) => ({ url: `/api/partnerships/${at.partnershipId}/interactions`, body: { kind: 'call', initiatedBy: 'school' } }),
  'POST /partnerships/:id/activities': (at) => ({ url: `/api/partnerships/${at.partnershipId}/activities`, body: { kind: 'guest_lecture' } }),
  'POST /partnerships/:id/agreements': (at) => ({ url: `/api/partnerships/${at.partnershipId}/agreements`, body: { kind: 'mou' } }),
  'POST /partnerships/:id/agreements/:aid/termination': async (at) => ({
    url: `/api/partnerships/${at.partnershipId}/agreements/${await make.agreement(at)}/termination`,
    body: { reason: 'afgelopen' },
  }),
  'POST /partnerships/:id/evaluations': (at) => ({ url: `/api/partnerships/${at.partnershipId}/evaluations`, body: { schoolSatisfaction: 8, partnerSatisfaction: 7 } }),
  'POST /partnerships/:id/commitments': (at) => ({
    url: `/api/partnerships/${at.partnershipId}/commitments`,
    body: { side: 'partner', description: 'vier stageplaatsen', dueAt: daysAgo(-60) },
  }),
  'POST /partnerships/:id/commitments/:cid/fulfilment': async (at) => ({
    url: `/api/partnerships/${at.partnershipId}/commitments/${await make.commitment(at)}/fulfilment`,
    body: {},
  }),
  'POST /partnerships/:id/commitments/:cid/breach': async (at) => ({
    url: `/api/partnerships/${at.partnershipId}/commitments/${await make.commitment(at)}/breach`,
    body: { reason: 'niet gekomen' },
  }),
  'POST /partnerships/:id/commitments/:cid/cancellation': async (at) => ({
    url: `/api/partnerships/${at.partnershipId}/commitments/${await make.commitment(at)}/cancellation`,
    body: { reason: 'in overleg' },
  }),
  'POST /partnerships/:id/end': async (at) => ({ url: `/api/partnerships/${await make.partnership(at)}/end`, body: { reason: 'klaar' } }),
  'GET /partnerships': () => ({ url: '/api/partnerships', query: { asOf: AS_OF } }),
  'GET /partnerships/:id': (at) => ({ url: `/api/partnerships/${at.partnershipId}` }),
  'GET /partnerships/:id/health': (at) => ({ url: `/api/partnerships/${at.partnershipId}/health` }),
  'GET /partnerships/:id/health/history': (at) => ({ url: `/api/partnerships/${at.partnershipId}/health/history` }),
  'GET /partnerships/:id/continuity': (at) => ({ url: `/api/partnerships/${at.partnershipId}/continuity` }),
  'GET /partnerships/:id/key-person-risk': (at) => ({ url: `/api/partnerships/${at.partnershipId}/key-person-risk` }),
  'GET /partnerships/:id/recurring-cooperation': (at) => ({ url: `/api/partnerships/${at.partnershipId}/recurring-cooperation` }),
  'GET /partnerships/:id/timeline': (at) => ({ url: `/api/partnerships/${at.partnershipId}/timeline` }),
  'GET /reports/levels': () => ({ url: '/api/reports/levels', query: { asOf: AS_OF } }),
  'GET /reports/levels/history': () => ({ url: '/api/reports/levels/history', query: { from: daysAgo(420).slice(0, 10), to: AS_OF.slice(0, 10) } }),
  'GET /reports/partner-load': () => ({ url: '/api/reports/partner-load', query: { asOf: AS_OF } }),
  'GET /reports/start-up': () => ({ url: '/api/reports/start-up', query: { asOf: AS_OF } }),
  'GET /reports/recurring-cooperation': () => ({ url: '/api/reports/recurring-cooperation', query: { asOf: AS_OF } }),
  'GET /reports/key-person-risk': () => ({ url: '/api/reports/key-person-risk', query: { asOf: AS_OF } }),
  'GET /reports/continuity': () => ({ url: '/api/reports/continuity', query: { asOf: AS_OF } }),
  'GET /reports/departures': () => ({ url: '/api/reports/departures', query: { asOf: AS_OF } }),
  'GET /audit': () => ({ url: '/api/audit' }),
};

/** The login a case sends: scoped roles are linked to the teacher of school A, admin and region to nobody. */
const login = (role: Role) => (SCOPED.includes(role) ? t.as(role, { sub: `${role}-A`, personId: schools.A.teacherId }) : t.as(role));

const head = () => t.store.headPosition();
/** Waits until the read models hold every event written so far (fresh records, the scope of a new login). */
async function settle(): Promise<number> {
  const position = await head();
  expect(await t.app.get<ProjectionsView>(PROJECTIONS).waitFor(position, 30_000)).toBe(true);
  return position;
}

function send(role: Role, key: string, call: Call, extraQuery: Record<string, string> = {}) {
  const method = key.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
  let request = login(role)[method](call.url).query({ ...call.query, ...extraQuery });
  if (call.sheet !== undefined) request = request.attach('file', Buffer.from(call.sheet), 'sheet.csv');
  else if (call.body !== undefined) request = request.send(call.body);
  return request;
}

/** Asks a route as a role (after the sample's fixtures are in the read models); what came back and whether the log grew. */
async function ask(role: Role, key: string, at: School, extraQuery?: Record<string, string>) {
  if (!SAMPLES[key]) throw new Error(`no sample request for ${key}: add one to SAMPLES in this file`);
  const call = await SAMPLES[key](at);
  const before = await settle();
  const response = await send(role, key, call, extraQuery);
  const wrote = (await head()) !== before;
  return { status: response.status, code: response.body?.code as string | undefined, wrote, text: response.text ?? '', body: response.body, call };
}

const admits = (key: string, role: Role) => (ROUTE_CLASSES[ROUTE_RULES[key].class] as readonly Role[]).includes(role);
const ok = (status: number) => status >= 200 && status < 300;

beforeAll(async () => {
  // One app for the whole file; its admin client makes every fixture, well past the default per-user rate limit.
  t = await startTestApp({ rateLimitPerMinute: 1_000_000 });
  company = await created(t.http, '/organisations', { name: 'Gedeeld Bedrijf', kind: 'company', size: 'small' });
  companyContact = await created(t.http, '/people', { organisationId: company, name: 'Carla Gedeeld', role: 'hr', tier: 'tactical' });
  for (const side of ['A', 'B'] as const) {
    const name = nameOf(side);
    const schoolId = note(side, await created(t.http, '/organisations', { name: `${name} College`, kind: 'school', levels: ['vo'], region: 'Noord' }));
    const teacherId = note(side, await created(t.http, '/people', { organisationId: schoolId, name: `${name} Docent`, role: 'docent', tier: 'operational' }));
    const leaverId = note(side, await created(t.http, '/people', { organisationId: schoolId, name: `${name} Vertrokken`, role: 'coördinator', tier: 'strategic' }));
    const partnershipId = note(side, await created(t.http, '/partnerships', {
      schoolId,
      partnerId: company,
      levels: ['havo'],
      intensity: 'aligned',
      themes: [`${name}thema`],
      openedAt: daysAgo(400),
    }));
    const on = `/partnerships/${partnershipId}`;
    await t.http.post(`/api${on}/contacts`).send({ side: 'school', personId: leaverId, role: 'primary', at: daysAgo(390) }).expect(200);
    await t.http.post(`/api${on}/contacts`).send({ side: 'school', personId: teacherId, role: 'backup', at: daysAgo(390) }).expect(200);
    await t.http.post(`/api${on}/contacts`).send({ side: 'partner', personId: companyContact, role: 'primary', at: daysAgo(390) }).expect(200);
    note(side, await created(t.http, `${on}/activities`, { kind: 'internship', startsAt: daysAgo(380), studentCount: 4, participantIds: [teacherId] }));
    note(side, await created(t.http, `${on}/activities`, { kind: 'internship', startsAt: daysAgo(20), studentCount: 3, participantIds: [teacherId] }));
    note(side, await created(t.http, `${on}/agreements`, { kind: 'mou', signedAt: daysAgo(370) }));
    note(side, await created(t.http, `${on}/interactions`, { kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(10), participantIds: [teacherId], summary: `notitie van ${name}` }));
    note(side, await created(t.http, `${on}/commitments`, { side: 'partner', description: `belofte ${name}`, dueAt: daysAgo(5), madeAt: daysAgo(60) }));
    await t.http.post(`/api/people/${leaverId}/departure`).send({ leftAt: daysAgo(40), reason: 'pensioen' }).expect(200);
    schools[side] = { side, schoolId, teacherId, leaverId, partnershipId };
  }
  await settle();
  AS_OF = new Date().toISOString();
});
afterAll(() => t?.close());

/** The app's route handlers as `METHOD /path` keys, whether they are @Public, and whether they export CSV/xlsx. */
function registeredRoutes() {
  return [...routeHandlers(t.app.get(DiscoveryService), t.app.get(MetadataScanner))].map(({ controller, handler }) => {
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
    const path = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)].filter((part) => part && part !== '/').join('/');
    const open = Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, controller) === true;
    return { key: routeKey(method, path), open, exports: Reflect.getMetadata(CSV_ROWS, handler) !== undefined };
  });
}

describe('the rule table covers the app', () => {
  it('every route the app registers is @Public (the known few) or has its row in ROUTE_RULES, and every row is a route', () => {
    const routes = registeredRoutes();
    expect(routes.filter((route) => route.open).map((route) => route.key).sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(routes.filter((route) => !route.open).map((route) => route.key).sort()).toEqual(Object.keys(ROUTE_RULES).sort());
  });

  it('has a sample request for every route in ROUTE_RULES (a new route needs one here), and none for a route it lacks', () => {
    expect(Object.keys(ROUTE_RULES).filter((key) => !(key in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((key) => !(key in ROUTE_RULES))).toEqual([]);
  });

  it.each(Object.keys(SAMPLES))('the sample of %s asks that route', async (key) => {
    const { url } = await SAMPLES[key](schools.A);
    expect(url).toMatch(new RegExp(`^(/api)?${key.split(' ')[1].replace(/:[^/]+/g, '[^/]+')}$`));
  });
});

/** What an answer names of school B: ids made there, or its name mark. */
const namesB = (text: string) => [...idsOfB].filter((id) => text.includes(id)).concat(text.includes(B_MARK) ? [B_MARK] : []);
/** What an answer names of school B that the request did not name itself (a 404 may echo the id it was asked about). */
const leaksB = (text: string, call: Call) => {
  const asked = JSON.stringify(call);
  return namesB(text).filter((found) => !asked.includes(found));
};
/** Report answers echo the filter they were asked with; the rest must be the same. */
const withoutFilter = (body: Record<string, unknown>) => ({ ...body, filter: undefined });
/** Lists and reports that take `school=<id>`: a scoped login's answer must equal admin's for its school. */
const BY_SCHOOL = new Set(['GET /partnerships', ...Object.keys(ROUTE_RULES).filter((key) => key.startsWith('GET /reports/'))]);
const LISTS = Object.keys(ROUTE_RULES).filter((key) => ROUTE_RULES[key].scope === 'list');
/** Filters of a list that name a school's records (`?school=`, `?person=`, …): naming school B's selects nothing of B. */
const FILTERS: Record<string, (at: School) => Record<string, string>> = {
  'GET /partnerships': (at) => ({ school: at.schoolId, contact: at.teacherId }),
  'GET /people': (at) => ({ organisation: at.schoolId }),
  'GET /organisations': (at) => ({ text: nameOf(at.side) }),
  'GET /reports/departures': (at) => ({ school: at.schoolId, person: at.leaverId }),
  ...Object.fromEntries(LISTS.filter((key) => key.startsWith('GET /reports/') && key !== 'GET /reports/departures').map((key) => [key, (at: School) => ({ school: at.schoolId })])),
};

describe.each(LISTS)('%s (a list)', (key) => {
  describe.each(SCOPED.filter((role) => admits(key, role)))('%s of school A', (role) => {
    it('gets nothing of school B; a report, the figures admin gets for school A', async () => {
      const call = await SAMPLES[key](schools.A);
      await settle();
      const scoped = await send(role, key, call);
      expect(scoped.status).toBe(200);
      expect(namesB(scoped.text)).toEqual([]);
      // Not vacuous: admin asking the same is shown school B (its records, or figures other than school A's alone).
      const all = await send('admin', key, await SAMPLES[key](schools.B));
      expect(all.status).toBe(200);
      if (BY_SCHOOL.has(key)) {
        const ofA = await send('admin', key, call, { school: schools.A.schoolId });
        expect(withoutFilter(scoped.body)).toEqual(withoutFilter(ofA.body));
        if (namesB(all.text).length === 0) expect(withoutFilter(all.body)).not.toEqual(withoutFilter(ofA.body));
      } else expect(namesB(all.text)).not.toEqual([]);
    });

    it('asking for school B’s records (`?school=`, `?person=`, B’s worklist) gets nothing of B; a report, the figures of no school', async () => {
      const call = await SAMPLES[key](schools.B);
      const filter = FILTERS[key]?.(schools.B) ?? {};
      await settle();
      const aboutB = await send(role, key, call, filter);
      expect([200, 404]).toContain(aboutB.status);
      expect(leaksB(aboutB.text, { ...call, query: { ...call.query, ...filter } })).toEqual([]);
      // Not vacuous: admin asking the same is shown school B's records.
      const adminAboutB = await send('admin', key, call, filter);
      if (BY_SCHOOL.has(key)) {
        const nowhere = await send('admin', key, call, { ...filter, school: randomUUID() });
        expect(withoutFilter(aboutB.body)).toEqual(withoutFilter(nowhere.body));
        if (namesB(adminAboutB.text).length === 0) expect(withoutFilter(adminAboutB.body)).not.toEqual(withoutFilter(nowhere.body));
      } else expect(namesB(adminAboutB.text)).not.toEqual([]);
    });
  });
});

describe.each(Object.keys(ROUTE_RULES))('%s', (key) => {
  const rule = ROUTE_RULES[key];

  it.each(ROLES)('%s: admitted by its class, or 403 with nothing written', async (role) => {
    // A scoped login asks about its own school's records; admin and region about another school's (they see all).
    const answer = await ask(role, key, SCOPED.includes(role) ? schools.A : schools.B);
    if (admits(key, role)) {
      expect({ status: answer.status, code: answer.code, through: ok(answer.status) }).toMatchObject({ through: true });
    } else {
      expect({ status: answer.status, code: answer.code, wrote: answer.wrote }).toEqual({ status: 403, code: 'forbidden', wrote: false });
    }
  });

  const outOfScope = BY_ID.includes(rule.scope) || rule.scope === 'body';
  const scopedRoles = SCOPED.filter((role) => admits(key, role));
  if (outOfScope && scopedRoles.length > 0) {
    it.each(scopedRoles)(`%s of school A naming school B's record (scope: ${rule.scope}): 404 as if it did not exist, nothing written`, async (role) => {
      const answer = await ask(role, key, schools.B);
      expect({ status: answer.status, code: answer.code, wrote: answer.wrote }).toEqual({ status: 404, code: expect.stringMatching(/_not_found$/), wrote: false });
      expect(leaksB(answer.text, answer.call)).toEqual([]);
    });
  }

  // The partner company and its people are shared records: both schools see them, neither sees the other's through them.
  if (key.startsWith('GET ') && (rule.scope === 'person' || rule.scope === 'organisation') && scopedRoles.length > 0) {
    it.each(scopedRoles)('%s of school A asking about the shared partner (or its contact person): seen, with nothing of school B', async (role) => {
      const answer = await ask(role, key, { ...schools.A, schoolId: company, teacherId: companyContact });
      expect({ status: answer.status, ofB: namesB(answer.text) }).toEqual({ status: 200, ofB: [] });
    });
  }
});

describe('exports (?format=csv) need the export class on top of the route’s, and hold nothing of another school', () => {
  it.each(ROLES)('%s', async (role) => {
    const wrong: string[] = [];
    for (const { key } of registeredRoutes().filter((route) => route.exports)) {
      const answer = await ask(role, key, SCOPED.includes(role) ? schools.A : schools.B, { format: 'csv' });
      const expected = admits(key, role) && (ROUTE_CLASSES.export as readonly Role[]).includes(role) ? 200 : 403;
      if (answer.status !== expected) wrong.push(`${key}: ${answer.status}, expected ${expected}`);
      else if (SCOPED.includes(role) && namesB(answer.text).length > 0) wrong.push(`${key}: names school B's ${namesB(answer.text).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});

