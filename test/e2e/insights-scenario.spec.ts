import { PartnershipScript, ScenarioApi } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3.8 end to end: a small region written through the HTTP commands, read as of Q = 2025-12-01 by the insight
 * reports. Every expected figure was computed by hand from the events below (all dates midnight UTC; "the last 365
 * days" is (2024-12-01, 2025-12-01]; 180 days after 2025-03-31 is 2025-09-27, after 2025-05-01 is 2025-10-28).
 *
 * Schools: Assink Lyceum (havo, vwo; Twente) with Ans and Aart; ROC Twente (mbo; Twente) with Bert and Bea;
 * Zone College (vmbo; Achterhoek) with Cor. Partners: Bakkerij Bosch (micro) with Bas; Thales Hengelo (large) with Tom.
 *
 * P1 Assink × Bakkerij, havo, opened 2024-09-02, primaries Ans / Bas
 *   2024-09-20 company visit (Ans, Bas)            → first activity after 18 days
 *   2024-10-15 mou (Ans, Bas)                      → first formal agreement after 43 days
 *   2025-02-10 internship, 3 students (Ans, Bas)    2025-03-01 meeting (Ans, Aart, Bas)
 *   2025-03-31 Ans leaves; 2025-04-07 Aart primary (7 days; warm: he was at the meeting of 2025-03-01)
 *   2025-10-06 internship, 2 students (Aart, Bas): internships in 2024-2025 and 2025-2026 recur, the visit does not
 * P2 ROC × Bakkerij, mbo, opened 2025-01-06, primaries Bert / Bas; 2025-05-12 internship, 4 students (126 days)
 * P3 Zone × Bakkerij, vmbo, opened 2025-02-03, primaries Cor / Bas; 2025-06-02 guest lecture (119 days)
 * P4 ROC × Thales, mbo, opened 2024-02-05, primaries Bea / Tom; 2024-02-19 mou (14 days);
 *   2024-03-04 guest lecture (28 days); calls 2024-11-11, 2025-01-13 (Bea, Tom);
 *   2025-05-01 Bea leaves, nobody takes over; calls 2025-06-16, 2025-09-01 (Tom)
 */

const Q = '2025-12-01';
let t: TestApp;
let api: ScenarioApi;
const id: Record<string, string> = {};
const p: Record<string, PartnershipScript> = {};

beforeAll(async () => {
  t = await startTestApp();
  api = new ScenarioApi(t.http);
  id.assink = await api.organisation({ name: 'Assink Lyceum', kind: 'school', levels: ['havo', 'vwo'], region: 'Twente' });
  id.roc = await api.organisation({ name: 'ROC Twente', kind: 'school', levels: ['mbo'], region: 'Twente' });
  id.zone = await api.organisation({ name: 'Zone College', kind: 'school', levels: ['vmbo'], region: 'Achterhoek' });
  id.bakkerij = await api.organisation({ name: 'Bakkerij Bosch', kind: 'company', sector: 'food', size: 'micro', region: 'Twente' });
  id.thales = await api.organisation({ name: 'Thales Hengelo', kind: 'company', sector: 'techniek', size: 'large', region: 'Twente' });
  id.ans = await api.person(id.assink, 'Ans Smit', 'decaan', 'operational');
  id.aart = await api.person(id.assink, 'Aart Visser', 'docent', 'operational');
  id.bert = await api.person(id.roc, 'Bert Mol', 'stagecoördinator', 'operational');
  id.bea = await api.person(id.roc, 'Bea Kuipers', 'docent', 'operational');
  id.cor = await api.person(id.zone, 'Cor Wolters', 'docent', 'operational');
  id.bas = await api.person(id.bakkerij, 'Bas Bosch', 'eigenaar', 'strategic');
  id.tom = await api.person(id.thales, 'Tom Hendriks', 'HR-adviseur', 'tactical');

  p.p4 = await api.partnership({ schoolId: id.roc, partnerId: id.thales, levels: ['mbo'], intensity: 'exchange', openedAt: '2024-02-05' });
  await p.p4.contact('school', id.bea, 'primary', '2024-02-05');
  await p.p4.contact('partner', id.tom, 'primary', '2024-02-05');
  await p.p4.agreement('2024-02-19', 'mou', [id.bea, id.tom]);
  await p.p4.activity('2024-03-04', 'guest_lecture', [id.bea, id.tom]);

  p.p1 = await api.partnership({ schoolId: id.assink, partnerId: id.bakkerij, levels: ['havo'], intensity: 'placement', openedAt: '2024-09-02' });
  await p.p1.contact('school', id.ans, 'primary', '2024-09-02');
  await p.p1.contact('partner', id.bas, 'primary', '2024-09-02');
  await p.p1.activity('2024-09-20', 'company_visit', [id.ans, id.bas]);
  await p.p1.agreement('2024-10-15', 'mou', [id.ans, id.bas]);
  await p.p4.interaction('2024-11-11', 'call', 'school', [id.bea, id.tom]);

  p.p2 = await api.partnership({ schoolId: id.roc, partnerId: id.bakkerij, levels: ['mbo'], intensity: 'placement', openedAt: '2025-01-06' });
  await p.p2.contact('school', id.bert, 'primary', '2025-01-06');
  await p.p2.contact('partner', id.bas, 'primary', '2025-01-06');
  await p.p4.interaction('2025-01-13', 'call', 'partner', [id.bea, id.tom]);

  p.p3 = await api.partnership({ schoolId: id.zone, partnerId: id.bakkerij, levels: ['vmbo'], intensity: 'placement', openedAt: '2025-02-03' });
  await p.p3.contact('school', id.cor, 'primary', '2025-02-03');
  await p.p3.contact('partner', id.bas, 'primary', '2025-02-03');

  await p.p1.activity('2025-02-10', 'internship', [id.ans, id.bas], { studentCount: 3 });
  await p.p1.interaction('2025-03-01', 'meeting', 'school', [id.ans, id.aart, id.bas]);
  await api.departure(id.ans, '2025-03-31');
  await p.p1.contact('school', id.aart, 'primary', '2025-04-07');
  await api.departure(id.bea, '2025-05-01');
  await p.p2.activity('2025-05-12', 'internship', [id.bert, id.bas], { studentCount: 4 });
  await p.p3.activity('2025-06-02', 'guest_lecture', [id.cor, id.bas]);
  await p.p4.interaction('2025-06-16', 'call', 'partner', [id.tom]);
  await p.p4.interaction('2025-09-01', 'email', 'partner', [id.tom]);
  await p.p1.activity('2025-10-06', 'internship', [id.aart, id.bas], { studentCount: 2 });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('partner load', () => {
  it('shows the micro bakery asked by three schools as over-asked, the large firm not', async () => {
    const report = await api.query('/reports/partner-load', Q);
    // Bakkerij: P1–P3 at 3 schools; school people Ans, Aart, Bert, Cor; activities in the window: internships
    // 2025-02-10, 2025-05-12, 2025-10-06 and the guest lecture 2025-06-02; 3 + 4 + 2 students;
    // load max(3 / 1, 4 / 3) = 3. Thales: one school, no activity in the window: max(1 / 8, 0) = 0.125 → 0.1.
    expect(report.items).toEqual([
      expect.objectContaining({
        partnerId: id.bakkerij,
        partnerName: 'Bakkerij Bosch',
        size: 'micro',
        partnerships: 3,
        schools: 3,
        schoolPeople: 4,
        partnerPeople: 1,
        activities: 4,
        activitiesByKind: { internship: 3, guest_lecture: 1 },
        studentsPlaced: 9,
        load: 3,
        overAsked: true,
      }),
      expect.objectContaining({ partnerId: id.thales, partnerships: 1, schools: 1, schoolPeople: 1, activities: 0, studentsPlaced: 0, load: 0.1, overAsked: false }),
    ]);
    expect(report.overAsked).toBe(1);
    expect(report.items[0].reason).toContain('asked by 3 schools (4 school people) for 4 activities in the last 365 days');
  });

  it('filters by the school region and level', async () => {
    // Twente leaves out P3 (Zone College): 2 schools, 3 internships → max(2, 1) = 2, still over-asked.
    const twente = await api.query('/reports/partner-load', Q, { region: 'twente', overAsked: 'true' });
    expect(twente.items.map((row: any) => [row.partnerName, row.schools, row.activities, row.studentsPlaced, row.load])).toEqual([['Bakkerij Bosch', 2, 3, 9, 2]]);
    // vmbo is P3 alone: one school, one activity → max(1, 1/3) = 1.
    const vmbo = await api.query('/reports/partner-load', Q, { level: 'vmbo' });
    expect(vmbo.items.map((row: any) => [row.partnerName, row.load, row.overAsked])).toEqual([['Bakkerij Bosch', 1, false]]);
  });
});

describe('departure aftermath', () => {
  it('reports every departure of the last year: days to a new primary, handovers, and how activity fell', async () => {
    const report = await api.query('/reports/departures', Q);
    // Ans (P1): 3 touchpoints in (2024-10-02, 2025-03-31] (mou, internship, meeting), none in (2025-03-31, 2025-09-27]
    // → fell; Aart after 7 days, warm. Bea (P4): 2 before (the calls of 2024-11-11 and 2025-01-13), 2 after
    // (2025-06-16, 2025-09-01) → did not fall; nobody took over.
    expect(report).toMatchObject({ departures: 2, relations: 2, medianDaysToNewPrimary: 7, stillOpen: 1, warmHandovers: 1, coldHandovers: 0, activityFellByHalfShare: 0.5 });
    expect(report.items.map((item: any) => [item.name, item.leftAt, item.organisationName])).toEqual([
      ['Ans Smit', '2025-03-31T00:00:00.000Z', 'Assink Lyceum'],
      ['Bea Kuipers', '2025-05-01T00:00:00.000Z', 'ROC Twente'],
    ]);
    expect(report.items[0].relations).toEqual([
      expect.objectContaining({
        partnershipId: p.p1.id,
        schoolName: 'Assink Lyceum',
        partnerName: 'Bakkerij Bosch',
        side: 'school',
        touchpointsBefore: 3,
        touchpointsAfter: 0,
        activityFellByHalf: true,
        newPrimary: { personId: id.aart, name: 'Aart Visser', since: '2025-04-07T00:00:00.000Z' },
        daysToNewPrimary: 7,
        handover: 'warm',
      }),
    ]);
    expect(report.items[1].relations[0]).toMatchObject({ touchpointsBefore: 2, touchpointsAfter: 2, activityFellByHalf: false, newPrimary: null, stillOpen: true, handover: 'none' });
  });

  it('gives one person’s aftermath, keeps to the period asked, and exports a row per relation', async () => {
    const bea = await api.query('/reports/departures', Q, { person: id.bea });
    expect(bea.items.map((item: any) => [item.name, item.relations.length])).toEqual([['Bea Kuipers', 1]]);
    expect((await api.query('/reports/departures', Q, { from: '2025-04-01', to: '2025-04-30' })).departures).toBe(0);
    const csv = await t.http.get('/api/reports/departures').query({ asOf: Q, format: 'csv' }).set('X-Min-Position', String(api.position)).expect(200);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['personId', 'name', 'organisationId', 'organisationName', 'leftAt']);
    expect(rows).toHaveLength(2);
  });

  it('refuses a period that is not a date', async () => {
    const response = await t.http.get('/api/reports/departures').query({ from: 'last year' }).expect(400);
    expect(response.body.code).toBeDefined();
  });
});

describe('start-up pace', () => {
  it('gives the days to the first activity and formal agreement, with medians per level and school', async () => {
    const report = await api.query('/reports/start-up', Q);
    const pace = (partnershipId: string) => report.items.find((row: any) => row.partnershipId === partnershipId);
    expect(pace(p.p1.id)).toMatchObject({ daysToFirstActivity: 18, daysToFirstAgreement: 43 });
    expect(pace(p.p2.id)).toMatchObject({ daysToFirstActivity: 126, daysToFirstAgreement: null });
    expect(pace(p.p3.id)).toMatchObject({ daysToFirstActivity: 119, daysToFirstAgreement: null });
    expect(pace(p.p4.id)).toMatchObject({ daysToFirstActivity: 28, daysToFirstAgreement: 14 });
    // mbo: P2 and P4 → (126 + 28) / 2 = 77 to the first activity; only P4 has a formal agreement (14).
    expect(report.byLevel.map((group: any) => [group.level, group.partnerships, group.medianDaysToFirstActivity, group.medianDaysToFirstAgreement])).toEqual([
      ['vmbo', 1, 119, null],
      ['havo', 1, 18, 43],
      ['mbo', 2, 77, 14],
    ]);
    const bySchool = Object.fromEntries(report.bySchool.map((group: any) => [group.schoolName, group.medianDaysToFirstActivity]));
    expect(bySchool).toEqual({ 'Assink Lyceum': 18, 'ROC Twente': 77, 'Zone College': 119 });
  });

  it('filters by school', async () => {
    const report = await api.query('/reports/start-up', Q, { school: id.roc });
    expect(report.items).toHaveLength(2);
    expect(report.byLevel.map((group: any) => group.level)).toEqual(['mbo']);
  });
});

describe('recurring cooperation', () => {
  it('sets apart the activity kinds held in two school years, and shows the share per level', async () => {
    const report = await api.query('/reports/recurring-cooperation', Q, { recurring: 'true' });
    expect(report.items).toEqual([
      expect.objectContaining({ partnershipId: p.p1.id, recurringKinds: ['internship'], onceKinds: ['company_visit'], recurring: true, schoolName: 'Assink Lyceum' }),
    ]);
    // The partnership's own answer (its screen) is its row of the report.
    const own = await api.query(`/partnerships/${p.p1.id}/recurring-cooperation`, Q);
    expect(own).toEqual({ ...report.items[0], asOf: report.asOf, revision: expect.any(Number) });
    // Not ended and opened by 2024-12-01: P1 (havo, recurring) and P4 (mbo, one guest lecture).
    const levels = await api.query('/reports/levels', Q);
    const share = Object.fromEntries(levels.levels.map((row: any) => [row.level, row.recurringShare]));
    expect(share).toMatchObject({ havo: 1, mbo: 0, vmbo: null, vwo: null });
  });
});

describe('the OpenAPI document', () => {
  it('describes the insight routes with their response schemas', async () => {
    const doc = (await t.anonymous.get('/docs/json').expect(200)).body;
    for (const path of ['partner-load', 'departures', 'start-up', 'recurring-cooperation']) {
      const ok = doc.paths[`/api/reports/${path}`].get.responses['200'];
      expect(ok.content['application/json'].schema.$ref).toMatch(/Response$/);
    }
    expect(doc.components.schemas.PartnerLoadRowResponse.properties.overAsked).toMatchObject({ type: 'boolean' });
  });
});
