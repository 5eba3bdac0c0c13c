import { day, PartnershipScript, ScenarioApi } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §3 end to end: a small region written as back-dated events over three years (2023-01 … 2025-12) through the
 * HTTP commands, then read at three dates. Every expected figure below was computed by hand from SPEC §3 and the
 * documented decisions of libs/read-models/src/formulas (days are whole days floored, "the last N days" is
 * (asOf − N, asOf], component scores are rounded to one decimal, shares to four, commitments count at asOf when due by
 * then, since CommitmentMade carries no date of its own and is recorded "now").
 *
 * All event dates are midnight UTC; the query dates are calendar days, read as the end of that day in Amsterdam
 * (SPEC §1 R2: 22:00 or 23:00 UTC minus 1 ms), so day counts (floored) are the calendar days between. The query dates:
 *   A1 = 2024-06-30 (trend against A1 − 90 d = 2024-04-01); 365-day window (2023-07-01, 2024-06-30]
 *   A2 = 2025-05-15 (the school side of P2 is orphaned);      365-day window (2024-05-15, 2025-05-15]
 *   A3 = 2025-12-31 (trend against A3 − 90 d = 2025-10-02); 365-day window (2024-12-31, 2025-12-31],
 *                                                           730-day window (2024-01-01, 2025-12-31]
 *
 * The region (Twente): school Regio College Twente (vmbo, mbo) with Anna (strategic), Bram (tactical), Carla, Daan,
 * Gijs (operational) and Hanna (tactical); Aalders Bouw (company: Erik strategic, Fenna operational), Gemeente Hengelo
 * (government: Ivo tactical, Joke strategic), Techniek Netwerk Oost (network: Karel).
 *
 * P1 school × Aalders, vmbo+mbo, placement (I = 120) → exchange (I = 60) on 2024-09-01, opened 2023-01-16
 *   2023-01-16 primaries: school Carla, partner Fenna          2023-01-20 meeting (school) Carla, Erik
 *   2023-03-01 → agreed; MoU (Anna, Erik) valid until 2024-08-15; school backup Bram
 *   c1 partner "vier stageplaatsen" due 2023-09-01, fulfilled 2023-08-25 (on time)
 *   2023-09-01 → active                                       2023-09-04 internship Carla, Fenna
 *   2023-11-15 call (partner) Fenna, Carla                     2024-01-10 evaluation Anna, Bram, Carla, Erik, Fenna: 8 / 7
 *   2024-02-20 email (partner) Erik, Bram                      c2 school "lesmateriaal" due 2024-03-01, fulfilled 2024-03-20 (late)
 *   2024-04-10 visit (school) Carla, Daan, Fenna               2024-05-22 message (school) Carla, Fenna
 *   2024-06-14 thank_you Anna, Erik                            2024-08-12 cooperation agreement (Anna, Erik) valid until 2027-08-01
 *   2024-09-01 intensity exchange; partner backup Erik         2024-10-01 meeting (partner) Fenna, Daan
 *   2024-11-01 school primary Daan: warm handover from Carla (Daan took part on 2024-04-10 and 2024-10-01)
 *   2025-01-20 evaluation Bram, Daan, Fenna: 9 / 8, next due 2025-12-01
 *   2025-03-10 call (school) Daan, Fenna                       c3 partner "gastles BIM" due 2025-05-01, broken 2025-05-02
 *   2025-05-20 guest lecture Erik, Daan                        2025-06-20 thank_you Anna, Daan, Erik
 *   2025-08-25 email (partner) Fenna, Daan                     2025-10-15 meeting (school) Daan, Bram, Fenna
 *   2025-11-20 company visit Daan, Carla, Erik                 c4 school "evaluatieverslag" due 2025-11-30, still open
 *
 * P2 school × Hengelo, vmbo, aligned (I = 90), opened 2023-06-01
 *   2023-06-01 primaries: school Gijs, partner Ivo; school backup Bram
 *   2023-06-20 meeting (school) Gijs, Ivo                      2023-09-15 call (partner) Ivo, Gijs
 *   2023-10-01 → agreed; letter of intent (Anna, Joke) valid until 2025-10-01
 *   2023-12-05 network meeting Gijs, Ivo, Joke                 2024-01-15 → active
 *   2024-02-10 email (partner) Ivo, Gijs                       2024-03-05 practice assignment Gijs, Ivo
 *   d1 school "stageplan LOB" due 2024-05-01, fulfilled 2024-04-28 (on time)
 *   d2 partner "subsidieaanvraag" due 2024-06-15, fulfilled 2024-07-10 (late; open and overdue at A1)
 *   2024-11-15 evaluation Bram, Gijs, Ivo, Joke: 6 / 7 (the first one)
 *   2025-01-20 call (school) Gijs, Ivo                         2025-02-18 email (school) Gijs, Ivo
 *   2025-03-01 Gijs promoted to tactical (back-dated PersonRoleChanged)
 *   2025-03-31 Gijs leaves the school (cold: nobody takes over)  2025-05-06 call (school) Bram, Ivo
 *   2025-06-01 school primary Hanna: cold handover (no touchpoint of Hanna on or before 2025-03-31)
 *   2025-06-10 meeting (school) Hanna, Ivo                     2025-06-24 message (partner) Ivo, Hanna — then silence
 *
 * P3 school × Netwerk, vmbo, aligned, opened 2023-02-01: primaries Anna / Karel, 2023-02-15 meeting, ended 2024-02-01.
 */

let t: TestApp;
let api: ScenarioApi;
const id: Record<string, string> = {};
let p1: PartnershipScript;
let p2: PartnershipScript;
let p3: PartnershipScript;

const A1 = '2024-06-30';
const A2 = '2025-05-15';
const A3 = '2025-12-31';

