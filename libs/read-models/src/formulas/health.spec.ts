import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { ago, ASOF, later, lookup, partnership, person } from '../../test/facts-builder';
import { DEFAULT_HEALTH_CONFIG, HealthComponentName, healthConfig } from './config';
import { healthAt, healthFigures, partnershipHealth, weightedScore } from './health';

const noPeople: PeopleLookup = lookup();
const component = (facts: PartnershipFacts, name: HealthComponentName, asOf = ASOF, people = noPeople) => {
  const found = healthAt(facts, people, asOf).components.find((one) => one.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const score = (facts: PartnershipFacts, name: HealthComponentName, asOf = ASOF) => component(facts, name, asOf).score;

describe('recency (I = 60 for exchange)', () => {
  const lastContact = (days: number) => partnership({ intensity: 'exchange' }).interaction(ago(days)).build();

  it.each([
    [0, 100],
    [60, 100],
    [61, 99.2],
    [120, 50],
    [179, 0.8],
    [180, 0],
    [300, 0],
  ])('%i days since the last touchpoint scores %d', (days, expected) => {
    expect(score(lastContact(days), 'recency')).toBe(expected);
  });

  it('explains itself in days against the expected interval', () => {
    expect(component(lastContact(143), 'recency').reason).toBe('last contact 143 days ago; expected every 60');
  });

  it('counts from the opening until the first touchpoint (SPEC §3.1 R2)', () => {
    expect(component(partnership({ openedAt: ago(400) }).build(), 'recency')).toMatchObject({ score: 0, reason: 'no contact yet; opened 400 days ago; expected every 60' });
    expect(component(partnership({ openedAt: ago(10) }).build(), 'recency')).toMatchObject({ score: 100, reason: 'no contact yet; opened 10 days ago; expected every 60' });
    expect(score(partnership({ openedAt: ago(120) }).build(), 'recency')).toBe(50);
  });

  it('uses the intensity at asOf and ignores touchpoints after asOf', () => {
    const facts = partnership({ intensity: 'placement' }).interaction(ago(100)).intensity('innovation', ago(50)).interaction(later(1)).build();
    // innovation: I = 30, 3I = 90: 100 days is beyond 3I.
    expect(score(facts, 'recency')).toBe(0);
    // 60 days earlier the partnership was still `placement` (I = 120) and the last contact 40 days old.
    expect(score(facts, 'recency', ago(60))).toBe(100);
  });

  it('takes activities, evaluations and agreements as touchpoints', () => {
    expect(score(partnership().activity(ago(10)).build(), 'recency')).toBe(100);
    expect(score(partnership().evaluation(ago(10)).build(), 'recency')).toBe(100);
    expect(score(partnership().agreement('mou', ago(10)).build(), 'recency')).toBe(100);
  });
});

describe('cadence (exchange: E = ceil(365 / 60) = 7)', () => {
  const withTouchpoints = (days: number[]) => partnership({ openedAt: ago(800) }).interactions(days).build();

  it.each([
    [[], 0],
    [[10, 50, 100], 42.9],
    [[10, 50, 100, 150, 200, 250, 300], 100],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 100],
  ])('touchpoints %j days ago score %d', (days, expected) => {
    expect(score(withTouchpoints(days), 'cadence')).toBe(expected);
  });

  it('counts the window (asOf − 365 days, asOf]', () => {
    expect(score(withTouchpoints([365]), 'cadence')).toBe(0);
    expect(score(withTouchpoints([364]), 'cadence')).toBe(14.3);
    expect(component(withTouchpoints([364]), 'cadence').reason).toBe('1 touchpoint in the last 365 days; expected 7 (one every 60 days)');
  });
});

describe('cadence of a young partnership (SPEC §3.1 R2)', () => {
  it('is not judged (null) while the partnership is younger than the expected interval', () => {
    expect(component(partnership({ intensity: 'exchange', openedAt: ago(59) }).build(), 'cadence')).toMatchObject({
      score: null,
      reason: 'the partnership is 59 days old; cadence is judged from day 60 (one contact every 60 days)',
    });
  });

  it('expects E = ceil(age / I) between I days and a year old', () => {
    expect(score(partnership({ intensity: 'exchange', openedAt: ago(60) }).build(), 'cadence')).toBe(0);
    expect(score(partnership({ intensity: 'exchange', openedAt: ago(60) }).interaction(ago(5)).build(), 'cadence')).toBe(100);
    const halfYear = partnership({ intensity: 'exchange', openedAt: ago(180) }).interactions([10, 70]).build();
    expect(component(halfYear, 'cadence')).toMatchObject({ score: 66.7, reason: '2 touchpoints since the opening 180 days ago; expected 3 (one every 60 days)' });
    expect(component(partnership({ intensity: 'exchange', openedAt: ago(365) }).interactions([10, 70]).build(), 'cadence').reason).toBe(
      '2 touchpoints in the last 365 days; expected 7 (one every 60 days)',
    );
  });
});

describe('evaluation', () => {
  const evaluated = (days: number) => partnership({ openedAt: ago(1000) }).evaluation(ago(days)).build();

  it.each([
    [0, 100],
    [365, 100],
    [366, 99.4],
    [455, 50],
    [544, 0.6],
    [545, 0],
    [700, 0],
  ])('last evaluation %i days ago scores %d', (days, expected) => {
    expect(score(evaluated(days), 'evaluation')).toBe(expected);
  });

  it('needs no evaluation while the partnership is younger than 180 days', () => {
    expect(score(partnership({ openedAt: ago(179) }).build(), 'evaluation')).toBe(100);
    expect(score(partnership({ openedAt: ago(180) }).build(), 'evaluation')).toBe(0);
    expect(component(partnership({ openedAt: ago(200) }).build(), 'evaluation').reason).toBe('never evaluated; the partnership is 200 days old');
  });
});

describe('commitments', () => {
  const base = () => partnership({ openedAt: ago(1000) });

  it('is null without commitments due', () => {
    expect(score(base().build(), 'commitments')).toBeNull();
    expect(score(base().commitment(later(10)).build(), 'commitments')).toBeNull();
  });

  it('counts on time 1, late 0.5, broken 0, open past due 0', () => {
    expect(score(base().commitment(ago(10), { status: 'fulfilled', closedAt: ago(12) }).build(), 'commitments')).toBe(100);
    expect(score(base().commitment(ago(10), { status: 'fulfilled', closedAt: ago(10) }).build(), 'commitments')).toBe(100);
    expect(score(base().commitment(ago(10), { status: 'fulfilled', closedAt: ago(5) }).build(), 'commitments')).toBe(50);
    expect(score(base().commitment(ago(10), { status: 'broken', closedAt: ago(5) }).build(), 'commitments')).toBe(0);
    expect(score(base().commitment(ago(10)).build(), 'commitments')).toBe(0);
    const mixed = base()
      .commitment(ago(100), { status: 'fulfilled', closedAt: ago(101) })
      .commitment(ago(50), { status: 'fulfilled', closedAt: ago(40) })
      .commitment(ago(20), { status: 'broken', closedAt: ago(20) })
      .commitment(ago(5))
      .build();
    expect(component(mixed, 'commitments')).toEqual({
      name: 'commitments',
      score: 37.5,
      weight: 15,
      reason: '4 commitments due in the last 730 days or still open past due: 1 kept on time, 1 late, 1 broken, 1 open past due',
      reasonCode: 'commitments.tally',
      reasonParams: { windowDays: 730, total: 4, onTime: 1, late: 1, broken: 1, openPastDue: 1, cancelled: 0 },
    });
  });

  it('leaves cancelled commitments out of the ratio', () => {
    const facts = base()
      .commitment(ago(30), { status: 'fulfilled', closedAt: ago(31) })
      .commitment(ago(20), { status: 'cancelled', closedAt: ago(25) })
      .build();
    expect(component(facts, 'commitments')).toMatchObject({ score: 100, reason: expect.stringContaining('1 cancelled left out') });
    expect(score(base().commitment(ago(20), { status: 'cancelled', closedAt: ago(25) }).build(), 'commitments')).toBeNull();
  });

  it('takes commitments due in the last 730 days, plus older ones still open', () => {
    expect(score(base().commitment(ago(730), { status: 'broken', closedAt: ago(700) }).build(), 'commitments')).toBeNull();
    expect(score(base().commitment(ago(729), { status: 'broken', closedAt: ago(700) }).build(), 'commitments')).toBe(0);
    expect(score(base().commitment(ago(900)).commitment(ago(10), { status: 'fulfilled', closedAt: ago(11) }).build(), 'commitments')).toBe(50);
  });

  it('counts a commitment fulfilled after asOf as open at asOf', () => {
    const facts = base().commitment(ago(10), { status: 'fulfilled', closedAt: later(5) }).build();
    expect(score(facts, 'commitments')).toBe(0);
    expect(score(facts, 'commitments', later(6))).toBe(50);
  });
});

describe('formalisation', () => {
  const active = () => partnership({ openedAt: ago(500), stage: 'active' });

  it('is 100 with a valid formal agreement, open-ended or lasting beyond 60 days', () => {
    expect(score(active().agreement('mou', ago(100)).build(), 'formalisation')).toBe(100);
    expect(score(active().agreement('contract', ago(100), { validUntil: later(61) }).build(), 'formalisation')).toBe(100);
  });

  it('is 60 when the agreement expires within 60 days', () => {
    const facts = active().agreement('cooperation_agreement', ago(300), { validUntil: later(30) }).build();
    expect(component(facts, 'formalisation')).toMatchObject({ score: 60, reason: expect.stringContaining('expires 2025-03-31, in 30 days') });
    expect(score(active().agreement('contract', ago(100), { validUntil: later(60) }).build(), 'formalisation')).toBe(60);
  });

  it('prefers an agreement that lasts over one that expires', () => {
    const facts = active().agreement('mou', ago(300), { validUntil: later(10) }).agreement('contract', ago(5), { validUntil: later(400) }).build();
    expect(score(facts, 'formalisation')).toBe(100);
  });

  it('is 0 when the only agreement was terminated, expired or is a learning agreement', () => {
    expect(score(active().agreement('mou', ago(100), { terminatedAt: ago(10) }).build(), 'formalisation')).toBe(0);
    expect(score(active().agreement('mou', ago(100), { validUntil: ago(1) }).build(), 'formalisation')).toBe(0);
    expect(score(active().agreement('learning_agreement', ago(100)).build(), 'formalisation')).toBe(0);
  });

  it('reads the agreement as it stood at asOf', () => {
    const facts = active().agreement('mou', ago(100), { terminatedAt: later(10) }).build();
    expect(score(facts, 'formalisation')).toBe(100);
    expect(score(facts, 'formalisation', later(10))).toBe(0);
    expect(score(facts, 'formalisation', ago(101))).toBe(0);
  });

  it('is null while exploring (the stage at asOf)', () => {
    const facts = partnership({ openedAt: ago(500) }).stage('agreed', ago(100)).build();
    expect(score(facts, 'formalisation')).toBe(0);
    expect(component(facts, 'formalisation', ago(101))).toMatchObject({ score: null, reason: 'no formal agreement; none expected while exploring' });
  });
});

describe('reciprocity', () => {
  const initiated = (by: ('school' | 'partner')[]) => partnership().interactions(by.map((_, index) => index + 1), by).build();

  it('is null with fewer than 4 interactions in the last 365 days', () => {
    expect(component(initiated(['school', 'partner', 'partner']), 'reciprocity')).toMatchObject({
      score: null,
      reason: '3 interactions in the last 365 days; at least 4 needed to judge',
    });
  });

  it('counts only interactions, not other touchpoints', () => {
    const facts = partnership().interactions([1, 2, 3], 'partner').activity(ago(4)).evaluation(ago(5)).build();
    expect(score(facts, 'reciprocity')).toBeNull();
  });

  it.each([
    [['partner', 'school', 'school', 'school'], 100], // p = 0.25
    [['partner', 'partner', 'partner', 'school'], 100], // p = 0.75
    [['partner', 'partner', 'school', 'school'], 100], // p = 0.5
    [['school', 'school', 'school', 'school'], 0], // p = 0
    [['partner', 'partner', 'partner', 'partner'], 0], // p = 1
  ] as const)('initiated by %j scores %d', (by, expected) => {
    expect(score(initiated([...by]), 'reciprocity')).toBe(expected);
  });

  it('is 40 at p = 0.1 and at p = 0.9', () => {
    const tenth: ('school' | 'partner')[] = ['partner', ...Array<'school'>(9).fill('school')];
    expect(component(initiated(tenth), 'reciprocity')).toMatchObject({ score: 40, reason: 'the partner initiated 1 of 10 interactions in the last 365 days (10%)' });
    expect(score(initiated(tenth.map((side) => (side === 'school' ? 'partner' : 'school'))), 'reciprocity')).toBe(40);
  });
});

describe('continuity component', () => {
  const people = lookup(person('t', { name: 'Tess' }), person('p', { side: 'partner', name: 'Piet' }));

  it('is 100 with a primary on both sides, 50 on one, 0 on none', () => {
    const both = partnership().contact('school', 't', 'primary', ago(100)).contact('partner', 'p', 'primary', ago(100)).build();
    const one = partnership().contact('school', 't', 'primary', ago(100)).contact('partner', 'p', 'backup', ago(100)).build();
    const none = partnership().contact('school', 't', 'primary', ago(100), { to: ago(10) }).build();
    expect(component(both, 'continuity', ASOF, people)).toMatchObject({ score: 100, reason: 'primary contact on both sides (school: Tess; partner: Piet)' });
    expect(component(one, 'continuity', ASOF, people).score).toBe(50);
    expect(component(none, 'continuity', ASOF, people).score).toBe(0);
    expect(component(none, 'continuity', ago(11), people).score).toBe(50);
  });
});

describe('satisfaction', () => {
  it('rates the latest evaluation within 730 days on 0–100', () => {
    const facts = partnership({ openedAt: ago(1000) }).evaluation(ago(800), { school: 2, partner: 2 }).evaluation(ago(730), { school: 8, partner: 6 }).build();
    expect(component(facts, 'satisfaction')).toMatchObject({ score: 66.7, reason: 'evaluation of 2023-03-02: school 8, partner 6 out of 10' });
    expect(score(partnership().evaluation(ago(10), { school: 10, partner: 10 }).build(), 'satisfaction')).toBe(100);
    expect(score(partnership().evaluation(ago(10), { school: 1, partner: 1 }).build(), 'satisfaction')).toBe(0);
  });

  it('is null without an evaluation in the last 730 days', () => {
    expect(score(partnership({ openedAt: ago(1000) }).evaluation(ago(731)).build(), 'satisfaction')).toBeNull();
    expect(score(partnership().build(), 'satisfaction')).toBeNull();
  });
});

describe('score, status and trend', () => {
  const people = lookup(person('t'), person('p', { side: 'partner' }));

  it('is the rounded weighted mean of the applicable components', () => {
    // exchange (I = 60), active, 400 days old, school primary only; touchpoints: mou 300 days ago, interaction 200,
    // evaluation 90 (school 7, partner 9); no commitments; fewer than 4 interactions.
    const facts = partnership({ openedAt: ago(400), stage: 'active' })
      .contact('school', 't', 'primary', ago(400))
      .agreement('mou', ago(300))
      .interaction(ago(200))
      .evaluation(ago(90), { school: 7, partner: 9 })
      .build();
    const health = healthAt(facts, people, ASOF);
    expect(health.components.map((one) => [one.name, one.score, one.weight])).toEqual([
      ['recency', 75, 25], // 100·(180 − 90)/120
      ['cadence', 42.9, 15], // 3 of 7
      ['evaluation', 100, 15],
      ['commitments', null, 15],
      ['formalisation', 100, 10],
      ['reciprocity', null, 5],
      ['continuity', 50, 10],
      ['satisfaction', 77.8, 5], // ((7 + 9)/2 − 1)/9
    ]);
    // (25·75 + 15·42.9 + 15·100 + 10·100 + 10·50 + 5·77.8) / 80 = 5907.5 / 80 = 73.8
    expect(health).toMatchObject({ score: 74, status: 'healthy', reason: 'score 74 ≥ 70' });
  });

  it('marks ≥ 70 healthy, 40–69 attention, < 40 at_risk', () => {
    const healthy = partnership({ openedAt: ago(100) }).contact('school', 't', 'primary', ago(100)).contact('partner', 'p', 'primary', ago(100)).interactions([5, 30, 60]).build();
    expect(healthAt(healthy, people, ASOF)).toMatchObject({ status: 'healthy' });
    const lowScore = partnership({ openedAt: ago(300), stage: 'active' }).interaction(ago(150)).build();
    expect(healthAt(lowScore, people, ASOF)).toMatchObject({ status: 'at_risk', reason: expect.stringMatching(/below 40/) });
    expect(weightedScore([{ score: 69.4, weight: 1 }])).toBe(69);
  });

  it('is attention between 40 and 69', () => {
    // recency 100 (25), cadence 1 of ceil(100 / 60) = 2: 50 (15), evaluation 100 (15), formalisation 0 (10), continuity 0 (10): 4750 / 75 → 63.
    const facts = partnership({ openedAt: ago(100), stage: 'agreed' }).interaction(ago(10)).build();
    expect(healthAt(facts, people, ASOF)).toMatchObject({ score: 63, status: 'attention' });
  });

  it('is dormant without a touchpoint in 365 days, counting from the opening', () => {
    const silent = partnership({ openedAt: ago(800) }).interaction(ago(365)).build();
    expect(healthAt(silent, people, ASOF)).toMatchObject({ status: 'dormant', reason: 'no touchpoint in the last 365 days (last on 2024-03-01)' });
    expect(healthAt(partnership({ openedAt: ago(800) }).interaction(ago(364)).build(), people, ASOF).status).not.toBe('dormant');
    expect(healthAt(partnership({ openedAt: ago(364) }).build(), people, ASOF).status).toBe('at_risk');
    expect(healthAt(partnership({ openedAt: ago(365) }).build(), people, ASOF).status).toBe('dormant');
  });

  it('is ended from endedAt on', () => {
    const facts = partnership({ openedAt: ago(400) }).interaction(ago(20)).ended(ago(10), 'project finished').build();
    expect(healthAt(facts, people, ASOF)).toMatchObject({ status: 'ended', reason: 'ended on 2025-02-19 (project finished)' });
    expect(healthAt(facts, people, ago(11)).status).not.toBe('ended');
  });

  it('reports not_opened before the opening', () => {
    expect(healthAt(partnership({ openedAt: later(5) }).build(), people, ASOF)).toMatchObject({ score: null, status: 'not_opened', components: [] });
  });

  it('has trend = score(asOf) − score(asOf − 90 days)', () => {
    const facts = partnership({ openedAt: ago(400) }).interaction(ago(100)).interaction(ago(5)).build();
    const report = partnershipHealth(facts, people, ASOF);
    const before = healthAt(facts, people, ago(90)).score as number;
    expect(report.trend).toBe((report.score as number) - before);
    expect(report.trendReason).toBe(`score ${report.score} on 2025-03-01, ${before} on 2024-12-01`);
    expect(partnershipHealth(partnership({ openedAt: ago(30) }).build(), people, ASOF)).toMatchObject({ trend: null });
  });

  it('gives lists and histories the figures partnershipHealth gives, without its reasons', () => {
    const cases = {
      healthy: partnership({ openedAt: ago(400) }).contact('school', 't', 'primary', ago(400)).contact('partner', 'p', 'primary', ago(400)).interactions([5, 30, 60, 200]).build(),
      declining: partnership({ openedAt: ago(400) }).interaction(ago(100)).interaction(ago(5)).build(),
      dormant: partnership({ openedAt: ago(800) }).interaction(ago(400)).build(),
      ended: partnership({ openedAt: ago(400) }).interaction(ago(20)).ended(ago(10), 'project finished').build(),
      young: partnership({ openedAt: ago(30) }).interaction(ago(3)).build(),
      notOpened: partnership({ openedAt: later(5) }).build(),
    };
    for (const [name, facts] of Object.entries(cases)) {
      const full = partnershipHealth(facts, people, ASOF);
      const figures = healthFigures(facts, people, ASOF);
      expect({ name, score: figures.score, status: figures.status, trend: figures.trend }).toEqual({ name, score: full.score, status: full.status, trend: full.trend });
      expect(figures).not.toHaveProperty('reason');
    }
    expect(healthFigures(cases.declining, people, ASOF).trend).not.toBeNull();
    expect(healthFigures(cases.young, people, ASOF).trend).toBeNull();
  });

  it('takes weights and intervals from configuration', () => {
    const facts = partnership({ intensity: 'exchange' }).interaction(ago(90)).build();
    expect(score(facts, 'recency')).toBe(75);
    const config = healthConfig({ expectedIntervalDays: { exchange: 90 }, weights: { cadence: 0 } });
    const health = healthAt(facts, people, ASOF, config);
    expect(health.components.find((one) => one.name === 'recency')?.score).toBe(100);
    expect(health.components.find((one) => one.name === 'cadence')?.weight).toBe(0);
    expect(DEFAULT_HEALTH_CONFIG.weights.cadence).toBe(15);
  });
});

describe('reasons in a machine form beside the English (codes an app words in its own language)', () => {
  const people = lookup(person('t', { name: 'Tess' }), person('p', { side: 'partner', name: 'Piet' }));

  it('gives every component a code and the figures its text names', () => {
    const lastContact = partnership({ intensity: 'exchange' }).interaction(ago(143)).build();
    expect(component(lastContact, 'recency')).toMatchObject({ reasonCode: 'recency.last_contact', reasonParams: { days: 143, interval: 60 } });
    expect(component(partnership({ openedAt: ago(10) }).build(), 'recency')).toMatchObject({ reasonCode: 'recency.no_contact_yet', reasonParams: { days: 10, interval: 60 } });
    expect(component(partnership({ openedAt: ago(59) }).build(), 'cadence')).toMatchObject({ reasonCode: 'cadence.too_young', reasonParams: { age: 59, interval: 60 } });
    const expiring = partnership({ openedAt: ago(500), stage: 'active' }).agreement('cooperation_agreement', ago(300), { validUntil: later(30) }).build();
    expect(component(expiring, 'formalisation')).toMatchObject({
      reasonCode: 'formalisation.expiring',
      reasonParams: { kind: 'cooperation_agreement', signedOn: '2024-05-05', validUntil: '2025-03-31', daysLeft: 30 },
    });
    const one = partnership().contact('school', 't', 'primary', ago(100)).build();
    expect(component(one, 'continuity', ASOF, people)).toMatchObject({ reasonCode: 'continuity.one', reasonParams: { school: 'Tess', partner: null } });
    const tenth = partnership({ openedAt: ago(400) }).interactions([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [...Array(9).fill('school'), 'partner']).build();
    expect(component(tenth, 'reciprocity')).toMatchObject({ reasonCode: 'reciprocity.share', reasonParams: { byPartner: 1, count: 10, windowDays: 365, percent: 10 } });
  });

  it('codes the status and the trend', () => {
    const silent = partnership({ openedAt: ago(800) }).interaction(ago(365)).build();
    expect(healthAt(silent, people, ASOF)).toMatchObject({ reasonCode: 'status.dormant', reasonParams: { windowDays: 365, date: '2024-03-01' } });
    expect(healthAt(partnership({ openedAt: later(5) }).build(), people, ASOF)).toMatchObject({ reasonCode: 'status.not_opened', reasonParams: { openedOn: '2025-03-06', asOf: '2025-03-01' } });
    const report = partnershipHealth(partnership({ openedAt: ago(400) }).interaction(ago(100)).interaction(ago(5)).build(), people, ASOF);
    expect(report).toMatchObject({ trendReasonCode: 'trend.compared', trendReasonParams: { score: report.score, date: '2025-03-01', thenDate: '2024-12-01' } });
    expect(partnershipHealth(partnership({ openedAt: ago(30) }).build(), people, ASOF)).toMatchObject({ trendReasonCode: 'trend.not_open', trendReasonParams: { days: 90 } });
  });
});

describe('the two deviations an independent check of SPEC §3.1 found (issue 12)', () => {
  it('averages the exact components: the repro scores 39.48 → 39, at_risk (not 40 from components shown to 0.1)', () => {
    // Given a placement partnership opened 600 days ago, without contacts or commitments, evaluated 540 days ago
    // (2 and 2), with one interaction 140 days ago initiated by the partner, every event at 12:00
    const facts = partnership({ intensity: 'placement', openedAt: ago(600) })
      .evaluation(ago(540), { school: 2, partner: 2 })
      .interaction(ago(140), { by: 'partner' })
      .build();
    // When its health is asked as of that day at 12:00
    const health = healthAt(facts, noPeople, ASOF);
    // Then recency 91.67 (25), cadence 25 (15), evaluation 2.78 (15), continuity 0 (10), satisfaction 11.11 (5):
    // 2763.9 / 70 = 39.48 → 39, at_risk; the components are shown to 0.1
    expect(health).toMatchObject({ score: 39, status: 'at_risk' });
    expect(health.components.map((one) => [one.name, one.score])).toEqual([
      ['recency', 91.7],
      ['cadence', 25],
      ['evaluation', 2.8],
      ['commitments', null],
      ['formalisation', null],
      ['reciprocity', null],
      ['continuity', 0],
      ['satisfaction', 11.1],
    ]);
    // (the displayed values would average 2765 / 70 = 39.5 → 40, attention)
    expect(weightedScore(health.components)).toBe(40);
  });

  it('does not put a partnership opened 10 days ago with nothing recorded at risk', () => {
    // Given a partnership opened 10 days ago with nothing recorded since
    const facts = partnership({ intensity: 'exchange', openedAt: ago(10) }).build();
    // When its health is asked
    const health = partnershipHealth(facts, noPeople, ASOF);
    // Then the opening counts as the first touchpoint (recency 100), cadence is not judged yet, evaluation is not due:
    // (25·100 + 15·100 + 10·0) / 50 = 80, healthy
    expect(health.components.find((one) => one.name === 'cadence')?.score).toBeNull();
    expect(health).toMatchObject({ score: 80, status: 'healthy', trend: null });
  });
});
