import { FORMAL_AGREEMENT_KINDS, SCHOOL_LEVELS, SchoolLevel } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { daysBetween, isOpenedBy, onOrBefore, touchpointsAsOf } from './as-of';
import { median } from './statistics';
import { day, explained, plural, ReasonParams } from './text';

/**
 * SPEC §3.8 start-up pace (seed 003: an early first activity, a quick win, keeps a new partnership alive): days from
 * opening to the first activity and to the first signed agreement.
 */

export interface StartUpPace {
  partnershipId: string;
  schoolId: string;
  partnerId: string;
  levels: SchoolLevel[];
  openedAt: string;
  /** startsAt of the earliest activity started by asOf. */
  firstActivityAt: string | null;
  daysToFirstActivity: number | null;
  /** The earliest formal agreement (mou, letter of intent, cooperation agreement, contract) signed by asOf. */
  firstAgreementAt: string | null;
  daysToFirstAgreement: number | null;
  /** Whole days since opening, for those still waiting. */
  ageDays: number;
  reason: string;
  reasonCode: StartUpReasonCode;
  reasonParams: ReasonParams;
}

/** The codes of a start-up pace reason: which of the first activity and the first formal agreement there are. */
export const START_UP_REASON_CODES = ['start_up.both', 'start_up.activity_only', 'start_up.agreement_only', 'start_up.neither', 'start_up.medians'] as const;
export type StartUpReasonCode = (typeof START_UP_REASON_CODES)[number];

function paceCode(activity: boolean, agreement: boolean): StartUpReasonCode {
  if (activity) return agreement ? 'start_up.both' : 'start_up.activity_only';
  return agreement ? 'start_up.agreement_only' : 'start_up.neither';
}

const since = (what: string, at: string | null, days: number | null, ageDays: number): string =>
  at === null ? `no ${what} yet after ${plural(ageDays, 'day')}` : `first ${what} on ${day(at)}, ${plural(days ?? 0, 'day')} after opening`;

/** One partnership's start-up pace at asOf (undefined before it opened). */
export function startUpPace(facts: PartnershipFacts, asOf: string): StartUpPace | undefined {
  if (!isOpenedBy(facts, asOf)) return undefined;
  const firstActivity = touchpointsAsOf(facts, asOf).find((touchpoint) => touchpoint.kind === 'activity');
  // Agreements are stored oldest first; learning agreements are paperwork per student, not the partnership's footing.
  const firstAgreement = facts.agreements.find((agreement) => FORMAL_AGREEMENT_KINDS.includes(agreement.kind) && onOrBefore(agreement.signedAt, asOf));
  const firstActivityAt = firstActivity?.at ?? null;
  const firstAgreementAt = firstAgreement?.signedAt ?? null;
  const daysToFirstActivity = firstActivityAt === null ? null : daysBetween(facts.openedAt, firstActivityAt);
  const daysToFirstAgreement = firstAgreementAt === null ? null : daysBetween(facts.openedAt, firstAgreementAt);
  const ageDays = daysBetween(facts.openedAt, asOf);
  const params: ReasonParams = {
    openedOn: day(facts.openedAt),
    firstActivityOn: firstActivityAt && day(firstActivityAt),
    daysToFirstActivity,
    firstAgreementOn: firstAgreementAt && day(firstAgreementAt),
    daysToFirstAgreement,
    ageDays,
  };
  return {
    partnershipId: facts.partnershipId,
    schoolId: facts.schoolId,
    partnerId: facts.partnerId,
    levels: facts.levels,
    openedAt: facts.openedAt,
    firstActivityAt,
    daysToFirstActivity,
    firstAgreementAt,
    daysToFirstAgreement,
    ageDays,
    ...explained(
      paceCode(firstActivityAt !== null, firstAgreementAt !== null),
      params,
      `opened on ${day(facts.openedAt)}; ${since('activity', firstActivityAt, daysToFirstActivity, ageDays)}; ${since('formal agreement', firstAgreementAt, daysToFirstAgreement, ageDays)}`,
    ),
  };
}

export interface StartUpGroup {
  partnerships: number;
  withFirstActivity: number;
  medianDaysToFirstActivity: number | null;
  withFirstAgreement: number;
  medianDaysToFirstAgreement: number | null;
  reason: string;
  reasonCode: 'start_up.medians';
  reasonParams: ReasonParams;
}

function startUpGroup(rows: readonly StartUpPace[]): StartUpGroup {
  const toActivity = rows.flatMap((row) => (row.daysToFirstActivity === null ? [] : [row.daysToFirstActivity]));
  const toAgreement = rows.flatMap((row) => (row.daysToFirstAgreement === null ? [] : [row.daysToFirstAgreement]));
  return {
    partnerships: rows.length,
    withFirstActivity: toActivity.length,
    medianDaysToFirstActivity: median(toActivity),
    withFirstAgreement: toAgreement.length,
    medianDaysToFirstAgreement: median(toAgreement),
    reason: `medians over the ${toActivity.length} of ${plural(rows.length, 'partnership')} with an activity and the ${toAgreement.length} with a formal agreement; the others are still waiting`,
    reasonCode: 'start_up.medians',
    reasonParams: { partnerships: rows.length, withActivity: toActivity.length, withAgreement: toAgreement.length },
  };
}

export interface StartUpReport {
  asOf: string;
  byLevel: (StartUpGroup & { level: SchoolLevel })[];
  bySchool: (StartUpGroup & { schoolId: string })[];
  items: StartUpPace[];
}

/**
 * Per partnership opened by asOf, and as medians per level (a partnership counts once for each of its levels;
 * levels without partnerships are left out) and per school.
 */
export function startUpReport(partnerships: readonly PartnershipFacts[], asOf: string, levels: readonly SchoolLevel[] = SCHOOL_LEVELS): StartUpReport {
  const items = partnerships.flatMap((facts) => startUpPace(facts, asOf) ?? []);
  const byLevel = levels
    .map((level) => ({ level, ...startUpGroup(items.filter((row) => row.levels.includes(level))) }))
    .filter((group) => group.partnerships > 0);
  const schools = new Map<string, StartUpPace[]>();
  for (const row of items) {
    const list = schools.get(row.schoolId);
    if (list) list.push(row);
    else schools.set(row.schoolId, [row]);
  }
  const bySchool = [...schools].map(([schoolId, rows]) => ({ schoolId, ...startUpGroup(rows) }));
  return { asOf, byLevel, bySchool, items };
}
