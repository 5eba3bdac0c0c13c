import ExcelJS from 'exceljs';
import { dutchDay } from '../../apps/api/src/http/dutch-time';
import { binaryBody } from '../support/fixtures';
import { ScenarioApi } from '../support/scenario';
import { startTestApp, TEST_ADMIN_SUB, TestApp } from '../support/test-app';

/**
 * SPEC §6 R2, GET /audit (admin): who recorded what and when, from the events' metadata, filtered by who recorded,
 * whom it is about, partnership and period, paged newest first, with names beside ids, and an erasure listed
 * without the erased person's data.
 */
let t: TestApp;
let admin: ScenarioApi;
let lisaApi: ScenarioApi;
const id: Record<string, string> = {};
const LISA_SUB = 'lisa@groenhorst.nl';
let energy: string;
let bakery: string;

const position = () => Math.max(admin.position, lisaApi.position);

/** GET /api/audit as the admin (or `agent`), after every command so far reached the read models. */
const audit = (query: Record<string, string | number> = {}, agent: TestApp['http'] = t.http) =>
  agent.get('/api/audit').query(query).set('X-Min-Position', String(position()));

type Entry = {
  position: number;
  type: string;
  recordedAt: string;
  recordedBy: string;
  recordedByPersonId: string | null;
  recordedByName: string | null;
  partnershipId: string | null;
  partnership: { partnershipId: string; school: { name: string | null }; partner: { name: string | null } } | null;
  people: { personId: string; name: string }[];
  organisations: { organisationId: string; name: string | null }[];
};

/** Every entry, following nextCursor with pages of `limit`. */
async function allPages(query: Record<string, string | number>, limit: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const response = await audit({ ...query, limit, ...(cursor && { cursor }) });
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeLessThanOrEqual(limit);
    entries.push(...response.body.items);
    cursor = response.body.nextCursor ?? undefined;
    if (!cursor) return entries;
  }
  throw new Error('more than 100 pages');
}

beforeAll(async () => {
  t = await startTestApp();
  admin = new ScenarioApi(t.http);
  id.school = await admin.organisation({ name: 'Groenhorst mbo Barneveld', kind: 'school', levels: ['mbo'] });
  id.energy = await admin.organisation({ name: 'Energiecoöperatie Noord', kind: 'company', sector: 'energie' });
  id.bakery = await admin.organisation({ name: 'Bakkerij Veld', kind: 'company', sector: 'food' });
  id.lisa = await admin.person(id.school, 'Lisa de Boer', 'stagecoördinator', 'operational');
  id.piet = await admin.person(id.energy, 'Piet Hoekstra', 'directeur', 'strategic');
  id.zeno = await admin.person(id.bakery, 'Zeno Zwart', 'eigenaar', 'strategic');
  // Lisa records on her own partnership, with a token that names her.
  lisaApi = new ScenarioApi(t.as('connector', { sub: LISA_SUB, personId: id.lisa }));
  const withEnergy = await lisaApi.partnership({ schoolId: id.school, partnerId: id.energy, levels: ['mbo'], intensity: 'placement', openedAt: '2025-01-10' });
  await withEnergy.contact('school', id.lisa, 'primary', '2025-01-10');
  await withEnergy.contact('partner', id.piet, 'primary', '2025-01-10');
  await withEnergy.interaction('2025-02-03', 'meeting', 'school', [id.lisa, id.piet], 'Piet wil meer stageplekken');
  energy = withEnergy.id;
  const withBakery = await admin.partnership({ schoolId: id.school, partnerId: id.bakery, levels: ['mbo'], intensity: 'aligned', openedAt: '2025-03-01' });
  await withBakery.contact('partner', id.zeno, 'primary', '2025-03-01');
  bakery = withBakery.id;
  const erased = await t.http.post(`/api/people/${id.piet}/erasure`).send({});
  expect(erased.status).toBe(200);
  admin.position = Math.max(admin.position, erased.body.position);
});

afterAll(() => t.close());

