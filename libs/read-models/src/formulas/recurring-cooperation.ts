import { ActivityKind, toTime } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { ageInDays, daysBetween, isEndedBy, touchpointRange, touchpointsAsOf } from './as-of';
import { RULES } from './config';
import { explained, ReasonParams, words } from './text';

/**
 * The codes of a recurring-cooperation reason. Its params `recurringKinds` and `onceKinds` list the kinds as codes
 * with their school years ("internship (2023-2024, 2024-2025); guest_lecture (2024-2025)"), null when none.
 */
export const RECURRING_REASON_CODES = ['recurring.none_yet', 'recurring.both', 'recurring.recurring_only', 'recurring.once_only'] as const;
export type RecurringReasonCode = (typeof RECURRING_REASON_CODES)[number];
import { touchpointTotals } from './touchpoint-index';

/**
 * SPEC §3.8 recurring cooperation (seed 001: durable cooperation repeats every school year rather than happening
 * once): per partnership, the activity kinds held in two or more school years versus once only.
 */

/** The Dutch school year (1 August – 31 July, UTC like the thank-you season) a date falls in, e.g. "2024-2025". */
export function schoolYearOf(at: string): string {
  const date = new Date(toTime(at));
  const year = date.getUTCFullYear();
  const first = date.getUTCMonth() + 1 > RULES.schoolYearLastMonth ? year : year - 1;
  return `${first}-${first + 1}`;
}

export interface ActivityKindYears {
  kind: ActivityKind;
  schoolYears: string[];
}

export interface RecurringCooperation {
  partnershipId: string;
  /** Every activity kind held by asOf with the school years it was held in, oldest first. */
  kinds: ActivityKindYears[];
  /** Kinds held in two or more school years. */
  recurringKinds: ActivityKind[];
  /** Kinds held in one school year only. */
  onceKinds: ActivityKind[];
  recurring: boolean;
  reason: string;
  reasonCode: RecurringReasonCode;
  reasonParams: ReasonParams;
}

/** The school years each activity kind was held in by asOf, in order of first holding; years oldest first. */
function yearsByKind(facts: PartnershipFacts, asOf: string): Map<ActivityKind, string[]> {
  const years = new Map<ActivityKind, string[]>();
  for (const touchpoint of touchpointsAsOf(facts, asOf)) {
    if (touchpoint.kind !== 'activity' || !touchpoint.activityKind) continue;
    const year = schoolYearOf(touchpoint.at);
    const held = years.get(touchpoint.activityKind);
    if (!held) years.set(touchpoint.activityKind, [year]);
    // Touchpoints come oldest first, so a new school year is always the last one seen.
    else if (held[held.length - 1] !== year) held.push(year);
  }
  return years;
}

export function recurringCooperation(facts: PartnershipFacts, asOf: string): RecurringCooperation {
  const years = yearsByKind(facts, asOf);
  const kinds = [...years].map(([kind, schoolYears]) => ({ kind, schoolYears }));
  const list = (entries: ActivityKindYears[], name: (kind: ActivityKind) => string = words) => entries.map((entry) => `${name(entry.kind)} (${entry.schoolYears.join(', ')})`).join('; ');
  const repeated = kinds.filter((entry) => entry.schoolYears.length >= 2);
  const once = kinds.filter((entry) => entry.schoolYears.length === 1);
  const reason = kinds.length === 0
    ? 'no activity held yet'
    : [repeated.length ? `recurring: ${list(repeated)}` : 'no activity kind held in two school years', once.length ? `once only: ${list(once)}` : ''].filter(Boolean).join('; ');
  const code: RecurringReasonCode =
    kinds.length === 0 ? 'recurring.none_yet' : repeated.length === 0 ? 'recurring.once_only' : once.length === 0 ? 'recurring.recurring_only' : 'recurring.both';
  const asCodes = (kind: ActivityKind) => kind;
  const why = explained(code, { recurringKinds: list(repeated, asCodes) || null, onceKinds: list(once, asCodes) || null }, reason);
  const recurringKinds = repeated.map((entry) => entry.kind);
  return { partnershipId: facts.partnershipId, kinds, recurringKinds, onceKinds: once.map((entry) => entry.kind), recurring: recurringKinds.length > 0, ...why };
}

/**
 * For the levels report: whether a partnership recurs, or null when it is not in the base (ended at asOf, or younger
 * than a year: it has not had the chance to hold anything in two school years).
 */
export function recurringForLevels(facts: PartnershipFacts, asOf: string): boolean | null {
  if (isEndedBy(facts, asOf) || ageInDays(facts, asOf) < RULES.yearDays) return null;
  return touchpointRange(facts, asOf, Number.POSITIVE_INFINITY)[1] >= touchpointTotals(facts).recurringFrom;
}
