import { SCHOOL_LEVELS } from '@crm/domain';
import { planRegion, PlanStep } from './region-plan';

const UNTIL = '2026-11-23T00:00:00.000Z';
const steps = (seed: number | string, until = UNTIL) => [...planRegion({ seed, size: 'small', until }).run()];

describe('planRegion', () => {
  it('writes every command in date order, within the history it covers', () => {
    const plan = planRegion({ seed: 5, size: 'small', until: UNTIL });
    const all = [...plan.run()];
    expect(all.length).toBeGreaterThan(1000);
    for (let i = 1; i < all.length; i++) expect(all[i].t).toBeGreaterThanOrEqual(all[i - 1].t);
    expect(all.every((step) => step.t >= Date.parse(plan.from) && step.t < Date.parse(UNTIL))).toBe(true);
    expect(all.map((step) => step.seq)).toEqual(all.map((_, i) => i));
    expect(plan.until).toBe(UNTIL);
    expect(Date.parse(plan.until) - Date.parse(plan.from)).toBeGreaterThan(3 * 364 * 86_400_000);
  });

  it('is a pure function of seed, size and until; each run replays it', () => {
    const plan = planRegion({ seed: 'demo', size: 'small', until: UNTIL });
    const first = JSON.stringify([...plan.run()]);
    expect(JSON.stringify([...plan.run()])).toBe(first);
    expect(JSON.stringify(steps('demo'))).toBe(first);
    expect(JSON.stringify(steps('other'))).not.toBe(first);
    expect(JSON.stringify(steps('demo', '2026-06-01T00:00:00.000Z'))).not.toBe(first);
  });

  it('plans a small region: about 40 partnerships, every school level, schools of every kind and many partners', () => {
    const plan = planRegion({ seed: 11, size: 'small', until: UNTIL });
    const run = plan.run();
    const all: PlanStep[] = [...run];
    const opened = all.flatMap((step) => (step.command.type === 'OpenPartnership' ? [step.command] : []));
    expect(opened).toHaveLength(40);
    expect(plan.counts.partnerships).toBe(40);
    expect(Object.values(run.stats.partnershipsByLevel).every((n) => n > 0)).toBe(true);
    expect(Object.keys(run.stats.partnershipsByLevel).sort()).toEqual([...SCHOOL_LEVELS].sort());
    const registered = all.flatMap((step) => (step.command.type === 'RegisterOrganisation' ? [step.command] : []));
    expect(registered.filter((org) => org.kind === 'school').length).toBeGreaterThanOrEqual(7);
    expect(new Set(registered.map((org) => org.kind))).toEqual(new Set(['school', 'company', 'government', 'network', 'other']));
    expect(registered.filter((org) => org.kind === 'company').every((org) => org.sector && org.size)).toBe(true);
    expect(new Set(registered.map((org) => org.region)).size).toBe(1);
    expect(new Set(registered.map((org) => org.name)).size).toBe(registered.length);
  });

  it('plans turnover: departures, successors, promotions', () => {
    const run = planRegion({ seed: 11, size: 'small', until: UNTIL }).run();
    const types = new Set([...run].map((step) => step.command.type));
    for (const type of ['RegisterPerson', 'RecordDeparture', 'ChangePersonRole', 'AssignContact', 'SignAgreement', 'HoldEvaluation', 'MakeCommitment']) {
      expect(types).toContain(type);
    }
    expect(run.stats.departures).toBeGreaterThan(5);
    expect(run.stats.hires).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives every small region (seed %i) each storyline the demo needs', (seed) => {
    const run = planRegion({ seed, size: 'small', until: UNTIL }).run();
    for (const _ of run);
    const { handovers, commitments, ended } = run.stats;
    expect(handovers.school.warm + handovers.partner.warm).toBeGreaterThan(0);
    expect(handovers.school.cold + handovers.partner.cold).toBeGreaterThan(0);
    expect(handovers.school.none + handovers.partner.none).toBeGreaterThan(0);
    expect(ended).toBeGreaterThan(0);
    expect(commitments.late).toBeGreaterThan(0);
    expect(commitments.broken).toBeGreaterThan(0);
  });

  it('refuses an unknown size or an invalid until', () => {
    expect(() => planRegion({ seed: 1, size: 'huge' as never, until: UNTIL })).toThrow('unknown region size');
    expect(() => planRegion({ seed: 1, size: 'small', until: 'not a date' })).toThrow('until');
  });
});
