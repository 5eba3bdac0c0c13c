import { OrganisationFacts } from '../facts/organisation-facts';
import { ago, ASOF, later, lookup, partnership, person } from '../../test/facts-builder';
import { healthAt } from './health';
import { levelsReport, OrganisationLookup } from './levels-report';

const SCHOOL_1 = 'org-school';
const SCHOOL_2 = 'org-school-2';

const organisation = (organisationId: string, region: string): OrganisationFacts => ({
  _id: organisationId,
  organisationId,
  name: organisationId,
  kind: 'school',
  levels: [],
  region,
  registeredAt: ago(5000),
  searchKeys: [],
  position: 0,
});
const organisations: OrganisationLookup = (id) =>
  ({ [SCHOOL_1]: organisation(SCHOOL_1, 'Utrecht'), [SCHOOL_2]: organisation(SCHOOL_2, 'Noord') })[id];

const people = lookup(
  person('sd', { tier: 'strategic' }),
  person('st', { tier: 'tactical' }),
  person('so', { tier: 'operational' }),
  // operational until 100 days ago, strategic since
  person('tt', { tier: 'operational', registeredAt: ago(1000), tierChanges: [{ tier: 'strategic', from: ago(100) }] }),
  person('n1', { organisationId: SCHOOL_2, tier: 'operational' }),
  person('pp', { side: 'partner' }),
);

/**
 * P1 vmbo+havo, active, exchange, 400 days old: every component at 100 except commitments (1 on time, 1 late: 75)
 * → (10000 − 15·25)/100 = 96.25 → 96, healthy; all three tiers; school key-person risk medium (so in every touchpoint, backup st).
 */
const p1 = partnership({ id: 'p1', openedAt: ago(400), stage: 'active', levels: ['vmbo', 'havo'], intensity: 'exchange' })
  .contact('school', 'so', 'primary', ago(400))
  .contact('school', 'st', 'backup', ago(400))
  .contact('partner', 'pp', 'primary', ago(400))
  .interaction(ago(10), { by: 'partner', with: ['so', 'sd', 'pp'] })
  .interaction(ago(60), { with: ['so', 'st', 'pp'] })
  .interaction(ago(110), { by: 'partner', with: ['so', 'pp'] })
  .interaction(ago(160), { with: ['so', 'pp'] })
  .interaction(ago(210), { by: 'partner', with: ['so', 'pp'] })
  .interaction(ago(260), { with: ['so', 'pp'] })
  .interaction(ago(310), { with: ['so', 'pp'] })
  .evaluation(ago(100), { school: 10, partner: 10 })
  .agreement('mou', ago(300))
  .commitment(ago(200), { status: 'fulfilled', closedAt: ago(201) })
  .commitment(ago(100), { status: 'fulfilled', closedAt: ago(90) })
  .build();

/**
 * P2 vmbo, agreed, aligned, 800 days old, last touchpoint 400 days ago: dormant. Only continuity (school primary: 50)
 * scores: 500 / 90 = 5.6 → 6. One commitment open past due. School key-person risk high (nobody active).
 */
const p2 = partnership({ id: 'p2', openedAt: ago(800), stage: 'agreed', levels: ['vmbo', 'vmbo'], intensity: 'aligned' })
  .contact('school', 'so', 'primary', ago(800))
  .interaction(ago(400), { with: ['so'] })
  .commitment(ago(50))
  .build();

/**
 * P3 mbo at school 2 (Noord), exploring, 100 days old, so cadence expects ceil(100 / 60) = 2 (SPEC §3.1 R2):
 * (2500 + 15·50 + 1500)/65 = 73.1 → 73, healthy; risk high.
 */
const p3 = partnership({ id: 'p3', openedAt: ago(100), levels: ['mbo'], schoolId: SCHOOL_2 }).interaction(ago(5), { with: ['n1'] }).build();

/** P4 vmbo, ended 10 days ago: counted, but in no health figure. */
const p4 = partnership({ id: 'p4', openedAt: ago(500), stage: 'active', levels: ['vmbo'] }).interaction(ago(20), { with: ['so'] }).ended(ago(10)).build();

/** P5 havo, opened after asOf: not counted. */
const p5 = partnership({ id: 'p5', openedAt: later(10), levels: ['havo'] }).build();

/**
 * P6 vmbo, active, placement, 200 days old (so E = ceil(200 / 120) = 2), never evaluated; open-ended contract: recency
 * 100, cadence 100, evaluation 0, formalisation 100, continuity 100 → 6000/75 = 80, healthy. Tom: operational at the activity,
 * strategic at the interaction. School key-person risk high (Tom alone).
 */
