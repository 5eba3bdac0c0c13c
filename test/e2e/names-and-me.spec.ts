import { day, ScenarioApi } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3.5 R2, §3.6 R2, §4 GET /me, §6 R2 (a login linked to a person): answers a person can act on — names beside
 * ids, "me" and "my" lists, search by words, people and organisations as of a date, and a school that keeps its
 * partnerships' levels.
 */
let t: TestApp;
let api: ScenarioApi;
const id: Record<string, string> = {};
let p: string;
let q: string;
const ASOF = '2025-02-01';

/** GET as the given agent, after every command so far reached the read models. */
const get = (agent: TestApp['http'], path: string, query: Record<string, string> = {}) =>
  agent.get(`/api${path}`).query(query).set('X-Min-Position', String(api.position));

beforeAll(async () => {
  t = await startTestApp();
  api = new ScenarioApi(t.http);
  id.school = await api.organisation({ name: 'Groenhorst mbo Barneveld', kind: 'school', levels: ['mbo', 'vmbo'], region: 'Gelderland' });
  id.energy = await api.organisation({ name: 'Energiecoöperatie Noord', kind: 'company', sector: 'energie' });
  id.bakery = await api.organisation({ name: 'Bakkerij Veld', kind: 'company', sector: 'food' });
  id.lisa = await api.post('/people', {
    organisationId: id.school,
    name: 'Lisa de Boer',
    role: 'stagecoördinator',
    tier: 'operational',
    joinedAt: day('2022-09-01'),
  });
  await api.changeRole(id.lisa, 'teamleider', 'tactical', '2024-03-05');
  id.mark = await api.person(id.school, 'Mark Jansen', 'docent', 'operational');
  id.piet = await api.person(id.energy, 'Piet Hoekstra', 'directeur', 'strategic');
  id.zeno = await api.person(id.bakery, 'Zeno Zwart', 'eigenaar', 'strategic');
  const energy = await api.partnership({ schoolId: id.school, partnerId: id.energy, levels: ['mbo'], intensity: 'placement', themes: ['duurzaamheid'], openedAt: '2024-01-10' });
  await energy.contact('school', id.lisa, 'primary', '2024-01-10');
  await energy.contact('partner', id.piet, 'primary', '2024-01-10');
  await energy.interaction('2025-01-10', 'meeting', 'school', [id.lisa, id.piet]);
  const bakery = await api.partnership({ schoolId: id.school, partnerId: id.bakery, levels: ['vmbo'], intensity: 'aligned', openedAt: '2024-02-01' });
  await bakery.contact('school', id.mark, 'primary', '2024-02-01');
  p = energy.id;
  q = bakery.id;
});

afterAll(() => t.close());

describe('GET /me', () => {
  it('answers the person and organisation the token names, with the role held at asOf', async () => {
    const response = await get(t.as('connector', { sub: 'lisa@groenhorst.nl', personId: id.lisa }), '/me', { asOf: ASOF });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      sub: 'lisa@groenhorst.nl',
      roles: ['connector'],
      person: { id: id.lisa, name: 'Lisa de Boer', role: 'teamleider', tier: 'tactical' },
      organisation: { id: id.school, name: 'Groenhorst mbo Barneveld', kind: 'school' },
    });
  });

  it('answers person and organisation null for a login linked to nobody', async () => {
    const response = await get(t.as('manager', { sub: 'nobody' }), '/me');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sub: 'nobody', roles: ['manager'], person: null, organisation: null });
  });

  it('follows a link an admin recorded from a token sub to a person', async () => {
    const linked = await t.http.post('/api/logins').send({ sub: 'mark@groenhorst.nl', personId: id.mark });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ id: id.mark, revision: 0 });
    api.position = Math.max(api.position, linked.body.position);
    const me = await get(t.as('connector', { sub: 'mark@groenhorst.nl' }), '/me');
    expect(me.body.person).toMatchObject({ id: id.mark, name: 'Mark Jansen' });
  });

  it('refuses a link to an unknown person (404) and from anyone but an admin (403), writing nothing', async () => {
    const before = await t.store.headPosition();
    const unknown = await t.http.post('/api/logins').send({ sub: 'x', personId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('person_not_found');
    const connector = await t.as('connector').post('/api/logins').send({ sub: 'x', personId: id.mark });
    expect(connector.status).toBe(403);
    expect(await t.store.headPosition()).toBe(before);
  });
});