beforeAll(async () => {
  t = await startTestApp();
  api = new ScenarioApi(t.http);

  id.school = await api.organisation({ name: 'Regio College Twente', kind: 'school', levels: ['vmbo', 'mbo'], region: 'Twente' });
  id.aalders = await api.organisation({ name: 'Aalders Bouw', kind: 'company', sector: 'bouw', size: 'small', region: 'Twente' });
  id.hengelo = await api.organisation({ name: 'Gemeente Hengelo', kind: 'government', region: 'Twente' });
  id.netwerk = await api.organisation({ name: 'Techniek Netwerk Oost', kind: 'network', region: 'Twente' });

  id.anna = await api.person(id.school, 'Anna Bakker', 'directeur', 'strategic');
  id.bram = await api.person(id.school, 'Bram Claes', 'teamleider techniek', 'tactical');
  id.carla = await api.person(id.school, 'Carla Dijk', 'docent bouw', 'operational');
  id.daan = await api.person(id.school, 'Daan Evers', 'stagecoördinator', 'operational');
  id.gijs = await api.person(id.school, 'Gijs Jansen', 'LOB-coördinator', 'operational');
  id.hanna = await api.person(id.school, 'Hanna Kok', 'teamleider onderbouw', 'tactical');
  id.erik = await api.person(id.aalders, 'Erik Aalders', 'eigenaar', 'strategic');
  id.fenna = await api.person(id.aalders, 'Fenna Mulder', 'praktijkopleider', 'operational');
  id.ivo = await api.person(id.hengelo, 'Ivo Peters', 'beleidsadviseur onderwijs', 'tactical');
  id.joke = await api.person(id.hengelo, 'Joke de Wit', 'wethouder', 'strategic');
  id.karel = await api.person(id.netwerk, 'Karel Smit', 'netwerkcoördinator', 'operational');

  // ---- 2023 ----
  p1 = await api.partnership({ schoolId: id.school, partnerId: id.aalders, levels: ['vmbo', 'mbo'], intensity: 'placement', themes: ['bouw'], openedAt: '2023-01-16' });
  await p1.contact('school', id.carla, 'primary', '2023-01-16');
  await p1.contact('partner', id.fenna, 'primary', '2023-01-16');
  await p1.interaction('2023-01-20', 'meeting', 'school', [id.carla, id.erik], 'Kennismaking');

  p3 = await api.partnership({ schoolId: id.school, partnerId: id.netwerk, levels: ['vmbo'], intensity: 'aligned', themes: ['techniek'], openedAt: '2023-02-01' });
  await p3.contact('school', id.anna, 'primary', '2023-02-01');
  await p3.contact('partner', id.karel, 'primary', '2023-02-01');
  await p3.interaction('2023-02-15', 'meeting', 'school', [id.anna, id.karel]);

  await p1.stage('agreed', '2023-03-01');
  id.mou = await p1.agreement('2023-03-01', 'mou', [id.anna, id.erik], '2024-08-15');
  await p1.contact('school', id.bram, 'backup', '2023-03-01');

  p2 = await api.partnership({ schoolId: id.school, partnerId: id.hengelo, levels: ['vmbo'], intensity: 'aligned', themes: ['loopbaan'], openedAt: '2023-06-01' });
  await p2.contact('school', id.gijs, 'primary', '2023-06-01');
  await p2.contact('school', id.bram, 'backup', '2023-06-01');
  await p2.contact('partner', id.ivo, 'primary', '2023-06-01');
  await p2.interaction('2023-06-20', 'meeting', 'school', [id.gijs, id.ivo]);

  id.c1 = await p1.commitment('partner', 'vier stageplaatsen', '2023-09-01', '2023-06-20');
  await p1.fulfil(id.c1, '2023-08-25');
  await p1.stage('active', '2023-09-01');
  await p1.activity('2023-09-04', 'internship', [id.carla, id.fenna], { endsAt: '2024-01-31', studentCount: 4 });
  await p2.interaction('2023-09-15', 'call', 'partner', [id.ivo, id.gijs]);
  await p2.stage('agreed', '2023-10-01');
  id.loi = await p2.agreement('2023-10-01', 'letter_of_intent', [id.anna, id.joke], '2025-10-01');
  await p1.interaction('2023-11-15', 'call', 'partner', [id.fenna, id.carla]);
  await p2.activity('2023-12-05', 'network_meeting', [id.gijs, id.ivo, id.joke]);

  // ---- 2024 ----
  await p1.evaluation('2024-01-10', [id.anna, id.bram, id.carla, id.erik, id.fenna], 8, 7);
  await p2.stage('active', '2024-01-15');
  await p3.end('2024-02-01', 'netwerk opgeheven');
  await p2.interaction('2024-02-10', 'email', 'partner', [id.ivo, id.gijs]);
  await p1.interaction('2024-02-20', 'email', 'partner', [id.erik, id.bram]);
  await p2.activity('2024-03-05', 'practice_assignment', [id.gijs, id.ivo], { studentCount: 20 });
  id.c2 = await p1.commitment('school', 'lesmateriaal veiligheid', '2024-03-01', '2024-02-20');
  await p1.fulfil(id.c2, '2024-03-20');
  await p1.interaction('2024-04-10', 'visit', 'school', [id.carla, id.daan, id.fenna]);
  id.d1 = await p2.commitment('school', 'stageplan LOB', '2024-05-01', '2024-04-10');
  await p2.fulfil(id.d1, '2024-04-28');
  await p1.interaction('2024-05-22', 'message', 'school', [id.carla, id.fenna]);
  await p1.activity('2024-06-14', 'thank_you', [id.anna, id.erik]);
  id.d2 = await p2.commitment('partner', 'subsidieaanvraag', '2024-06-15', '2024-06-14');
  await p2.fulfil(id.d2, '2024-07-10');
  id.coop = await p1.agreement('2024-08-12', 'cooperation_agreement', [id.anna, id.erik], '2027-08-01');
  await p1.intensity('exchange', '2024-09-01');
  await p1.contact('partner', id.erik, 'backup', '2024-09-01');
  await p1.interaction('2024-10-01', 'meeting', 'partner', [id.fenna, id.daan]);
  await p1.contact('school', id.daan, 'primary', '2024-11-01');
  await p2.evaluation('2024-11-15', [id.bram, id.gijs, id.ivo, id.joke], 6, 7);

  // ---- 2025 ----
  await p1.evaluation('2025-01-20', [id.bram, id.daan, id.fenna], 9, 8, '2025-12-01');
  await p2.interaction('2025-01-20', 'call', 'school', [id.gijs, id.ivo]);
  await p2.interaction('2025-02-18', 'email', 'school', [id.gijs, id.ivo]);
  await api.changeRole(id.gijs, 'afdelingsleider LOB', 'tactical', '2025-03-01');
  await p1.interaction('2025-03-10', 'call', 'school', [id.daan, id.fenna]);
  await api.departure(id.gijs, '2025-03-31', 'andere baan');
  id.c3 = await p1.commitment('partner', 'gastles BIM', '2025-05-01', '2025-03-31');
  await p1.breach(id.c3, '2025-05-02', 'geen docent beschikbaar');
  await p2.interaction('2025-05-06', 'call', 'school', [id.bram, id.ivo]);
  await p1.activity('2025-05-20', 'guest_lecture', [id.erik, id.daan], { studentCount: 28 });
  await p2.contact('school', id.hanna, 'primary', '2025-06-01');
  await p2.interaction('2025-06-10', 'meeting', 'school', [id.hanna, id.ivo]);
  await p1.activity('2025-06-20', 'thank_you', [id.anna, id.daan, id.erik]);
  await p2.interaction('2025-06-24', 'message', 'partner', [id.ivo, id.hanna]);
  await p1.interaction('2025-08-25', 'email', 'partner', [id.fenna, id.daan]);
  await p1.interaction('2025-10-15', 'meeting', 'school', [id.daan, id.bram, id.fenna]);
  await p1.activity('2025-11-20', 'company_visit', [id.daan, id.carla, id.erik], { studentCount: 15 });
  id.c4 = await p1.commitment('school', 'evaluatieverslag 2025', '2025-11-30', '2025-11-20');
});