describe('GET /audit', () => {
  it('lists every recorded event newest first, with who recorded it, when, and the names of whom it is about', async () => {
    const response = await audit();
    expect(response.status).toBe(200);
    const items = response.body.items as Entry[];
    expect(items.map((entry) => entry.position)).toEqual([...items.map((entry) => entry.position)].sort((a, b) => b - a));
    expect(items[0].position).toBe(position());
    expect(items).toHaveLength(position());
    const registration = items.find((entry) => entry.type === 'PersonRegistered' && entry.people[0]?.personId === id.lisa)!;
    expect(registration).toMatchObject({
      recordedBy: TEST_ADMIN_SUB,
      recordedByPersonId: null,
      recordedByName: null,
      partnershipId: null,
      people: [{ personId: id.lisa, name: 'Lisa de Boer' }],
      organisations: [{ organisationId: id.school, name: 'Groenhorst mbo Barneveld' }],
    });
    const opened = items.find((entry) => entry.type === 'PartnershipOpened' && entry.partnershipId === energy)!;
    expect(opened).toMatchObject({
      recordedBy: LISA_SUB,
      recordedByPersonId: id.lisa,
      recordedByName: 'Lisa de Boer',
      organisations: [
        { organisationId: id.school, name: 'Groenhorst mbo Barneveld' },
        { organisationId: id.energy, name: 'Energiecoöperatie Noord' },
      ],
    });
    expect(Date.parse(opened.recordedAt)).not.toBeNaN();
    const contact = items.find((entry) => entry.type === 'ContactPersonAssigned' && entry.partnershipId === bakery)!;
    expect(contact).toMatchObject({
      partnership: {
        partnershipId: bakery,
        school: { organisationId: id.school, name: 'Groenhorst mbo Barneveld' },
        partner: { organisationId: id.bakery, name: 'Bakkerij Veld' },
      },
      people: [{ personId: id.zeno, name: 'Zeno Zwart' }],
    });
  });

  it('lists an erasure, and every event about the erased person, without their data', async () => {
    const response = await audit();
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('Piet');
    expect(text).not.toContain('Hoekstra');
    expect(text).not.toContain('stageplekken');
    const items = response.body.items as Entry[];
    expect(items[0]).toMatchObject({ type: 'PersonErased', recordedBy: TEST_ADMIN_SUB, people: [{ personId: id.piet, name: '[erased]' }] });
    const interaction = items.find((entry) => entry.type === 'InteractionRecorded')!;
    expect(interaction.people).toEqual([
      { personId: id.lisa, name: 'Lisa de Boer' },
      { personId: id.piet, name: '[erased]' },
    ]);
    expect(interaction).not.toHaveProperty('data');

    const csv = await audit({ format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain('Piet');
    expect(csv.text).toContain('[erased]');
  });

  it('filters by who recorded: the login (sub) or the person it is', async () => {
    const bySub = (await audit({ recordedBy: LISA_SUB })).body.items as Entry[];
    expect(bySub.map((entry) => entry.type)).toEqual(['InteractionRecorded', 'ContactPersonAssigned', 'ContactPersonAssigned', 'PartnershipOpened']);
    expect(bySub.every((entry) => entry.recordedByName === 'Lisa de Boer')).toBe(true);
    const byPerson = (await audit({ recordedByPerson: id.lisa })).body.items as Entry[];
    expect(byPerson).toEqual(bySub);
    expect((await audit({ recordedBy: 'nobody' })).body.items).toEqual([]);
  });

  it('filters by the person an event is about, by partnership and by organisation', async () => {
    const aboutLisa = (await audit({ person: id.lisa })).body.items as Entry[];
    expect(aboutLisa.map((entry) => entry.type)).toEqual(['InteractionRecorded', 'ContactPersonAssigned', 'PersonRegistered']);
    for (const entry of aboutLisa) expect(entry.people.map((person) => person.personId)).toContain(id.lisa);

    const ofBakery = (await audit({ partnership: bakery })).body.items as Entry[];
    expect(ofBakery.map((entry) => entry.type)).toEqual(['ContactPersonAssigned', 'PartnershipOpened']);
    expect(ofBakery.every((entry) => entry.partnershipId === bakery)).toBe(true);

    const aboutBakery = (await audit({ organisation: id.bakery })).body.items as Entry[];
    expect(aboutBakery.map((entry) => entry.type)).toEqual(['PartnershipOpened', 'PersonRegistered', 'OrganisationRegistered']);

    const both = (await audit({ person: id.lisa, partnership: energy, recordedBy: LISA_SUB })).body.items as Entry[];
    expect(both.map((entry) => entry.type)).toEqual(['InteractionRecorded', 'ContactPersonAssigned']);
  });

  it('filters by period: a date is a whole day in TIME_ZONE, an instant is taken as given', async () => {
    const all = (await audit()).body.items as Entry[];
    const first = all[all.length - 1];
    const day = dutchDay(first.recordedAt);
    const thatDay = (await audit({ from: day, to: day })).body;
    expect(thatDay.items).toEqual(all.filter((entry) => dutchDay(entry.recordedAt) === day));
    expect(thatDay.items.length).toBeGreaterThan(0);
    const dayBefore = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await audit({ to: dayBefore })).body.items).toEqual([]);

    const middle = all[Math.floor(all.length / 2)];
    const since = (await audit({ from: middle.recordedAt })).body.items as Entry[];
    expect(since).toEqual(all.filter((entry) => entry.recordedAt >= middle.recordedAt));
    const until = (await audit({ to: middle.recordedAt })).body.items as Entry[];
    expect(until).toEqual(all.filter((entry) => entry.recordedAt <= middle.recordedAt));

    const reversed = await audit({ from: day, to: dayBefore });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('invalid_period');
    const bad = await audit({ from: 'yesterday' });
    expect(bad.status).toBe(400);
  });

  it('pages newest first: the pages together are the whole list, and a new event does not shift the pages after the first', async () => {
    const all = (await audit()).body.items as Entry[];
    expect(await allPages({}, 4)).toEqual(all);
    expect(await allPages({ person: id.lisa }, 1)).toEqual((await audit({ person: id.lisa })).body.items);

    const first = await audit({ limit: 5 });
    await admin.person(id.school, 'Mark Jansen', 'docent', 'operational');
    const second = await audit({ limit: 5, cursor: first.body.nextCursor });
    expect(second.body.items).toEqual(all.slice(5, 10));

    const foreign = await audit({ cursor: 'bm90LWEtY3Vyc29y' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('invalid_cursor');
  });

  it('exports the trail as CSV and xlsx, written as it is read: the entries the pages list, newest first', async () => {
    const all = await allPages({}, 50);
    const csv = await audit({ format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...lines] = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['position', 'recordedAt', 'recordedBy']);
    expect(lines.map((line) => Number(line.split(',')[0]))).toEqual(all.map((entry) => entry.position));
    const lisas = (await audit({ format: 'csv', person: id.lisa })).text.trimEnd().split('\r\n').slice(1);
    expect(lisas.map((line) => Number(line.split(',')[0]))).toEqual((await allPages({ person: id.lisa }, 50)).map((entry) => entry.position));

    const xlsx = await audit({ format: 'xlsx' }).buffer(true).parse(binaryBody);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const positions: number[] = [];
    workbook.worksheets[0].eachRow((row, number) => number > 1 && positions.push(Number(row.getCell(1).value)));
    expect(positions).toEqual(all.map((entry) => entry.position));
  });

  it('is for admins only: 403 for every other role, 401 without a token', async () => {
    for (const role of ['connector', 'manager', 'reporting', 'region'] as const) {
      const response = await audit({}, t.as(role, { personId: id.lisa }));
      expect(response.status).toBe(403);
    }
    expect((await t.anonymous.get('/api/audit')).status).toBe(401);
  });
});