describe('the worklist without personId', () => {
  it("is the caller's own, each item naming the partnership, the people it concerns and what clears it", async () => {
    const response = await get(t.as('connector', { personId: id.lisa }), '/worklist', { asOf: ASOF });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ personId: id.lisa, name: 'Lisa de Boer' });
    const items = response.body.items as any[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toMatchObject({
        partnershipId: p,
        school: { organisationId: id.school, name: 'Groenhorst mbo Barneveld' },
        partner: { organisationId: id.energy, name: 'Energiecoöperatie Noord' },
      });
      expect(typeof item.clearedBy).toBe('string');
    }
    // Never evaluated, more than 180 days old: concerns both primaries.
    expect(items.find((item) => item.type === 'evaluation_due')?.concerns).toEqual([
      { personId: id.lisa, name: 'Lisa de Boer', side: 'school' },
      { personId: id.piet, name: 'Piet Hoekstra', side: 'partner' },
    ]);
    // Lisa alone carries the school side and no backup is assigned.
    expect(items.find((item) => item.type === 'add_backup_contact')).toMatchObject({ clearedBy: 'assign a school-side backup contact' });
  });

  it('limits the list to dueBefore, overdue items included', async () => {
    const all = (await get(t.as('connector', { personId: id.lisa }), '/worklist', { asOf: ASOF })).body.items as any[];
    const window = await get(t.as('connector', { personId: id.lisa }), '/worklist', { asOf: ASOF, dueBefore: day('2025-01-01') });
    expect(window.status).toBe(200);
    const expected = all.filter((item) => Date.parse(item.dueAt) < Date.parse(day('2025-01-01')));
    expect(expected.length).toBeLessThan(all.length);
    expect(window.body.items.map((item: any) => item.type)).toEqual(expected.map((item) => item.type));
  });

  it('answers 404 login_not_linked for a login linked to nobody', async () => {
    const response = await get(t.as('connector', { sub: 'stranger' }), '/worklist');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('login_not_linked');
  });
});

describe('GET /partnerships?contact=', () => {
  it("me: the partnerships where the caller is a contact; an id: that person's", async () => {
    const mine = await get(t.as('connector', { personId: id.lisa }), '/partnerships', { asOf: ASOF, contact: 'me' });
    expect(mine.body.items.map((row: any) => row.partnershipId)).toEqual([p]);
    const pietS = await get(t.http, '/partnerships', { asOf: ASOF, contact: id.piet });
    expect(pietS.body.items.map((row: any) => row.partnershipId)).toEqual([p]);
    const marks = await get(t.http, '/partnerships', { asOf: ASOF, contact: id.mark });
    expect(marks.body.items.map((row: any) => row.partnershipId)).toEqual([q]);
  });

  it('refuses contact=me for a login linked to nobody, and anything but me or an id', async () => {
    expect((await get(t.as('connector', { sub: 'stranger' }), '/partnerships', { contact: 'me' })).body.code).toBe('login_not_linked');
    expect((await get(t.http, '/partnerships', { contact: 'lisa' })).status).toBe(400);
  });
});

describe('search', () => {
  const ids = (response: any, field: string) => response.body.items.map((row: any) => row[field]).sort();

  it('finds partnerships by all words in any order, case and accents ignored, in school and partner names and themes', async () => {
    expect(ids(await get(t.http, '/partnerships', { asOf: ASOF, text: 'energiecooperatie noord' }), 'partnershipId')).toEqual([p]);
    expect(ids(await get(t.http, '/partnerships', { asOf: ASOF, text: 'NOORD groenhorst' }), 'partnershipId')).toEqual([p]);
    expect(ids(await get(t.http, '/partnerships', { asOf: ASOF, text: 'groenhorst mbo' }), 'partnershipId')).toEqual([p, q].sort());
    expect(ids(await get(t.http, '/partnerships', { asOf: ASOF, text: 'duurzaam' }), 'partnershipId')).toEqual([p]);
    expect(ids(await get(t.http, '/partnerships', { asOf: ASOF, text: 'bakkerij noord' }), 'partnershipId')).toEqual([]);
  });

  it('finds organisations and people by their words', async () => {
    expect(ids(await get(t.http, '/organisations', { text: 'ENERGIECOOPERATIE' }), 'organisationId')).toEqual([id.energy]);
    expect(ids(await get(t.http, '/people', { text: 'boer lisa' }), 'personId')).toEqual([id.lisa]);
    expect(ids(await get(t.http, '/people', { text: 'TEAMLEIDER' }), 'personId')).toEqual([id.lisa]);
  });

  it('does not find an erased person by their old name', async () => {
    expect(ids(await get(t.http, '/people', { text: 'zwart' }), 'personId')).toEqual([id.zeno]);
    await api.post(`/people/${id.zeno}/erasure`, {});
    expect(ids(await get(t.http, '/people', { text: 'zwart' }), 'personId')).toEqual([]);
    expect(ids(await get(t.http, '/people', { text: 'zeno' }), 'personId')).toEqual([]);
  });
});