afterAll(() => t?.close());

// ---- shaping helpers: pick the fields under test, so a failure shows every field at once ----

interface Component {
  name: string;
  score: number | null;
  weight: number;
  reason: string;
}
const scoresOf = (health: { components: Component[] }) => Object.fromEntries(health.components.map((c) => [c.name, c.score]));
const WEIGHTS = { recency: 25, cadence: 15, evaluation: 15, commitments: 15, formalisation: 10, reciprocity: 5, continuity: 10, satisfaction: 5 };

const ref = (contact: { personId: string; since: string; tenureDays: number } | null) =>
  contact && { personId: contact.personId, since: contact.since, tenureDays: contact.tenureDays };
const continuityOf = (side: any) => ({
  primary: ref(side.primary),
  backups: side.backups.map(ref),
  handovers: side.handovers,
  warmHandovers: side.warmHandovers,
  coldHandovers: side.coldHandovers,
  gapDays: side.gapDays,
  orphaned: side.orphaned,
  orphanedSince: side.orphanedSince,
  distinctParticipants365: side.distinctParticipants365,
});
const riskOf = (side: any) => ({
  risk: side.risk,
  topPerson: side.topPerson?.personId ?? null,
  topShare: side.topShare,
  activePeople: side.activePeople,
  sideTouchpoints: side.sideTouchpoints,
});
const levelRow = (report: any, level: string) => {
  const row = report.levels.find((entry: any) => entry.level === level);
  const { reasons: _reasons, reasonCodes: _codes, reasonParams: _params, ...figures } = row;
  return figures;
};
const items = (worklist: any) =>
  worklist.items.map((item: any) => ({ type: item.type, partnershipId: item.partnershipId, dueAt: item.dueAt, overdue: item.overdue }));
const entries = (list: any[]) => list.map((entry) => ({ partnershipId: entry.partnershipId, side: entry.side, ...(entry.becomes && { becomes: entry.becomes }) }));

