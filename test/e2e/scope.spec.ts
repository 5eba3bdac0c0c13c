import { created, daysAgo } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** SPEC §6 R2: two schools share one deployment and one partner company without seeing each other's relations. */
describe('who sees what: records scoped by school', () => {
  let t: TestApp;
  let w: { schoolA: string; schoolB: string; company: string; teacherA: string; teacherB: string; ofA: string; ofB: string };

  beforeAll(async () => {
    t = await startTestApp();
    const school = (name: string) => created(t.http, '/organisations', { name, kind: 'school', levels: ['vo'] });
    const schoolA = await school('Alfa College');
    const schoolB = await school('Bravo Lyceum');
    const company = await created(t.http, '/organisations', { name: 'Gedeeld Bedrijf', kind: 'company' });
    const person = (organisationId: string, name: string) => created(t.http, '/people', { organisationId, name, role: 'docent', tier: 'operational' });
    const teacherA = await person(schoolA, 'Anna Alfa');
    const teacherB = await person(schoolB, 'Bert Bravo');
    const open = (schoolId: string, theme: string) =>
      created(t.http, '/partnerships', { schoolId, partnerId: company, levels: ['havo'], intensity: 'aligned', themes: [theme], openedAt: daysAgo(30) });
    const ofA = await open(schoolA, 'alfathema');
    const ofB = await open(schoolB, 'bravothema');
    w = { schoolA, schoolB, company, teacherA, teacherB, ofA, ofB };
    await t.http.post(`/api/partnerships/${ofB}/interactions`).send({ kind: 'call', initiatedBy: 'school', participantIds: [teacherB], summary: 'geheim van Bravo' }).expect(201);
  });
  afterAll(() => t.close());

  const head = async () => String(await t.store.headPosition());
  const connectorA = () => t.as('connector', { personId: w.teacherA });

  it('lists only the own school’s partnerships, people and organisations; the shared company is seen', async () => {
    const min = await head();
    const list = await connectorA().get('/api/partnerships').set('X-Min-Position', min).expect(200);
    expect(list.body.items.map((p: { partnershipId: string }) => p.partnershipId)).toEqual([w.ofA]);
    const organisations = await connectorA().get('/api/organisations').set('X-Min-Position', min).expect(200);
    expect(organisations.body.items.map((o: { organisationId: string }) => o.organisationId).sort()).toEqual([w.schoolA, w.company].sort());
    const people = await connectorA().get('/api/people').set('X-Min-Position', min).expect(200);
    expect(people.body.items.map((p: { personId: string }) => p.personId)).toEqual([w.teacherA]);
    const search = await connectorA().get('/api/partnerships').query({ text: 'bravothema' }).set('X-Min-Position', min).expect(200);
    expect(search.body.items).toEqual([]);
    const csv = await t.as('manager', { personId: w.teacherA }).get('/api/partnerships').query({ format: 'csv' }).set('X-Min-Position', min).expect(200);
    expect(csv.text).toContain(w.ofA);
    expect(csv.text).not.toContain(w.ofB);
    expect(csv.text).not.toContain('Bravo');
  });

  it('answers another school’s records 404, as if they did not exist', async () => {
    const min = await head();
    for (const path of [`/partnerships/${w.ofB}`, `/partnerships/${w.ofB}/timeline`, `/people/${w.teacherB}`, `/organisations/${w.schoolB}`]) {
      const response = await connectorA().get(`/api${path}`).set('X-Min-Position', min);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    await connectorA().get(`/api/partnerships/${w.ofA}/timeline`).set('X-Min-Position', min).expect(200);
  });

  it('refuses commands outside the scope and writes nothing', async () => {
    const before = await t.store.headPosition();
    const onB = await connectorA().post(`/api/partnerships/${w.ofB}/interactions`).send({ kind: 'call', initiatedBy: 'school' });
    expect([onB.status, onB.body.code]).toEqual([404, 'partnership_not_found']);
    const openForB = await connectorA().post('/api/partnerships').send({ schoolId: w.schoolB, partnerId: w.company, levels: ['havo'], intensity: 'aligned' });
    expect([openForB.status, openForB.body.code]).toEqual([404, 'organisation_not_found']);
    const thirdOrganisation = await connectorA().post(`/api/partnerships/${w.ofA}/contacts`).send({ side: 'school', personId: w.teacherB, role: 'primary' });
    expect(thirdOrganisation.status).toBe(422);
    expect(typeof thirdOrganisation.body.code).toBe('string');
    expect(await t.store.headPosition()).toBe(before);
    await connectorA().post(`/api/partnerships/${w.ofA}/interactions`).send({ kind: 'call', initiatedBy: 'school', participantIds: [w.teacherA] }).expect(201);
  });

  it('a scoped login linked to nobody sees nothing, and /me says why; admin sees every school', async () => {
    const min = await head();
    const me = await t.as('connector', { sub: 'nobody' }).get('/api/me').expect(200);
    expect(me.body.scope).toEqual({
      kind: 'none',
      schoolIds: [],
      message: expect.stringContaining('linked to no person'),
      messageCode: 'scope.login_not_linked',
      messageParams: { organisation: null },
    });
    expect((await t.as('reporting', { sub: 'nobody' }).get('/api/partnerships').set('X-Min-Position', min).expect(200)).body.items).toEqual([]);
    const own = (await connectorA().get('/api/me').expect(200)).body;
    expect(own.scope).toMatchObject({ kind: 'schools', schoolIds: [w.schoolA], messageCode: 'scope.own_school', messageParams: { organisation: own.organisation.name } });
    expect(own.organisation.name).toEqual(expect.any(String));
    expect((await t.http.get('/api/me').expect(200)).body.scope).toMatchObject({ kind: 'all', messageCode: 'scope.all' });
    const all = await t.http.get('/api/partnerships').set('X-Min-Position', min).expect(200);
    expect(all.body.items.map((p: { partnershipId: string }) => p.partnershipId).sort()).toEqual([w.ofA, w.ofB].sort());
  });

  it('a company the school starts working with is seen, with its people, from the next read on', async () => {
    const newcomer = await created(t.http, '/organisations', { name: 'Nieuw Bedrijf', kind: 'company' });
    const engineer = await created(t.http, '/people', { organisationId: newcomer, name: 'Nina Nieuw', role: 'engineer', tier: 'operational' });
    const seen = async () => {
      const people = await connectorA().get('/api/people').set('X-Min-Position', await head()).expect(200);
      return people.body.items.map((p: { personId: string }) => p.personId);
    };
    expect(await seen()).not.toContain(engineer);
    await connectorA().get(`/api/people/${engineer}`).set('X-Min-Position', await head()).expect(404);
    await connectorA()
      .post('/api/partnerships')
      .send({ schoolId: w.schoolA, partnerId: newcomer, levels: ['havo'], intensity: 'aligned', openedAt: daysAgo(1) })
      .expect(201);
    expect(await seen()).toContain(engineer);
    await connectorA().get(`/api/people/${engineer}`).set('X-Min-Position', await head()).expect(200);
  });

  it('region: figures over every school, nothing with names or notes', async () => {
    const region = t.as('region', { sub: 'regio' });
    await region.get('/api/reports/levels').expect(200);
    expect((await region.get('/api/partnerships')).status).toBe(403);
    expect((await region.get('/api/reports/continuity')).status).toBe(403);
    expect((await region.get(`/api/partnerships/${w.ofB}/timeline`)).status).toBe(403);
  });
});
