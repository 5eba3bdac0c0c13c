import { ago, ASOF, lookup, partnership, person } from '../../test/facts-builder';
import { partnershipKeyPersonRisk, sideKeyPersonRisk, sideKeyPersonRiskLevel } from './key-person-risk';

const people = lookup(
  person('a', { name: 'Anna' }),
  person('b', { name: 'Bram' }),
  person('c', { name: 'Cees' }),
  person('l', { name: 'Lotte', leftAt: ago(5) }),
  person('p', { side: 'partner', name: 'Piet' }),
  person('q', { side: 'partner', name: 'Quinten' }),
);

/** Touchpoints in the last year, each with the participants given. */
const withTouchpoints = (participants: string[][], backup = false) => {
  const builder = partnership({ openedAt: ago(800) });
  participants.forEach((ids, index) => builder.interaction(ago(10 + index), { with: ids }));
  if (backup) builder.contact('school', 'c', 'backup', ago(800));
  return builder.build();
};
const school = (facts: ReturnType<typeof withTouchpoints>, asOf = ASOF) => sideKeyPersonRisk(facts, people, 'school', asOf);

describe('key-person risk', () => {
  it('is high with one active person, even with a backup', () => {
    const result = school(withTouchpoints([['a'], ['a', 'p'], ['a']], true));
    expect(result).toMatchObject({ risk: 'high', activePeople: 1, topPerson: { personId: 'a', name: 'Anna' }, topShare: 1 });
    expect(result.reason).toBe('only Anna of the school side took part in touchpoints in the last 365 days');
    expect(result).toMatchObject({ reasonCode: 'key_person.single_person', reasonParams: { side: 'school', person: 'Anna', percent: 100, touchpoints: 3, active: 1, windowDays: 365, backup: true } });
  });

  it('is high when the only active person leaves', () => {
    const facts = withTouchpoints([['l'], ['l'], ['l', 'p']]);
    expect(school(facts, ago(6))).toMatchObject({ risk: 'high', activePeople: 1 });
    expect(school(facts)).toMatchObject({
      risk: 'high',
      activePeople: 0,
      topPerson: null,
      topShare: null,
      reason: 'nobody of the school side still in the organisation took part in a touchpoint in the last 365 days',
    });
  });

  it('follows a person who leaves when only their record changed, the partnership staying the same (each request has a lookup of its own)', () => {
    const facts = withTouchpoints([['a'], ['a', 'b'], ['b']], true);
    expect(school(facts)).toMatchObject({ risk: 'medium', activePeople: 2 });
    const afterBramLeft = lookup(person('a', { name: 'Anna' }), person('b', { name: 'Bram', leftAt: ago(5) }), person('c', { name: 'Cees' }));
    expect(sideKeyPersonRisk(facts, afterBramLeft, 'school', ASOF)).toMatchObject({ risk: 'high', activePeople: 1 });
    expect(school(facts)).toMatchObject({ risk: 'medium', activePeople: 2 });
  });

  it('is high when the other active person leaves', () => {
    const facts = withTouchpoints([['a'], ['a', 'l'], ['l']], true);
    expect(school(facts, ago(6))).toMatchObject({ risk: 'medium', activePeople: 2 });
    expect(school(facts)).toMatchObject({ risk: 'high', activePeople: 1 });
  });

  it('is high at topShare ≥ 0.8 without backup, medium with one', () => {
    const fourOfFive = [['a'], ['a'], ['a'], ['a', 'b'], ['b']];
    expect(school(withTouchpoints(fourOfFive))).toMatchObject({
      risk: 'high',
      topShare: 0.8,
      reason: 'Anna took part in 80% of the school side\'s 5 touchpoints in the last 365 days; no backup assigned',
    });
    expect(school(withTouchpoints(fourOfFive, true))).toMatchObject({ risk: 'medium', topShare: 0.8, backupAssigned: true });
  });

  it('is medium at topShare ≥ 0.6 or without backup, else low', () => {
    const threeOfFive = [['a'], ['a'], ['a'], ['b'], ['b']];
    expect(school(withTouchpoints(threeOfFive, true))).toMatchObject({ risk: 'medium', topShare: 0.6 });
    const half = [['a'], ['a'], ['b'], ['b']];
    expect(school(withTouchpoints(half))).toMatchObject({ risk: 'medium', reason: 'no backup contact assigned on the school side; 2 active people' });
    expect(school(withTouchpoints(half, true))).toMatchObject({ risk: 'low', topShare: 0.5, activePeople: 2 });
  });

  it('counts touchpoints carried by leavers in the share, and only the last 365 days', () => {
    // Anna in 2 of 4 school touchpoints (Lotte, gone, carried the other two): share 0.5.
    const facts = withTouchpoints([['a'], ['a', 'b'], ['l'], ['l']], true);
    expect(school(facts)).toMatchObject({ risk: 'low', topShare: 0.5, sideTouchpoints: 4, activePeople: 2 });
    const old = partnership({ openedAt: ago(800) }).interaction(ago(365), { with: ['a'] }).interaction(ago(400), { with: ['b'] }).build();
    expect(school(old)).toMatchObject({ risk: 'high', activePeople: 0, sideTouchpoints: 0 });
  });

  it('judges each side on its own people', () => {
    const facts = partnership({ openedAt: ago(800) })
      .interaction(ago(1), { with: ['a', 'p'] })
      .interaction(ago(2), { with: ['b', 'q'] })
      .interaction(ago(3), { with: ['c', 'p'] })
      .contact('partner', 'q', 'backup', ago(100))
      .build();
    const report = partnershipKeyPersonRisk(facts, people, ASOF);
    expect(report.school).toMatchObject({ activePeople: 3, risk: 'medium', topShare: 0.3333 });
    expect(report.partner).toMatchObject({ activePeople: 2, risk: 'medium', topPerson: { name: 'Piet' }, topShare: 0.6667 });
  });

  it('gives lists and reports the same risk without naming anyone (sideKeyPersonRiskLevel)', () => {
    const cases = [
      withTouchpoints([['a'], ['a', 'p'], ['a']], true),
      withTouchpoints([['l'], ['l'], ['l', 'p']]),
      withTouchpoints([['a'], ['a', 'l'], ['l']], true),
      withTouchpoints([['a'], ['a'], ['a'], ['a', 'b'], ['b']]),
      withTouchpoints([['a'], ['a'], ['a'], ['a', 'b'], ['b']], true),
      withTouchpoints([['a'], ['a'], ['a'], ['b'], ['b']], true),
      withTouchpoints([['a'], ['a'], ['b'], ['b']]),
      withTouchpoints([['a'], ['a'], ['b'], ['b']], true),
      withTouchpoints([['a', 'p'], ['b', 'q'], ['c', 'p']]),
      partnership({ openedAt: ago(800) }).build(),
    ];
    const risks = new Set<string>();
    for (const facts of cases) {
      for (const asOf of [ASOF, ago(6)]) {
        for (const side of ['school', 'partner'] as const) {
          const full = sideKeyPersonRisk(facts, people, side, asOf).risk;
          risks.add(full);
          expect(sideKeyPersonRiskLevel(facts, people, side, asOf)).toBe(full);
        }
      }
    }
    expect([...risks].sort()).toEqual(['high', 'low', 'medium']);
  });
});
