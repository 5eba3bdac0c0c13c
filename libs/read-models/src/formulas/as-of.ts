import { DAY_MS, Intensity, PersonTier, Side, Stage, toTime } from '@crm/domain';
import { ContactPeriod, EvaluationFact, PartnershipFacts, TouchpointFact } from '../facts/partnership-facts';
import { PersonFacts } from '../facts/person-facts';
import { RULES } from './config';

/**
 * The one helper module of the formulas: date math and "the facts as they stood at asOf".
 * Every window is half-open towards the past: "the last N days" is (asOf − N days, asOf].
 */

// ---- date math -----------------------------------------------------------------------------------

export const addDays = (iso: string, days: number): string => new Date(toTime(iso) + days * DAY_MS).toISOString();

/** Whole days elapsed from `from` to `to` (floored; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.floor((toTime(to) - toTime(from)) / DAY_MS);

export const onOrBefore = (a: string, b: string): boolean => toTime(a) <= toTime(b);

/** `at` lies in (asOf − days, asOf]. */
export function withinLastDays(at: string, asOf: string, days: number): boolean {
  const time = toTime(at);
  const end = toTime(asOf);
  return time <= end && time > end - days * DAY_MS;
}

/** The later of two dates. */
export const laterOf = (a: string, b: string): string => (toTime(a) >= toTime(b) ? a : b);

/** The item with the latest date, or undefined; on equal dates the later item (histories are in event order). */
export function latestBy<T>(items: readonly T[], dateOf: (item: T) => string): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || toTime(dateOf(item)) >= toTime(dateOf(best))) best = item;
  return best;
}

/** Oldest first. */
export const byDate = <T>(dateOf: (item: T) => string) => (a: T, b: T): number => toTime(dateOf(a)) - toTime(dateOf(b));

/**
 * The thank-you season of the Dutch school year (1 August – 31 July) that asOf falls in: from 1 June to the last
 * moment of 31 July, the school year's end, in UTC. Undefined outside the season.
 */
export function thankYouSeason(asOf: string): { from: string; dueAt: string } | undefined {
  const date = new Date(toTime(asOf));
  const month = date.getUTCMonth() + 1;
  if (month < RULES.thankYouFromMonth || month > RULES.schoolYearLastMonth) return undefined;
  const year = date.getUTCFullYear();
  return {
    from: new Date(Date.UTC(year, RULES.thankYouFromMonth - 1, 1)).toISOString(),
    // The last moment of 31 July: the first of August (month index = last month) minus one millisecond.
    dueAt: new Date(Date.UTC(year, RULES.schoolYearLastMonth, 1) - 1).toISOString(),
  };
}

// ---- the partnership at asOf ---------------------------------------------------------------------

export const isOpenedBy = (facts: PartnershipFacts, asOf: string): boolean => onOrBefore(facts.openedAt, asOf);

export const isEndedBy = (facts: PartnershipFacts, asOf: string): boolean =>
  facts.endedAt !== undefined && onOrBefore(facts.endedAt, asOf);

/**
 * Stage at asOf: `ended` if endedAt ≤ asOf, else the last stage-history entry dated ≤ asOf.
 * Before any entry (a history without its opening entry) the partnership was `exploring`, as every partnership opens.
 */
export function stageAt(facts: PartnershipFacts, asOf: string): Stage {
  if (isEndedBy(facts, asOf)) return 'ended';
  const entry = latestBy(
    facts.stageHistory.filter((item) => onOrBefore(item.at, asOf)),
    (item) => item.at,
  );
  return entry?.stage ?? 'exploring';
}

/**
 * Intensity at asOf: the last intensity-history entry dated ≤ asOf. The history starts with the opening entry;
 * if asOf precedes every entry the earliest one is used, and without any history the current intensity.
 */
export function intensityAt(facts: PartnershipFacts, asOf: string): Intensity {
  const history = [...facts.intensityHistory].sort(byDate((item) => item.at));
  const entry = latestBy(
    history.filter((item) => onOrBefore(item.at, asOf)),
    (item) => item.at,
  );
  return entry?.intensity ?? history[0]?.intensity ?? facts.intensity;
}