// =====================================================================================================================
describe('A1 = 2024-06-30', () => {
  it('P1 health: every component, score, status and trend', async () => {
    const health = await api.query(`/partnerships/${p1.id}/health`, A1);
    // A date without a time is the end of that day in Amsterdam (SPEC §1 R2), 22:00 UTC minus 1 ms in summer.
    expect(health.asOf).toBe('2024-06-30T21:59:59.999Z');
    expect(Object.fromEntries(health.components.map((c: Component) => [c.name, c.weight]))).toEqual(WEIGHTS);
    expect(scoresOf(health)).toEqual({
      // intensity at A1 still placement: I = 120. Last touchpoint 2024-06-14 (thank_you): d = 16 ≤ 120 → 100
      recency: 100,
      // window (2023-07-01, 2024-06-30]: 09-04, 11-15, 01-10, 02-20, 04-10, 05-22, 06-14 → n = 7; E = ceil(365/120) = 4;
      // min(100, 100·7/4 = 175) = 100
      cadence: 100,
      // last evaluation 2024-01-10: e = 172 ≤ 365 → 100
      evaluation: 100,
      // due by A1: c1 (due 2023-09-01, fulfilled 08-25: on time), c2 (due 2024-03-01, fulfilled 03-20: late);
      // (1 + 0.5·1)/2 ·100 = 75
      commitments: 75,
      // MoU valid until 2024-08-15 > A1, expires within 60 days (46 days left; A1 + 60 = 2024-08-29) → 60
      formalisation: 60,
      // interactions in the window: 11-15 partner, 02-20 partner, 04-10 school, 05-22 school → n = 4, p = 2/4 = 0.5 → 100
      reciprocity: 100,
      // primaries Carla (school) and Fenna (partner) → 100
      continuity: 100,
      // evaluation 2024-01-10: ((8 + 7)/2 − 1)/9 ·100 = 6.5/9·100 = 72.22 → 72.2
      satisfaction: 72.2,
    });
    // Σ w·s = 25·100 + 15·100 + 15·100 + 15·75 + 10·60 + 5·100 + 10·100 + 5·72.2
    //       = 2500 + 1500 + 1500 + 1125 + 600 + 500 + 1000 + 361 = 9086; / 100 = 90.86 → 91
    expect(health.score).toBe(91);
    expect(health.status).toBe('healthy'); // 91 ≥ 70, last touchpoint 16 days ago
    // at 2024-04-01 (I = 120): recency d = 41 (since 02-20) → 100; cadence window (2023-04-02, 2024-04-01]:
    // 09-04, 11-15, 01-10, 02-20 → 4/4 → 100; evaluation e = 82 → 100; commitments c1 on time, c2 late (closed 03-20
    // ≤ 04-01) → 75; formalisation MoU valid, 2024-08-15 not within 60 days (→ 2024-05-31) → 100; reciprocity only
    // 2 interactions (11-15, 02-20) → null; continuity 100; satisfaction 72.2.
    // (2500 + 1500 + 1500 + 1125 + 1000 + 1000 + 361) / 95 = 8986/95 = 94.59 → 95; trend = 91 − 95 = −4
    expect(health.trend).toBe(-4);
    expect(health.components.find((c: Component) => c.name === 'recency').reason).toBe('last contact 16 days ago; expected every 120');
  });

  it('P2 health: every component, score, status and trend', async () => {
    const health = await api.query(`/partnerships/${p2.id}/health`, A1);
    expect(scoresOf(health)).toEqual({
      // aligned: I = 90. Last touchpoint 2024-03-05: d = 117; 100·(3I − d)/(2I) = 100·(270 − 117)/180 = 85
      recency: 85,
      // window (2023-07-01, 2024-06-30]: 09-15, 10-01 (letter of intent), 12-05, 02-10, 03-05 → n = 5; E = ceil(365/90) = 5 → 100
      cadence: 100,
      // never evaluated; age 2023-06-01 → A1 = 395 days ≥ 180 → 0
      evaluation: 0,
      // d1 (due 05-01, fulfilled 04-28: on time); d2 (due 06-15, fulfilled only on 07-10 > A1: open past due);
      // (1 + 0)/2 ·100 = 50
      commitments: 50,
      // letter of intent valid until 2025-10-01, far beyond A1 + 60 → 100
      formalisation: 100,
      // interactions in the window: 09-15 partner, 02-10 partner → 2 < 4 → null
      reciprocity: null,
      // Gijs and Ivo → 100
      continuity: 100,
      // no evaluation → null
      satisfaction: null,
    });
    // (25·85 + 15·100 + 15·0 + 15·50 + 10·100 + 10·100) / (25 + 15 + 15 + 15 + 10 + 10)
    //   = (2125 + 1500 + 0 + 750 + 1000 + 1000) / 90 = 6375/90 = 70.83 → 71
    expect(health.score).toBe(71);
    expect(health.status).toBe('healthy');
    // at 2024-04-01: recency d = 27 → 100; cadence window (2023-04-02, 2024-04-01] holds all 6 touchpoints → min(100, 120) = 100;
    // evaluation: age 305 ≥ 180, never → 0; commitments: d1 and d2 due after 04-01 and recorded "now" → unknown → null;
    // formalisation 100; reciprocity 3 interactions → null; continuity 100; satisfaction null.
    // (2500 + 1500 + 0 + 1000 + 1000) / 75 = 6000/75 = 80; trend = 71 − 80 = −9
    expect(health.trend).toBe(-9);
    expect(health.components.find((c: Component) => c.name === 'recency').reason).toBe('last contact 117 days ago; expected every 90');
  });

  it('P3 health: ended', async () => {
    const health = await api.query(`/partnerships/${p3.id}/health`, A1);
    expect(health.status).toBe('ended'); // PartnershipEnded 2024-02-01 ≤ A1
  });

  it('continuity per side', async () => {
    const c1 = await api.query(`/partnerships/${p1.id}/continuity`, A1);
    expect(continuityOf(c1.school)).toEqual({
      // Carla since 2023-01-16: 531 days to A1
      primary: { personId: id.carla, since: day('2023-01-16'), tenureDays: 531 },
      // Bram backup since 2023-03-01: 487 days
      backups: [{ personId: id.bram, since: day('2023-03-01'), tenureDays: 487 }],
      handovers: { allTime: 0, last3Years: 0 },
      warmHandovers: 0,
      coldHandovers: 0,
      // window clipped to openedAt 2023-01-16, Carla primary from then on → 0
      gapDays: 0,
      orphaned: false,
      orphanedSince: null,
      // school people in touchpoints of (2023-07-01, 2024-06-30]: Carla, Anna, Bram, Daan
      distinctParticipants365: 4,
    });
    expect(continuityOf(c1.partner)).toEqual({
      primary: { personId: id.fenna, since: day('2023-01-16'), tenureDays: 531 },
      backups: [], // Erik becomes backup only on 2024-09-01
      handovers: { allTime: 0, last3Years: 0 },
      warmHandovers: 0,
      coldHandovers: 0,
      gapDays: 0,
      orphaned: false,
      orphanedSince: null,
      distinctParticipants365: 2, // Fenna, Erik
    });
    const c2 = await api.query(`/partnerships/${p2.id}/continuity`, A1);
    expect(continuityOf(c2.school)).toEqual({
      primary: { personId: id.gijs, since: day('2023-06-01'), tenureDays: 395 },
      backups: [{ personId: id.bram, since: day('2023-06-01'), tenureDays: 395 }],
      handovers: { allTime: 0, last3Years: 0 },
      warmHandovers: 0,
      coldHandovers: 0,
      gapDays: 0,
      orphaned: false,
      orphanedSince: null,
      distinctParticipants365: 2, // Gijs, Anna (letter of intent)
    });
    expect(continuityOf(c2.partner)).toMatchObject({ primary: { personId: id.ivo, tenureDays: 395 }, backups: [], distinctParticipants365: 2 }); // Ivo, Joke
  });

  it('key-person risk per side', async () => {
    const k1 = await api.query(`/partnerships/${p1.id}/key-person-risk`, A1);
    // school-side touchpoints in (2023-07-01, 2024-06-30]: 09-04 (Carla), 11-15 (Carla), 01-10 (Anna, Bram, Carla),
    // 02-20 (Bram), 04-10 (Carla, Daan), 05-22 (Carla), 06-14 (Anna) → 7; Carla in 5: 5/7 = 0.7143;
    // 4 active people; backup Bram assigned → not high; 0.7143 ≥ 0.6 → medium
    expect(riskOf(k1.school)).toEqual({ risk: 'medium', topPerson: id.carla, topShare: 0.7143, activePeople: 4, sideTouchpoints: 7 });
    // partner side: Fenna in 09-04, 11-15, 01-10, 04-10, 05-22 (5 of 7), Erik in 01-10, 02-20, 06-14 (3);
    // 5/7 = 0.7143 < 0.8 → medium (and no backup yet)
    expect(riskOf(k1.partner)).toEqual({ risk: 'medium', topPerson: id.fenna, topShare: 0.7143, activePeople: 2, sideTouchpoints: 7 });

    const k2 = await api.query(`/partnerships/${p2.id}/key-person-risk`, A1);
    // school side: 09-15, 10-01 (Anna), 12-05, 02-10, 03-05 → 5; Gijs in 4 → 0.8; backup Bram → not high; ≥ 0.6 → medium
    expect(riskOf(k2.school)).toEqual({ risk: 'medium', topPerson: id.gijs, topShare: 0.8, activePeople: 2, sideTouchpoints: 5 });
    // partner side: Ivo in 09-15, 12-05, 02-10, 03-05 (4 of 5), Joke in 10-01, 12-05; 0.8 ≥ 0.8 and no partner backup → high
    expect(riskOf(k2.partner)).toEqual({ risk: 'high', topPerson: id.ivo, topShare: 0.8, activePeople: 2, sideTouchpoints: 5 });
  });

  it('levels report (region Twente): vmbo row', async () => {
    const report = await api.query('/reports/levels', A1, { region: 'Twente' });
    expect(levelRow(report, 'vmbo')).toEqual({
      level: 'vmbo',
      partnerships: 3, // P1, P2 (active) and P3 (ended 2024-02-01), all opened by A1
      byStage: { exploring: 0, agreed: 0, active: 2, paused: 0, ended: 1 },
      meanHealth: 81, // (91 + 71)/2 over P1, P2 (P3 ended)
      atRiskShare: 0, // 0 of 2
      dormantShare: 0, // 0 of 2
      formalAgreementShare: 1, // P1 MoU, P2 letter of intent: 2 of 2
      evaluatedShare: 0.5, // both older than 180 days; P1 evaluated 2024-01-10, P2 never: 1 of 2
      commitmentsKeptRatio: 0.625, // P1 (1 + 0.5) + P2 (1 + 0) = 2.5 over 2 + 2 = 4
      highKeyPersonRiskShare: 0, // school side medium in both
      // active P1: Carla, Daan (operational), Anna (strategic), Bram (tactical);
      // active P2: Gijs (operational; promoted to tactical only on 2025-03-01), Anna (strategic)
      // strategic 2/2, tactical 1/2 (P1 only), operational 2/2.
      // Known discrepancy: the API answers tactical 1, operational 0.5. The people projection starts the registered role
      // at the registration's recordedAt (2026), so the back-dated promotion (2025-03-01) sorts first in roleHistory and
      // tierAt() gives Gijs "tactical" for every date before 2025-03-01 as well.
      tierInvolvement: { strategic: 1, tactical: 0.5, operational: 1 },
      // not ended and 365+ days old: P1 and P2; neither held an activity kind in two school years by A1 (all in 2023-2024)
      recurringShare: 0,
    });
  });

  it('levels report (region Twente): mbo row', async () => {
    const report = await api.query('/reports/levels', A1, { region: 'Twente' });
    expect(levelRow(report, 'mbo')).toEqual({
      level: 'mbo',
      partnerships: 1, // P1 only
      byStage: { exploring: 0, agreed: 0, active: 1, paused: 0, ended: 0 },
      meanHealth: 91,
      atRiskShare: 0,
      dormantShare: 0,
      formalAgreementShare: 1,
      evaluatedShare: 1,
      commitmentsKeptRatio: 0.75, // 1.5 / 2
      highKeyPersonRiskShare: 0,
      tierInvolvement: { strategic: 1, tactical: 1, operational: 1 },
      // P1: internship and thank-you, both in 2023-2024
      recurringShare: 0,
    });
  });

  it("Bram's worklist (school backup of P1 and P2)", async () => {
    const worklist = await api.query('/worklist', A1, { personId: id.bram });
    expect(items(worklist)).toEqual([
      // Bram, P2's school backup since 2023-06-01, has taken part in nothing of P2 yet (his first: 2024-11-15)
      { type: 'involve_backup', partnershipId: p2.id, dueAt: day('2023-06-01'), overdue: true },
      // P2 never evaluated: due 180 days after opening, 2023-06-01 + 180 = 2023-11-28
      { type: 'evaluation_due', partnershipId: p2.id, dueAt: day('2023-11-28'), overdue: true },
      // d2 due 2024-06-15, still open at A1
      { type: 'commitment_overdue', partnershipId: p2.id, dueAt: day('2024-06-15'), overdue: true },
      // P2 active and no thank_you since 2024-06-01; due at the end of the school year
      { type: 'thank_you', partnershipId: p2.id, dueAt: '2024-07-31T23:59:59.999Z', overdue: false },
      // P1 MoU expires 2024-08-15, 46 ≤ 60 days ahead (P1 had its thank_you on 2024-06-14: no thank_you item)
      { type: 'agreement_expiring', partnershipId: p1.id, dueAt: day('2024-08-15'), overdue: false },
    ]);
    expect(worklist.items.find((item: any) => item.type === 'agreement_expiring').agreementId).toBe(id.mou);
    expect(worklist.items.find((item: any) => item.type === 'commitment_overdue').commitmentId).toBe(id.d2);
  });

  it("Erik's exposure: his departure would leave Fenna alone on Aalders' side", async () => {
    const exposure = await api.query(`/people/${id.erik}/exposure`, A1);
    expect(entries(exposure.primaryOf)).toEqual([]); // Fenna is the partner primary
    expect(entries(exposure.onlyActivePersonIn)).toEqual([]); // Fenna and Erik are active
    // without Erik: active partner people = Fenna only → high (was medium)
    expect(entries(exposure.departureImpact)).toEqual([{ partnershipId: p1.id, side: 'partner', becomes: 'high_risk' }]);
  });
});

