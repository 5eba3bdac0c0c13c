import { ago, ASOF, later, partnership, person, PARTNER_ID, OTHER_ORG_ID } from '../../test/facts-builder';
import {
  addDays,
  backupsAt,
  contactsAt,
  daysBetween,
  displayName,
  inOrganisationAt,
  intensityAt,
  primaryAt,
  sideOf,
  stageAt,
  thankYouSeason,
  tierAt,
  roleAt,
  memberAt,
  touchpointsAsOf,
  touchpointsInLastDays,
  withinLastDays,
} from './as-of';

describe('date math', () => {
  it('counts whole days between dates', () => {
    expect(daysBetween(ago(143), ASOF)).toBe(143);
    expect(daysBetween('2025-03-01T12:00:00.000Z', '2025-03-02T11:59:59.999Z')).toBe(0);
    expect(daysBetween(ASOF, ago(1))).toBe(-1);
    expect(addDays('2024-02-28T00:00:00.000Z', 1)).toBe('2024-02-29T00:00:00.000Z');
  });

  it('takes "the last N days" as (asOf − N days, asOf]', () => {
    expect(withinLastDays(ago(364), ASOF, 365)).toBe(true);
    expect(withinLastDays(ago(365), ASOF, 365)).toBe(false);
    expect(withinLastDays(ASOF, ASOF, 365)).toBe(true);
    expect(withinLastDays(later(1), ASOF, 365)).toBe(false);
  });

  it('knows the thank-you season of the Dutch school year (1 June – 31 July)', () => {
    expect(thankYouSeason('2025-05-31T23:59:59.000Z')).toBeUndefined();
    expect(thankYouSeason('2025-06-01T00:00:00.000Z')).toEqual({ from: '2025-06-01T00:00:00.000Z', dueAt: '2025-07-31T23:59:59.999Z' });
    expect(thankYouSeason('2025-07-31T18:00:00.000Z')?.dueAt).toBe('2025-07-31T23:59:59.999Z');
    expect(thankYouSeason('2025-08-01T00:00:00.000Z')).toBeUndefined();
  });
});

describe('the partnership at asOf', () => {
  const facts = partnership({ openedAt: ago(300), intensity: 'placement' })
    .stage('agreed', ago(200))
    .stage('active', ago(100))
    .intensity('innovation', ago(50))
    .interaction(ago(10))
    .interaction(later(1))
    .ended(later(5))
    .build();

  it('reads the stage from the history, ended from endedAt', () => {
    expect(stageAt(facts, ago(250))).toBe('exploring');
    expect(stageAt(facts, ago(200))).toBe('agreed');
    expect(stageAt(facts, ASOF)).toBe('active');
    expect(stageAt(facts, later(5))).toBe('ended');
  });

  it('reads the intensity from the history', () => {
    expect(intensityAt(facts, ago(51))).toBe('placement');
    expect(intensityAt(facts, ago(50))).toBe('innovation');
    expect(intensityAt(facts, ago(400))).toBe('placement');
  });

  it('selects touchpoints dated on or before asOf', () => {
    expect(touchpointsAsOf(facts, ASOF)).toHaveLength(1);
    expect(touchpointsAsOf(facts, later(1))).toHaveLength(2);
    expect(touchpointsInLastDays(facts, ASOF, 10)).toHaveLength(0);
    expect(touchpointsInLastDays(facts, ASOF, 11)).toHaveLength(1);
  });
});

describe('contact persons at asOf', () => {
  const facts = partnership({ openedAt: ago(300) })
    .contact('school', 'a', 'primary', ago(300), { to: ago(100), endReason: 'handover' })
    .contact('school', 'b', 'primary', ago(100))
    .contact('school', 'c', 'backup', ago(50))
    .contact('partner', 'p', 'primary', ago(10))
    .build();

  it('counts a period active from `from` (inclusive) to `to` (exclusive)', () => {
    expect(primaryAt(facts, 'school', ago(101))?.personId).toBe('a');
    expect(primaryAt(facts, 'school', ago(100))?.personId).toBe('b');
    expect(backupsAt(facts, 'school', ago(51))).toEqual([]);
    expect(backupsAt(facts, 'school', ago(50)).map((period) => period.personId)).toEqual(['c']);
    expect(contactsAt(facts, 'partner', ago(11))).toEqual([]);
    expect(contactsAt(facts, 'partner', ASOF)).toHaveLength(1);
  });
});

describe('people at asOf', () => {
  const facts = partnership().build();

  it('is in the organisation until leftAt', () => {
    const leaver = person('l', { leftAt: ago(10) });
    expect(inOrganisationAt(leaver, ago(11))).toBe(true);
    expect(inOrganisationAt(leaver, ago(10))).toBe(false);
    expect(inOrganisationAt(person('s'), ASOF)).toBe(true);
  });

  it('finds the side from the organisation', () => {
    expect(sideOf(facts, person('s'))).toBe('school');
    expect(sideOf(facts, person('p', { organisationId: PARTNER_ID }))).toBe('partner');
    expect(sideOf(facts, person('o', { organisationId: OTHER_ORG_ID }))).toBeUndefined();
    expect(sideOf(facts, undefined)).toBeUndefined();
  });

  it('gives the tier as of a date', () => {
    const riser = person('r', { tier: 'operational', registeredAt: ago(1000), tierChanges: [{ tier: 'strategic', from: ago(100) }] });
    expect(tierAt(riser, ago(101))).toBe('operational');
    expect(tierAt(riser, ago(100))).toBe('strategic');
    expect(tierAt(riser, ago(2000))).toBe('operational');
  });

  it('gives the role held at a date when the registered role has no date (null: from the start)', () => {
    const riser = { ...person('r'), roleHistory: [{ role: 'docent', tier: 'operational' as const, from: null }, { role: 'teamleider', tier: 'tactical' as const, from: ago(100) }] };
    expect(roleAt(riser, ago(5000))).toMatchObject({ role: 'docent', tier: 'operational' });
    expect(roleAt(riser, ago(100))).toMatchObject({ role: 'teamleider', tier: 'tactical' });
  });

  it('counts a person a member from joinedAt (from the start when unknown) until they left', () => {
    const joined = { ...person('j', { leftAt: ago(10) }), joinedAt: ago(200) };
    expect(memberAt(joined, ago(201))).toBe(false);
    expect(memberAt(joined, ago(200))).toBe(true);
    expect(memberAt(joined, ago(10))).toBe(false);
    expect(memberAt(person('u'), ago(9000))).toBe(true);
  });

  it('shows [erased] for an erased person', () => {
    expect(displayName(person('e', { name: 'Eva', erased: true }))).toBe('[erased]');
    expect(displayName(person('e', { name: 'Eva' }))).toBe('Eva');
    expect(displayName(undefined)).toBe('[unknown]');
  });
});
