import { ago, ASOF, later, partnership } from '../../test/facts-builder';
import { startUpPace, startUpReport } from './start-up-pace';

// A: opened 300 days ago; first activity 20 days later, learning agreement after 10 (not formal), MoU after 50.
const a = partnership({ id: 'a', openedAt: ago(300), levels: ['mbo'] })
  .agreement('learning_agreement', ago(290))
  .activity(ago(280))
  .agreement('mou', ago(250))
  .activity(ago(200))
  .build();
// B: mbo and hbo, opened 200 days ago; first activity after 100 days, no formal agreement.
const b = partnership({ id: 'b', openedAt: ago(200), levels: ['mbo', 'hbo'] }).interaction(ago(190)).activity(ago(100)).build();
// C: another school, opened 50 days ago; its first activity is planned after asOf.
const c = partnership({ id: 'c', openedAt: ago(50), levels: ['hbo'], schoolId: 'school-2' }).activity(later(5)).build();
// D: opens after asOf.
const d = partnership({ id: 'd', openedAt: later(10), levels: ['hbo'] }).build();

describe('start-up pace of one partnership', () => {
  it('gives the days from opening to the first activity and the first formal agreement', () => {
    expect(startUpPace(a, ASOF)).toMatchObject({ firstActivityAt: ago(280), daysToFirstActivity: 20, firstAgreementAt: ago(250), daysToFirstAgreement: 50, ageDays: 300 });
    expect(startUpPace(a, ASOF)?.reason).toBe(
      `opened on ${ago(300).slice(0, 10)}; first activity on ${ago(280).slice(0, 10)}, 20 days after opening; first formal agreement on ${ago(250).slice(0, 10)}, 50 days after opening`,
    );
    expect(startUpPace(a, ASOF)).toMatchObject({
      reasonCode: 'start_up.both',
      reasonParams: { openedOn: ago(300).slice(0, 10), firstActivityOn: ago(280).slice(0, 10), daysToFirstActivity: 20, firstAgreementOn: ago(250).slice(0, 10), daysToFirstAgreement: 50, ageDays: 300 },
    });
    expect(startUpPace(b, ASOF)).toMatchObject({ reasonCode: 'start_up.activity_only', reasonParams: { daysToFirstActivity: 100, firstAgreementOn: null, daysToFirstAgreement: null } });
  });

  it('is still waiting while nothing happened by asOf', () => {
    expect(startUpPace(c, ASOF)).toMatchObject({ daysToFirstActivity: null, daysToFirstAgreement: null, ageDays: 50 });
    expect(startUpPace(c, ASOF)?.reason).toContain('no activity yet after 50 days');
    expect(startUpPace(c, ASOF)).toMatchObject({ reasonCode: 'start_up.neither', reasonParams: { firstActivityOn: null, firstAgreementOn: null, ageDays: 50 } });
    expect(startUpPace(d, ASOF)).toBeUndefined();
  });
});

describe('start-up report', () => {
  it('gives medians per level (a partnership counts for each of its levels) and per school, over those that got going', () => {
    const report = startUpReport([a, b, c, d], ASOF);
    expect(report.items.map((row) => row.partnershipId)).toEqual(['a', 'b', 'c']);
    // mbo: A (20, 50) and B (100, none) → medians 60 and 50; hbo: B (100) and C (waiting) → 100, none.
    expect(report.byLevel.map(({ level, partnerships, withFirstActivity, medianDaysToFirstActivity, withFirstAgreement, medianDaysToFirstAgreement }) => [level, partnerships, withFirstActivity, medianDaysToFirstActivity, withFirstAgreement, medianDaysToFirstAgreement])).toEqual([
      ['mbo', 2, 2, 60, 1, 50],
      ['hbo', 2, 1, 100, 0, null],
    ]);
    expect(report.bySchool.map((group) => [group.schoolId, group.partnerships, group.medianDaysToFirstActivity])).toEqual([
      ['org-school', 2, 60],
      ['school-2', 1, null],
    ]);
  });

  it('reports only the levels asked for', () => {
    expect(startUpReport([a, b, c], ASOF, ['hbo']).byLevel.map((group) => group.level)).toEqual(['hbo']);
  });
});