// =====================================================================================================================
describe('A2 = 2025-05-15 (Gijs left on 2025-03-31, nobody took over yet)', () => {
  it('P2 continuity: school side orphaned', async () => {
    const c2 = await api.query(`/partnerships/${p2.id}/continuity`, A2);
    expect(continuityOf(c2.school)).toEqual({
      primary: null,
      backups: [{ personId: id.bram, since: day('2023-06-01'), tenureDays: 714 }],
      handovers: { allTime: 0, last3Years: 0 }, // no successor yet
      warmHandovers: 0,
      coldHandovers: 0,
      // window (2023-05-16, 2025-05-15] clipped to openedAt 2023-06-01; no primary from 2025-03-31: 45 days
      gapDays: 45,
      orphaned: true,
      orphanedSince: day('2025-03-31'),
      // (2024-05-15, 2025-05-15]: 11-15 (Bram, Gijs), 01-20 (Gijs), 02-18 (Gijs), 05-06 (Bram)
      distinctParticipants365: 2,
    });
  });

  it('P2 key-person risk: Bram is the only active school person', async () => {
    const k2 = await api.query(`/partnerships/${p2.id}/key-person-risk`, A2);
    // school-side touchpoints: 11-15, 01-20, 02-18, 05-06 → 4; Gijs has left → not counted; Bram in 11-15, 05-06 → 2/4
    expect(riskOf(k2.school)).toEqual({ risk: 'high', topPerson: id.bram, topShare: 0.5, activePeople: 1, sideTouchpoints: 4 });
  });

  it("Bram's worklist", async () => {
    const worklist = await api.query('/worklist', A2, { personId: id.bram });
    // P1: evaluation planned 2025-12-01 (not yet), recency d = 66 (I = 60): 100·(180 − 66)/120 = 95, coop agreement
    // until 2027, c3 broken 05-02, c4 not yet due, school risk low (Daan 3 of 6) → nothing.
    expect(items(worklist)).toEqual([
      { type: 'orphaned', partnershipId: p2.id, dueAt: day('2025-03-31'), overdue: true },
      // Key-person risk is high, but Bram is P2's backup: nobody is told to add one, least of all the backup (§3.5 R2).
    ]);
  });

  it("Bram's exposure", async () => {
    const exposure = await api.query(`/people/${id.bram}/exposure`, A2);
    expect(entries(exposure.primaryOf)).toEqual([]);
    expect(entries(exposure.onlyActivePersonIn)).toEqual([{ partnershipId: p2.id, side: 'school' }]);
    // P2 is already orphaned and already high-risk: nothing "becomes"; P1 without Bram: Daan 3/6, no backup → medium
    expect(entries(exposure.departureImpact)).toEqual([]);
  });
});