const p6 = partnership({ id: 'p6', openedAt: ago(200), stage: 'active', levels: ['vmbo'], intensity: 'placement' })
  .contact('school', 'tt', 'primary', ago(200))
  .contact('partner', 'pp', 'primary', ago(200))
  .activity(ago(150), { with: ['tt'] })
  .agreement('contract', ago(100))
  .interaction(ago(30), { with: ['tt', 'pp'] })
  .build();

const all = [p1, p2, p3, p4, p5, p6];

describe('levels report', () => {
  it('agrees with the hand-computed health scores', () => {
    expect([p1, p2, p3, p6].map((facts) => [healthAt(facts, people, ASOF).score, healthAt(facts, people, ASOF).status])).toEqual([
      [96, 'healthy'],
      [6, 'dormant'],
      [73, 'healthy'],
      [80, 'healthy'],
    ]);
  });

  const report = levelsReport(all, people, organisations, ASOF);
  const row = (level: string) => report.levels.find((one) => one.level === level);

  it('lists every level, with nulls where nothing can be divided', () => {
    expect(report.levels.map((one) => one.level)).toEqual(['po', 'vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'wo']);
    expect(row('po')).toMatchObject({ partnerships: 0, meanHealth: null, atRiskShare: null, commitmentsKeptRatio: null, tierInvolvement: { strategic: null } });
  });

  it('computes vmbo by hand (P1, P2, P4, P6; P2 counted once)', () => {
    expect(row('vmbo')).toMatchObject({
      partnerships: 4,
      byStage: { exploring: 0, agreed: 1, active: 2, paused: 0, ended: 1 },
      meanHealth: 60.7, // (96 + 6 + 80) / 3
      atRiskShare: 0,
      dormantShare: 0.3333,
      formalAgreementShare: 0.6667, // P1 mou, P6 contract; P2 none
      evaluatedShare: 0.3333, // P1 of P1, P2, P6
      commitmentsKeptRatio: 0.5, // (1 + 0.5 + 0) / 3
      highKeyPersonRiskShare: 0.6667, // P2, P6
      tierInvolvement: { strategic: 1, tactical: 0.5, operational: 1 }, // P1 all, P6 operational + strategic
    });
  });

  it('computes havo and mbo by hand', () => {
    expect(row('havo')).toMatchObject({
      partnerships: 1,
      meanHealth: 96,
      atRiskShare: 0,
      dormantShare: 0,
      formalAgreementShare: 1,
      evaluatedShare: 1,
      commitmentsKeptRatio: 0.75,
      highKeyPersonRiskShare: 0,
      tierInvolvement: { strategic: 1, tactical: 1, operational: 1 },
    });
    expect(row('mbo')).toMatchObject({
      partnerships: 1,
      byStage: { exploring: 1 },
      meanHealth: 73,
      atRiskShare: 0,
      formalAgreementShare: null,
      evaluatedShare: null,
      commitmentsKeptRatio: null,
      highKeyPersonRiskShare: 1,
      tierInvolvement: { strategic: null, tactical: null, operational: null },
    });
  });

  it('explains what each figure is over', () => {
    expect(row('vmbo')?.reasons.meanHealth).toBe('mean health score over the 3 partnerships not ended');
    // Every figure with a reason has a code, worded with the row's params.
    expect(Object.keys(row('vmbo')?.reasonCodes ?? {})).toEqual(Object.keys(row('vmbo')?.reasons ?? {}));
    expect(row('vmbo')?.reasonCodes.meanHealth).toBe('levels.mean_health');
    expect(row('vmbo')?.reasonParams).toMatchObject({ current: 3 });
  });

  it('filters by school and by region of the school', () => {
    const noord = levelsReport(all, people, organisations, ASOF, { region: ' noord ' });
    expect(noord.levels.find((one) => one.level === 'mbo')?.partnerships).toBe(1);
    expect(noord.levels.find((one) => one.level === 'vmbo')?.partnerships).toBe(0);
    const school1 = levelsReport(all, people, organisations, ASOF, { schoolId: SCHOOL_1, levels: ['mbo', 'vmbo'] });
    expect(school1.levels.map((one) => [one.level, one.partnerships])).toEqual([
      ['mbo', 0],
      ['vmbo', 4],
    ]);
  });

  it('gives the state of a past date', () => {
    // 15 days ago: P4 not yet ended; P6 unchanged.
    const past = levelsReport(all, people, organisations, ago(15));
    expect(past.levels.find((one) => one.level === 'vmbo')?.byStage).toMatchObject({ active: 3, ended: 0 });
  });
});
