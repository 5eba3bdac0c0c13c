import { ago, ASOF, lookup, partnership } from '../../test/facts-builder';
import { levelsReport } from './levels-report';
import { recurringCooperation, recurringForLevels, schoolYearOf } from './recurring-cooperation';

describe('the school year', () => {
  it('runs from 1 August to 31 July', () => {
    expect(schoolYearOf('2024-07-31T23:59:59.999Z')).toBe('2023-2024');
    expect(schoolYearOf('2024-08-01T00:00:00.000Z')).toBe('2024-2025');
    expect(schoolYearOf('2025-01-15T10:00:00.000Z')).toBe('2024-2025');
  });
});

// Internships in two school years, a company visit on either side of 1 August, one guest lecture, and an internship
// planned after asOf (2025-03-01).
const recurring = partnership({ id: 'recurring', openedAt: '2023-06-01T00:00:00.000Z' })
  .activity('2023-09-15T09:00:00.000Z', { kind: 'internship' })
  .activity('2024-02-01T09:00:00.000Z', { kind: 'guest_lecture' })
  .activity('2024-07-31T23:00:00.000Z', { kind: 'company_visit' })
  .activity('2024-08-01T00:00:00.000Z', { kind: 'company_visit' })
  .activity('2024-10-01T09:00:00.000Z', { kind: 'internship' })
  .activity('2024-11-01T09:00:00.000Z', { kind: 'internship' })
  .activity('2025-09-01T09:00:00.000Z', { kind: 'open_day' })
  .build();
const oneOff = partnership({ id: 'one-off', openedAt: ago(800) }).activity(ago(700), { kind: 'internship' }).activity(ago(650), { kind: 'internship' }).build();

describe('recurring cooperation of a partnership', () => {
  it('sets apart the activity kinds held in two or more school years from those held once', () => {
    const result = recurringCooperation(recurring, ASOF);
    expect(result.kinds).toEqual([
      { kind: 'internship', schoolYears: ['2023-2024', '2024-2025'] },
      { kind: 'guest_lecture', schoolYears: ['2023-2024'] },
      { kind: 'company_visit', schoolYears: ['2023-2024', '2024-2025'] },
    ]);
    expect(result).toMatchObject({ recurringKinds: ['internship', 'company_visit'], onceKinds: ['guest_lecture'], recurring: true });
    expect(result.reason).toBe('recurring: internship (2023-2024, 2024-2025); company visit (2023-2024, 2024-2025); once only: guest lecture (2023-2024)');
    // The kinds as codes, so that an app names them in its own vocabulary.
    expect(result).toMatchObject({
      reasonCode: 'recurring.both',
      reasonParams: { recurringKinds: 'internship (2023-2024, 2024-2025); company_visit (2023-2024, 2024-2025)', onceKinds: 'guest_lecture (2023-2024)' },
    });
  });

  it('does not call two activities in one school year recurring', () => {
    // 700 and 650 days before 2025-03-01 both fall in 2022-2023
    expect(recurringCooperation(oneOff, ASOF)).toMatchObject({ recurringKinds: [], onceKinds: ['internship'], recurring: false });
    expect(recurringCooperation(partnership().build(), ASOF).reason).toBe('no activity held yet');
    expect(recurringCooperation(oneOff, ASOF)).toMatchObject({ reasonCode: 'recurring.once_only', reasonParams: { recurringKinds: null } });
    expect(recurringCooperation(partnership().build(), ASOF)).toMatchObject({ reasonCode: 'recurring.none_yet', reasonParams: { recurringKinds: null, onceKinds: null } });
  });
});

describe('recurring share in the levels report', () => {
  it('is the share of partnerships not ended and at least a year old that recur', () => {
    const young = partnership({ openedAt: ago(100) }).activity(ago(50), { kind: 'internship' }).build();
    const ended = partnership({ openedAt: ago(900) }).activity(ago(800)).activity(ago(400)).ended(ago(10)).build();
    expect([recurring, oneOff, young, ended].map((facts) => recurringForLevels(facts, ASOF))).toEqual([true, false, null, null]);
    const row = levelsReport([recurring, oneOff, young, ended], lookup(), () => undefined, ASOF, { levels: ['mbo'] }).levels[0];
    expect(row.recurringShare).toBe(0.5);
    expect(row.reasons.recurringShare).toContain('share of the 2 partnerships not ended and at least 365 days old');
    expect(row.reasonCodes.recurringShare).toBe('levels.recurring');
    expect(row.reasonParams).toMatchObject({ recurringBase: 2, yearDays: 365 });
  });
});

describe('recurringForLevels over time', () => {
  it('recurs from the moment a kind is held in its second school year, not a moment before', () => {
    // The company visits of 31 July 23:00 and 1 August 00:00 lie in two school years: the first recurrence.
    expect(recurringForLevels(recurring, '2024-07-31T23:59:59.999Z')).toBe(false);
    expect(recurringForLevels(recurring, '2024-08-01T00:00:00.000Z')).toBe(true);
  });
});