// =====================================================================================================================
describe('A3 = 2025-12-31', () => {
  it('P1 health: every component, score, status and trend', async () => {
    const health = await api.query(`/partnerships/${p1.id}/health`, A3);
    expect(scoresOf(health)).toEqual({
      // exchange since 2024-09-01: I = 60. Last touchpoint 2025-11-20: d = 41 ≤ 60 → 100
      recency: 100,
      // (2024-12-31, 2025-12-31]: 01-20, 03-10, 05-20, 06-20, 08-25, 10-15, 11-20 → 7; E = ceil(365/60) = 7 → 100
      cadence: 100,
      // last evaluation 2025-01-20: e = 345 ≤ 365 → 100
      evaluation: 100,
      // c1 due 2023-09-01 is outside (2024-01-01, 2025-12-31] and closed → out; c2 late, c3 broken, c4 open past due;
      // (0 + 0.5·1)/3 ·100 = 16.67 → 16.7
      commitments: 16.7,
      // cooperation agreement valid until 2027-08-01 → 100 (the MoU expired 2024-08-15)
      formalisation: 100,
      // interactions in the window: 03-10 school, 08-25 partner, 10-15 school → 3 < 4 → null
      reciprocity: null,
      // Daan and Fenna → 100
      continuity: 100,
      // evaluation 2025-01-20: ((9 + 8)/2 − 1)/9 ·100 = 7.5/9·100 = 83.33 → 83.3
      satisfaction: 83.3,
    });
    // (2500 + 1500 + 1500 + 15·16.7 + 1000 + 1000 + 5·83.3) / 95 = (2500 + 1500 + 1500 + 250.5 + 1000 + 1000 + 416.5)/95
    //   = 8167/95 = 85.97 → 86
    expect(health.score).toBe(86);
    expect(health.status).toBe('healthy');
    // at 2025-10-02 (I = 60): recency d = 38 (since 08-25) → 100; cadence window (2024-10-02, 2025-10-02]: 01-20, 03-10,
    // 05-20, 06-20, 08-25 → 5/7 → 71.4; evaluation e = 255 → 100; commitments c2 late, c3 broken (c4 due after 10-02,
    // unknown) → 0.5/2 → 25; formalisation 100; reciprocity 2 interactions → null; continuity 100; satisfaction 83.3.
    // (2500 + 15·71.4 + 1500 + 15·25 + 1000 + 1000 + 416.5)/95 = (2500 + 1071 + 1500 + 375 + 1000 + 1000 + 416.5)/95
    //   = 7862.5/95 = 82.76 → 83; trend = 86 − 83 = 3
    expect(health.trend).toBe(3);
    const commitments = health.components.find((c: Component) => c.name === 'commitments');
    expect(commitments.reason).toContain('0 kept on time, 1 late, 1 broken, 1 open past due');
  });

  it('P2 health: every component, score, status and trend', async () => {
    const health = await api.query(`/partnerships/${p2.id}/health`, A3);
    expect(scoresOf(health)).toEqual({
      // I = 90; last touchpoint 2025-06-24: d = 190; 100·(270 − 190)/180 = 44.44 → 44.4
      recency: 44.4,
      // (2024-12-31, 2025-12-31]: 01-20, 02-18, 05-06, 06-10, 06-24 → 5; E = 5 → 100
      cadence: 100,
      // last evaluation 2024-11-15: e = 411, between 365 and 545: 100·(545 − 411)/180 = 74.44 → 74.4
      evaluation: 74.4,
      // window (2024-01-01, 2025-12-31]: d1 on time, d2 late → (1 + 0.5)/2 → 75
      commitments: 75,
      // letter of intent expired 2025-10-01; stage active → 0
      formalisation: 0,
      // interactions: 01-20 s, 02-18 s, 05-06 s, 06-10 s, 06-24 p → p = 1/5 = 0.2 < 0.25: 100·min(0.2, 0.8)/0.25 = 80
      reciprocity: 80,
      // Hanna and Ivo → 100
      continuity: 100,
      // evaluation 2024-11-15 (411 ≤ 730 days): ((6 + 7)/2 − 1)/9 ·100 = 5.5/9·100 = 61.11 → 61.1
      satisfaction: 61.1,
    });
    // (25·44.4 + 15·100 + 15·74.4 + 15·75 + 10·0 + 5·80 + 10·100 + 5·61.1)/100
    //   = (1110 + 1500 + 1116 + 1125 + 0 + 400 + 1000 + 305.5)/100 = 65.565 → 66
    expect(health.score).toBe(66);
    expect(health.status).toBe('attention'); // 40 ≤ 66 < 70; last touchpoint 190 < 365 days ago: not dormant
    // at 2025-10-02: recency d = 100: 100·(270 − 100)/180 = 94.4; cadence (2024-10-02, 2025-10-02]: 11-15 + the 5 above
    // = 6 → 100; evaluation e = 321 → 100; commitments 75; formalisation: expired on 2025-10-01 → 0; reciprocity 80;
    // continuity 100; satisfaction 61.1.
    // (25·94.4 + 1500 + 1500 + 1125 + 0 + 400 + 1000 + 305.5)/100 = (2360 + 1500 + 1500 + 1125 + 400 + 1000 + 305.5)/100
    //   = 81.905 → 82; trend = 66 − 82 = −16
    expect(health.trend).toBe(-16);
    expect(health.components.find((c: Component) => c.name === 'recency').reason).toBe('last contact 190 days ago; expected every 90');
  });

  it('continuity per side', async () => {
    const c1 = await api.query(`/partnerships/${p1.id}/continuity`, A3);
    expect(continuityOf(c1.school)).toEqual({
      primary: { personId: id.daan, since: day('2024-11-01'), tenureDays: 425 },
      backups: [{ personId: id.bram, since: day('2023-03-01'), tenureDays: 1036 }],
      // Carla → Daan on 2024-11-01, within (2023-01-01, 2025-12-31]
      handovers: { allTime: 1, last3Years: 1 },
      warmHandovers: 1, // Daan took part on 2024-04-10 and 2024-10-01, before Carla was unassigned (2024-11-01)
      coldHandovers: 0,
      gapDays: 0,
      orphaned: false,
      orphanedSince: null,
      distinctParticipants365: 4, // Bram, Daan, Anna, Carla
    });
    expect(c1.school.handoverLog).toEqual([
      expect.objectContaining({ at: day('2024-11-01'), from: expect.objectContaining({ personId: id.carla }), to: expect.objectContaining({ personId: id.daan }), warm: true }),
    ]);
    expect(continuityOf(c1.partner)).toEqual({
      primary: { personId: id.fenna, since: day('2023-01-16'), tenureDays: 1080 },
      backups: [{ personId: id.erik, since: day('2024-09-01'), tenureDays: 486 }],
      handovers: { allTime: 0, last3Years: 0 },
      warmHandovers: 0,
      coldHandovers: 0,
      gapDays: 0,
      orphaned: false,
      orphanedSince: null,
      distinctParticipants365: 2,
    });

    const c2 = await api.query(`/partnerships/${p2.id}/continuity`, A3);
    expect(continuityOf(c2.school)).toEqual({
      primary: { personId: id.hanna, since: day('2025-06-01'), tenureDays: 213 },
      backups: [{ personId: id.bram, since: day('2023-06-01'), tenureDays: 944 }],
      handovers: { allTime: 1, last3Years: 1 }, // Gijs → Hanna
      warmHandovers: 0,
      coldHandovers: 1, // Hanna had no touchpoint on or before 2025-03-31, when Gijs was unassigned
      // window (2024-01-01, 2025-12-31]: no primary from 2025-03-31 to 2025-06-01 = 62 days
      gapDays: 62,
      orphaned: false,
      orphanedSince: null,
      distinctParticipants365: 3, // Gijs (01-20, 02-18; left since, still a participant), Bram, Hanna
    });
    expect(continuityOf(c2.partner)).toEqual({
      primary: { personId: id.ivo, since: day('2023-06-01'), tenureDays: 944 },
      backups: [],
      handovers: { allTime: 0, last3Years: 0 },
      warmHandovers: 0,
      coldHandovers: 0,
      gapDays: 0,
      orphaned: false,
      orphanedSince: null,
      distinctParticipants365: 1, // Ivo (Joke's last touchpoint is 2024-11-15)
    });
  });

  it('key-person risk per side', async () => {
    const k1 = await api.query(`/partnerships/${p1.id}/key-person-risk`, A3);
    // school: 01-20 (Bram, Daan), 03-10, 05-20, 06-20 (Anna, Daan), 08-25, 10-15 (Daan, Bram), 11-20 (Daan, Carla) → 7,
    // Daan in all 7 → 1; 4 active; backup Bram → not high; ≥ 0.6 → medium
    expect(riskOf(k1.school)).toEqual({ risk: 'medium', topPerson: id.daan, topShare: 1, activePeople: 4, sideTouchpoints: 7 });
    // partner: Fenna in 01-20, 03-10, 08-25, 10-15 (4), Erik in 05-20, 06-20, 11-20 (3) of 7; 4/7 = 0.5714 < 0.6,
    // backup Erik assigned → low
    expect(riskOf(k1.partner)).toEqual({ risk: 'low', topPerson: id.fenna, topShare: 0.5714, activePeople: 2, sideTouchpoints: 7 });

    const k2 = await api.query(`/partnerships/${p2.id}/key-person-risk`, A3);
    // school: 01-20 (Gijs), 02-18 (Gijs), 05-06 (Bram), 06-10 (Hanna), 06-24 (Hanna) → 5; Gijs left: not active;
    // Hanna 2/5 = 0.4; 2 active (Bram, Hanna); backup Bram → low
    expect(riskOf(k2.school)).toEqual({ risk: 'low', topPerson: id.hanna, topShare: 0.4, activePeople: 2, sideTouchpoints: 5 });
    // partner: Ivo in all 5, the only one → high
    expect(riskOf(k2.partner)).toEqual({ risk: 'high', topPerson: id.ivo, topShare: 1, activePeople: 1, sideTouchpoints: 5 });
  });

  it('levels report (region Twente): vmbo row', async () => {
    const report = await api.query('/reports/levels', A3, { region: 'Twente' });
    expect(levelRow(report, 'vmbo')).toEqual({
      level: 'vmbo',
      partnerships: 3,
      byStage: { exploring: 0, agreed: 0, active: 2, paused: 0, ended: 1 },
      meanHealth: 76, // (86 + 66)/2
      atRiskShare: 0, // P2 is "attention"
      dormantShare: 0,
      formalAgreementShare: 0.5, // P1 cooperation agreement; P2's letter of intent expired 2025-10-01
      evaluatedShare: 0.5, // P1 (2025-01-20) yes, P2 (2024-11-15, 411 days ago) no
      commitmentsKeptRatio: 0.4, // P1 0.5 of 3 + P2 1.5 of 2 = 2/5
      highKeyPersonRiskShare: 0, // school side: P1 medium, P2 low
      // P1: Anna (strategic, 06-20), Bram (tactical), Daan and Carla (operational);
      // P2: Bram, Hanna (tactical), Gijs (operational on 01-20 and 02-18: promoted to tactical only on 2025-03-01)
      // strategic 1/2, tactical 2/2, operational 2/2.
      // Known discrepancy (see A1): the API counts Gijs as tactical on 01-20 and 02-18 and answers operational 0.5.
      tierInvolvement: { strategic: 0.5, tactical: 1, operational: 1 },
      // P1 held thank-you in 2023-2024 and 2024-2025 (recurring); P2 both its activities in 2023-2024: 1 of 2
      recurringShare: 0.5,
    });
  });

  it('levels report (region Twente): mbo row', async () => {
    const report = await api.query('/reports/levels', A3, { region: 'Twente' });
    expect(levelRow(report, 'mbo')).toEqual({
      level: 'mbo',
      partnerships: 1, // P1 only
      byStage: { exploring: 0, agreed: 0, active: 1, paused: 0, ended: 0 },
      meanHealth: 86,
      atRiskShare: 0,
      dormantShare: 0,
      formalAgreementShare: 1,
      evaluatedShare: 1,
      commitmentsKeptRatio: 0.1667, // 0.5 / 3
      highKeyPersonRiskShare: 0,
      tierInvolvement: { strategic: 1, tactical: 1, operational: 1 },
      // P1: thank-you in 2023-2024 and 2024-2025
      recurringShare: 1,
    });
  });

  it("Bram's worklist", async () => {
    const worklist = await api.query('/worklist', A3, { personId: id.bram });
    expect(items(worklist)).toEqual([
      // P2: last evaluation 2024-11-15 + 365 days = 2025-11-15
      { type: 'evaluation_due', partnershipId: p2.id, dueAt: day('2025-11-15'), overdue: true },
      // P1: c4 due 2025-11-30, open
      { type: 'commitment_overdue', partnershipId: p1.id, dueAt: day('2025-11-30'), overdue: true },
      // P1: planned at the evaluation of 2025-01-20 for 2025-12-01 (before the yearly 2026-01-20)
      { type: 'evaluation_due', partnershipId: p1.id, dueAt: day('2025-12-01'), overdue: true },
      // P2: recency 44.4 < 50; fell below 50 at last contact + 2I = 2025-06-24 + 180 days = 2025-12-21
      { type: 'contact_drifting', partnershipId: p2.id, dueAt: day('2025-12-21'), overdue: true },
    ]);
    expect(worklist.items[1].commitmentId).toBe(id.c4);
  });

  it("Hanna's and Daan's exposure: each is a primary whose departure orphans a side", async () => {
    const hanna = await api.query(`/people/${id.hanna}/exposure`, A3);
    expect(entries(hanna.primaryOf)).toEqual([{ partnershipId: p2.id, side: 'school' }]);
    expect(entries(hanna.onlyActivePersonIn)).toEqual([]); // Bram is active too (05-06)
    expect(entries(hanna.departureImpact)).toEqual([{ partnershipId: p2.id, side: 'school', becomes: 'orphaned' }]);

    const daan = await api.query(`/people/${id.daan}/exposure`, A3);
    expect(entries(daan.primaryOf)).toEqual([{ partnershipId: p1.id, side: 'school' }]);
    expect(entries(daan.onlyActivePersonIn)).toEqual([]);
    expect(entries(daan.departureImpact)).toEqual([{ partnershipId: p1.id, side: 'school', becomes: 'orphaned' }]);
  });
});
