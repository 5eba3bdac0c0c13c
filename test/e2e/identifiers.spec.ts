import { startTestApp, TestApp } from '../support/test-app';

/** SPEC §1 R2: KvK numbers and BRIN codes, unique among organisations when given, shown and filterable. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const register = (body: object) => t.http.post('/api/organisations').send(body);

describe('KvK and BRIN', () => {
  it('are shown on an organisation and filter the list', async () => {
    const school = await register({ name: 'Nova College', kind: 'school', levels: ['mbo'], brin: '25lh', kvk: '41000001' }).expect(201);
    await register({ name: 'Tata Steel', kind: 'company', kvk: '34000001' }).expect(201);
    const head = String(await t.store.headPosition());
    const one = await t.http.get(`/api/organisations/${school.body.id}`).set('X-Min-Position', head).expect(200);
    expect(one.body).toMatchObject({ brin: '25LH', kvk: '41000001' });
    const byBrin = await t.http.get('/api/organisations').query({ brin: '25LH' }).set('X-Min-Position', head);
    expect(byBrin.body.items.map((o: { name: string }) => o.name)).toEqual(['Nova College']);
    const byKvk = await t.http.get('/api/organisations').query({ kvk: '34000001' });
    expect(byKvk.body.items.map((o: { name: string }) => o.name)).toEqual(['Tata Steel']);
  });

  it('refuses a KvK number or BRIN code another organisation has (409, with a code), writing nothing', async () => {
    const before = await t.store.headPosition();
    expect((await register({ name: 'Tata Steel Nederland', kind: 'company', kvk: '34000001' })).body).toMatchObject({ statusCode: 409, code: 'kvk_taken', field: 'kvk' });
    expect((await register({ name: 'Nova College Haarlem', kind: 'school', levels: ['mbo'], brin: '25LH' })).body).toMatchObject({ statusCode: 409, code: 'brin_taken' });
    expect(await t.store.headPosition()).toBe(before);
  });

  it('holds when two registrations with one KvK number race', async () => {
    const answers = await Promise.all([1, 2, 3].map((i) => register({ name: `Racer ${i}`, kind: 'company', kvk: '55000001' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it('frees a KvK number its organisation gives up', async () => {
    const first = await register({ name: 'Oud BV', kind: 'company', kvk: '66000001' }).expect(201);
    await t.http.patch(`/api/organisations/${first.body.id}`).send({ kvk: '66000002' }).expect(200);
    await register({ name: 'Nieuw BV', kind: 'company', kvk: '66000001' }).expect(201);
  });

  it('refuses malformed identifiers (400) and a BRIN code on a company (422)', async () => {
    expect((await register({ name: 'X', kind: 'company', kvk: '123' })).status).toBe(400);
    expect((await register({ name: 'X', kind: 'school', levels: ['po'], brin: '12345' })).status).toBe(400);
    expect((await register({ name: 'X', kind: 'company', brin: '12AB' })).body).toMatchObject({ statusCode: 422, code: 'brin_only_for_schools' });
  });
});