describe('names beside ids', () => {
  it('the timeline names the participants and the person who recorded each event', async () => {
    const lisa = t.as('connector', { sub: 'lisa@groenhorst.nl', personId: id.lisa });
    const recorded = await lisa.post(`/api/partnerships/${p}/interactions`).send({ kind: 'call', occurredAt: day('2025-01-20'), initiatedBy: 'partner', participantIds: [id.lisa, id.piet] });
    expect(recorded.status).toBe(201);
    api.position = Math.max(api.position, recorded.body.position);
    const timeline = await get(t.http, `/partnerships/${p}/timeline`);
    const opened = timeline.body.items[0];
    expect(opened.organisations).toEqual([
      { organisationId: id.school, name: 'Groenhorst mbo Barneveld' },
      { organisationId: id.energy, name: 'Energiecoöperatie Noord' },
    ]);
    const call = timeline.body.items.find((item: any) => item.data.interactionId === recorded.body.id);
    expect(call).toMatchObject({
      recordedBy: 'lisa@groenhorst.nl',
      recordedByName: 'Lisa de Boer',
      people: [
        { personId: id.lisa, name: 'Lisa de Boer' },
        { personId: id.piet, name: 'Piet Hoekstra' },
      ],
    });
    expect(opened.recordedByName).toBeNull(); // the test admin is linked to nobody
  });

  it("a person's exposure names each partnership's school and partner", async () => {
    const exposure = await get(t.http, `/people/${id.lisa}/exposure`, { asOf: ASOF });
    expect(exposure.body.name).toBe('Lisa de Boer');
    expect(exposure.body.primaryOf).toEqual([
      expect.objectContaining({
        partnershipId: p,
        school: { organisationId: id.school, name: 'Groenhorst mbo Barneveld' },
        partner: { organisationId: id.energy, name: 'Energiecoöperatie Noord' },
      }),
    ]);
  });
});

describe('people and organisations as of asOf', () => {
  it('a person answers the role and tier held then, and when they joined', async () => {
    const before = await get(t.http, `/people/${id.lisa}`, { asOf: '2024-01-01' });
    expect(before.body).toMatchObject({ role: 'stagecoördinator', tier: 'operational', joinedAt: day('2022-09-01'), inOrganisation: true });
    const after = await get(t.http, `/people/${id.lisa}`, { asOf: '2024-06-01' });
    expect(after.body).toMatchObject({ role: 'teamleider', tier: 'tactical' });
    expect(after.body.roleHistory.map((entry: any) => entry.from)).toEqual([day('2022-09-01'), day('2024-03-05')]);
    const notYet = await get(t.http, `/people/${id.lisa}`, { asOf: '2022-01-01' });
    expect(notYet.body.inOrganisation).toBe(false);
  });

  it('a person registered without a date is a member from the start, and says the date is unknown', async () => {
    const mark = await get(t.http, `/people/${id.mark}`, { asOf: '2020-01-01' });
    expect(mark.body).toMatchObject({ joinedAt: null, inOrganisation: true });
    expect(mark.body.roleHistory[0].from).toBeNull();
  });

  it('an organisation counts the people and partnerships it had then', async () => {
    const then = await get(t.http, `/organisations/${id.school}`, { asOf: '2022-01-01' });
    // Mark (joined at an unknown date) counts; Lisa joined on 2022-09-01; no partnership was open yet.
    expect(then.body.people).toEqual({ total: 1, current: 1 });
    expect(then.body.partnerships).toEqual({ total: 0, running: 0 });
    const now = await get(t.http, `/organisations/${id.school}`, { asOf: ASOF });
    expect(now.body.people).toEqual({ total: 2, current: 2 });
  });
});

describe('a school with partnerships', () => {
  it('cannot stop being a school: 422 naming its partnerships, nothing written', async () => {
    const before = await t.store.headPosition();
    const response = await t.http.patch(`/api/organisations/${id.school}`).send({ kind: 'company' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('school_has_partnerships');
    expect([...response.body.partnerships].sort()).toEqual([p, q].sort());
    expect(await t.store.headPosition()).toBe(before);
  });

  it('cannot drop a level an open partnership uses, but may add one', async () => {
    const drop = await t.http.patch(`/api/organisations/${id.school}`).send({ levels: ['mbo'] });
    expect(drop.status).toBe(422);
    expect(drop.body).toMatchObject({ code: 'level_in_use', partnerships: [q], levels: ['vmbo'] });
    expect(drop.body.message).toContain(q);
    const add = await t.http.patch(`/api/organisations/${id.school}`).send({ levels: ['mbo', 'vmbo', 'havo'] });
    expect(add.status).toBe(200);
  });
});