/** Touchpoints dated on or before asOf, oldest first. */
export function touchpointsAsOf(facts: PartnershipFacts, asOf: string): TouchpointFact[] {
  return facts.touchpoints.filter((touchpoint) => onOrBefore(touchpoint.at, asOf)).sort(byDate((item) => item.at));
}

/** Touchpoints in (asOf − days, asOf], oldest first. */
export function touchpointsInLastDays(facts: PartnershipFacts, asOf: string, days: number): TouchpointFact[] {
  return touchpointsAsOf(facts, asOf).filter((touchpoint) => withinLastDays(touchpoint.at, asOf, days));
}

export const lastTouchpoint = (facts: PartnershipFacts, asOf: string): TouchpointFact | undefined =>
  latestBy(touchpointsAsOf(facts, asOf), (touchpoint) => touchpoint.at);

/** The latest evaluation held on or before asOf. */
export const latestEvaluation = (facts: PartnershipFacts, asOf: string): EvaluationFact | undefined =>
  latestBy(
    facts.evaluations.filter((evaluation) => onOrBefore(evaluation.at, asOf)),
    (evaluation) => evaluation.at,
  );

// ---- contact persons at asOf ---------------------------------------------------------------------

/** A contact period is active at asOf when from ≤ asOf and (no `to` or to > asOf). */
export const isActiveAt = (period: ContactPeriod, asOf: string): boolean =>
  onOrBefore(period.from, asOf) && (period.to === undefined || toTime(period.to) > toTime(asOf));

export const contactsAt = (facts: PartnershipFacts, side: Side, asOf: string): ContactPeriod[] =>
  facts.contacts.filter((period) => period.side === side && isActiveAt(period, asOf));

/** The primary contact of a side at asOf (the most recently assigned, should periods ever overlap). */
export const primaryAt = (facts: PartnershipFacts, side: Side, asOf: string): ContactPeriod | undefined =>
  latestBy(
    contactsAt(facts, side, asOf).filter((period) => period.role === 'primary'),
    (period) => period.from,
  );

/** The backups of a side at asOf, earliest assigned first; never the primary. */
export function backupsAt(facts: PartnershipFacts, side: Side, asOf: string): ContactPeriod[] {
  const primary = primaryAt(facts, side, asOf)?.personId;
  return contactsAt(facts, side, asOf)
    .filter((period) => period.role === 'backup' && period.personId !== primary)
    .sort(byDate((period) => period.from));
}

/** Primary periods of a side that had begun by asOf, in order of assignment. */
export const primaryPeriodsAsOf = (facts: PartnershipFacts, side: Side, asOf: string): ContactPeriod[] =>
  facts.contacts
    .filter((period) => period.side === side && period.role === 'primary' && onOrBefore(period.from, asOf))
    .sort(byDate((period) => period.from));

// ---- people --------------------------------------------------------------------------------------

/** In their organisation at asOf: no leftAt, or leftAt > asOf. */
export const inOrganisationAt = (person: PersonFacts, asOf: string): boolean =>
  person.leftAt === undefined || toTime(person.leftAt) > toTime(asOf);

/** The side a person is on in this partnership, by their organisation. */
export function sideOf(facts: PartnershipFacts, person: PersonFacts | undefined): Side | undefined {
  if (!person) return undefined;
  if (person.organisationId === facts.schoolId) return 'school';
  if (person.organisationId === facts.partnerId) return 'partner';
  return undefined;
}

/** The tier a person had at a date (PersonFacts.roleHistory); before the first entry, the first entry's tier. */
export function tierAt(person: PersonFacts, at: string): PersonTier {
  const history = [...person.roleHistory].sort(byDate((entry) => entry.from));
  const entry = latestBy(
    history.filter((item) => onOrBefore(item.from, at)),
    (item) => item.from,
  );
  return entry?.tier ?? history[0]?.tier ?? person.tier;
}

/** A name a person can read: `[erased]` after erasure, `[unknown]` for an id the lookup does not know. */
export function displayName(person: PersonFacts | undefined): string {
  if (!person) return '[unknown]';
  return person.erased ? '[erased]' : person.name;
}
