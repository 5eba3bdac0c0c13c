import { DAY_MS, Intensity, PersonTier, Side, Stage, toTime } from '@crm/domain';
import { ContactPeriod, EvaluationFact, PartnershipFacts, TouchpointFact } from '../facts/partnership-facts';
import { PeopleLookup, PersonFacts } from '../facts/person-facts';
import { RULES } from './config';

/**
 * The one helper module of the formulas: date math and "the facts as they stood at asOf".
 * Every window is half-open towards the past: "the last N days" is (asOf − N days, asOf].
 */

// ---- date math -----------------------------------------------------------------------------------

/** The start of time, for dates that are unknown and hold from the beginning. */
const EPOCH = new Date(0).toISOString();

export const addDays = (iso: string, days: number): string => new Date(toTime(iso) + days * DAY_MS).toISOString();

/** Whole days elapsed from `from` to `to` (floored; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.floor((asOfTime(to) - toTime(from)) / DAY_MS);

export const onOrBefore = (a: string, b: string): boolean => toTime(a) <= toTime(b);

/** `at` lies in (asOf − days, asOf]. */
export function withinLastDays(at: string, asOf: string, days: number): boolean {
  const time = toTime(at);
  const end = asOfTime(asOf);
  return time <= end && time > end - days * DAY_MS;
}

/** The later of two dates. */
export const laterOf = (a: string, b: string): string => (toTime(a) >= toTime(b) ? a : b);

/** The item with the latest date, or undefined; on equal dates the later item (histories are in event order). */
export function latestBy<T>(items: readonly T[], dateOf: (item: T) => string): T | undefined {
  return latestUpTo(items, dateOf, Number.POSITIVE_INFINITY);
}

/** latestBy over the items dated on or before `end` (a time), without building the filtered list. */
function latestUpTo<T>(items: readonly T[], dateOf: (item: T) => string, end: number, test?: (item: T) => boolean): T | undefined {
  let best: T | undefined;
  let bestTime = Number.NaN;
  for (const item of items) {
    if (test && !test(item)) continue;
    const time = toTime(dateOf(item));
    if (time <= end && (best === undefined || time >= bestTime)) {
      best = item;
      bestTime = time;
    }
  }
  return best;
}

/** Oldest first. */
export const byDate = <T>(dateOf: (item: T) => string) => (a: T, b: T): number => toTime(dateOf(a)) - toTime(dateOf(b));

/**
 * The thank-you season of the Dutch school year (1 August – 31 July) that asOf falls in: from 1 June to the last
 * moment of 31 July, the school year's end, in UTC. Undefined outside the season.
 */
export function thankYouSeason(asOf: string): { from: string; dueAt: string } | undefined {
  const date = new Date(asOfTime(asOf));
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

export const isOpenedBy = (facts: PartnershipFacts, asOf: string): boolean => asOfTime(facts.openedAt) <= asOfTime(asOf);

export const isEndedBy = (facts: PartnershipFacts, asOf: string): boolean =>
  facts.endedAt !== undefined && asOfTime(facts.endedAt) <= asOfTime(asOf);

/** Whole days from when the partnership opened to asOf: daysBetween, with the opening's time remembered too. */
export const ageInDays = (facts: PartnershipFacts, asOf: string): number => Math.floor((asOfTime(asOf) - asOfTime(facts.openedAt)) / DAY_MS);

/**
 * Stage at asOf: `ended` if endedAt ≤ asOf, else the last stage-history entry dated ≤ asOf.
 * Before any entry (a history without its opening entry) the partnership was `exploring`, as every partnership opens.
 */
export function stageAt(facts: PartnershipFacts, asOf: string): Stage {
  if (isEndedBy(facts, asOf)) return 'ended';
  const { items, times } = chronologyOf(facts.stageHistory, stageDate);
  return items[countUpTo(times, asOfTime(asOf)) - 1]?.stage ?? 'exploring';
}

const stageDate = (item: { at: string }): string => item.at;

/**
 * Intensity at asOf: the last intensity-history entry dated ≤ asOf. The history starts with the opening entry;
 * if asOf precedes every entry the earliest one is used, and without any history the current intensity.
 */
export function intensityAt(facts: PartnershipFacts, asOf: string): Intensity {
  const { items, times } = chronologyOf(facts.intensityHistory, (item) => item.at);
  const count = countUpTo(times, asOfTime(asOf));
  return items[count - 1]?.intensity ?? items[0]?.intensity ?? facts.intensity;
}

/**
 * A list's items sorted by date (stable: equal dates keep list order) with their times, computed once per list.
 * Stored facts are immutable, so the memo is keyed by the list itself; a list that changed length is re-sorted.
 */
interface Chronology<T> {
  length: number;
  items: T[];
  times: number[];
}
const chronologies = new WeakMap<readonly unknown[], Chronology<unknown>>();

function chronologyOf<T>(list: readonly T[], dateOf: (item: T) => string): Chronology<T> {
  const known = chronologies.get(list) as Chronology<T> | undefined;
  if (known && known.length === list.length) return known;
  const dated = list.map((item, index) => ({ item, index, time: toTime(dateOf(item)) }));
  dated.sort((a, b) => a.time - b.time || a.index - b.index);
  const chronology = { length: list.length, items: dated.map((entry) => entry.item), times: dated.map((entry) => entry.time) };
  chronologies.set(list, chronology);
  return chronology;
}

/**
 * toTime of an asOf (or a partnership's opening and ending), remembered for the last thousand strings read: one
 * report or history reads the same few dates thousands of times, for every partnership and formula.
 */
const recentTimes = new Map<string, number>();
export function asOfTime(iso: string): number {
  let time = recentTimes.get(iso);
  if (time === undefined) {
    if (recentTimes.size >= 1024) recentTimes.clear();
    time = toTime(iso);
    recentTimes.set(iso, time);
  }
  return time;
}

/** The date fields of a list's items (strings, possibly absent). */
type DateField<T> = { [K in keyof T]-?: T[K] extends string | undefined ? K : never }[keyof T] & string;

const fieldTimes = new WeakMap<readonly object[], Map<string, Float64Array>>();

/**
 * The times of one date field of a list's items, by position (NaN where absent), read once per list and field:
 * reports and histories ask the same commitments, agreements and contact periods about many dates. Keyed by the
 * list itself, as chronologyOf is; a list that changed length is read again.
 */
export function timesOf<T extends object>(list: readonly T[], field: DateField<T>): Float64Array {
  let byField = fieldTimes.get(list);
  if (!byField) fieldTimes.set(list, (byField = new Map()));
  let times = byField.get(field);
  if (times && times.length === list.length) return times;
  times = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const value = list[i][field] as string | undefined;
    times[i] = value === undefined ? Number.NaN : toTime(value);
  }
  byField.set(field, times);
  return times;
}

/** How many of the ascending times are ≤ limit. */
function countUpTo(times: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

const touchpointDate = (touchpoint: TouchpointFact): string => touchpoint.at;

/** The touchpoints sorted by date once (oldest first; equal dates in event order), with their times. */
export function touchpointChronology(facts: PartnershipFacts): { items: readonly TouchpointFact[]; times: readonly number[] } {
  return chronologyOf(facts.touchpoints, touchpointDate);
}

/** The touchpoints of (asOf − days, asOf] as positions [from, to) in touchpointChronology, without building the list. */
export function touchpointRange(facts: PartnershipFacts, asOf: string, days: number): [from: number, to: number] {
  const { times } = chronologyOf(facts.touchpoints, touchpointDate);
  const end = asOfTime(asOf);
  return [countUpTo(times, end - days * DAY_MS), countUpTo(times, end)];
}

/** How many of the ascending numbers are ≤ limit (a binary search). */
export const countAtMost = (sorted: ArrayLike<number>, limit: number): number => countUpTo(sorted, limit);

/** Touchpoints dated on or before asOf, oldest first. */
export function touchpointsAsOf(facts: PartnershipFacts, asOf: string): TouchpointFact[] {
  const { items, times } = chronologyOf(facts.touchpoints, touchpointDate);
  return items.slice(0, countUpTo(times, asOfTime(asOf)));
}

/** Touchpoints in (asOf − days, asOf], oldest first. */
export function touchpointsInLastDays(facts: PartnershipFacts, asOf: string, days: number): TouchpointFact[] {
  const { items, times } = chronologyOf(facts.touchpoints, touchpointDate);
  const end = asOfTime(asOf);
  return items.slice(countUpTo(times, end - days * DAY_MS), countUpTo(times, end));
}

/** The latest touchpoint dated on or before asOf (of equal dates, the later in event order). */
export function lastTouchpoint(facts: PartnershipFacts, asOf: string): TouchpointFact | undefined {
  const { items, times } = chronologyOf(facts.touchpoints, touchpointDate);
  const count = countUpTo(times, asOfTime(asOf));
  return count > 0 ? items[count - 1] : undefined;
}

/** The latest evaluation held on or before asOf. */
export function latestEvaluation(facts: PartnershipFacts, asOf: string): EvaluationFact | undefined {
  const { items, times } = chronologyOf(facts.evaluations, evaluationDate);
  return items[countUpTo(times, asOfTime(asOf)) - 1];
}

const evaluationDate = (evaluation: EvaluationFact): string => evaluation.at;

// ---- contact persons at asOf ---------------------------------------------------------------------

/** A contact period is active at asOf when from ≤ asOf and (no `to` or to > asOf). */
export const isActiveAt = (period: ContactPeriod, asOf: string): boolean =>
  onOrBefore(period.from, asOf) && (period.to === undefined || toTime(period.to) > asOfTime(asOf));

/** isActiveAt of the period at `position` in facts.contacts, on times read once (timesOf). */
function activeAt(facts: PartnershipFacts, position: number, end: number): boolean {
  return timesOf(facts.contacts, 'from')[position] <= end && (facts.contacts[position].to === undefined || timesOf(facts.contacts, 'to')[position] > end);
}

export const contactsAt = (facts: PartnershipFacts, side: Side, asOf: string): ContactPeriod[] => {
  const end = asOfTime(asOf);
  return facts.contacts.filter((period, position) => period.side === side && activeAt(facts, position, end));
};

/** The primary contact of a side at asOf (the most recently assigned, should periods ever overlap). */
export function primaryAt(facts: PartnershipFacts, side: Side, asOf: string): ContactPeriod | undefined {
  // latestBy over the active primaries of the side: of equal dates the later in the list.
  const end = asOfTime(asOf);
  const from = timesOf(facts.contacts, 'from');
  let best = -1;
  for (let i = 0; i < facts.contacts.length; i++) {
    const period = facts.contacts[i];
    if (period.side !== side || period.role !== 'primary' || !activeAt(facts, i, end)) continue;
    if (best === -1 || from[i] >= from[best]) best = i;
  }
  return best === -1 ? undefined : facts.contacts[best];
}

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
  person.leftAt === undefined || toTime(person.leftAt) > asOfTime(asOf);

/** The side a person is on in this partnership, by their organisation. */
export function sideOf(facts: PartnershipFacts, person: PersonFacts | undefined): Side | undefined {
  if (!person) return undefined;
  if (person.organisationId === facts.schoolId) return 'school';
  if (person.organisationId === facts.partnerId) return 'partner';
  return undefined;
}

/** A person named in a partnership's touchpoints, as the formulas need them. */
export interface Participant {
  person: PersonFacts | undefined;
  /** Their side in the partnership, by their organisation (sideOf). */
  side: Side | undefined;
  /** When they left their organisation, as a time; +∞ while they have not. */
  leftTime: number;
}

const participantMemo = new WeakMap<PeopleLookup, WeakMap<PartnershipFacts, Map<string, Participant>>>();

/**
 * A participant looked up and placed once per partnership and lookup, however many touchpoints and dates a report
 * asks about: reports read the same people thousands of times. A lookup must answer the same for as long as it is
 * used, as the read side's does (one per read-model snapshot).
 */
export function participantsOf(facts: PartnershipFacts, people: PeopleLookup): (personId: string) => Participant {
  let byFacts = participantMemo.get(people);
  if (!byFacts) participantMemo.set(people, (byFacts = new WeakMap()));
  let known = byFacts.get(facts);
  if (!known) byFacts.set(facts, (known = new Map()));
  const participants = known;
  return (personId) => {
    let participant = participants.get(personId);
    if (!participant) {
      const person = people(personId);
      participant = { person, side: sideOf(facts, person), leftTime: person?.leftAt === undefined ? Number.POSITIVE_INFINITY : toTime(person.leftAt) };
      participants.set(personId, participant);
    }
    return participant;
  };
}

/** The role and tier a person had at a date (PersonFacts.roleHistory); before the first entry, the first entry's. */
export function roleAt(person: PersonFacts, at: string): { role: string; tier: PersonTier } {
  const history = person.roleHistory;
  // Most people never change role: one entry holds at every date.
  if (history.length <= 1) return history[0] ?? person;
  // An entry without a date (the registration, joinedAt unknown) holds from the start.
  const { items, times } = chronologyOf(history, (entry) => entry.from ?? EPOCH);
  const count = countUpTo(times, toTime(at));
  return items[count - 1] ?? items[0] ?? person;
}

/** The tier a person had at a date. */
export const tierAt = (person: PersonFacts, at: string): PersonTier => roleAt(person, at).tier;

/** Joined the organisation by asOf; one who joined at an unknown date counts from the start. */
export const joinedBy = (person: PersonFacts, asOf: string): boolean => person.joinedAt === undefined || onOrBefore(person.joinedAt, asOf);

/** A member of their organisation at asOf: joined by then and not left. */
export const memberAt = (person: PersonFacts, asOf: string): boolean => joinedBy(person, asOf) && inOrganisationAt(person, asOf);

/** A name a person can read: `[erased]` after erasure, `[unknown]` for an id the lookup does not know. */
export function displayName(person: PersonFacts | undefined): string {
  if (!person) return '[unknown]';
  return person.erased ? '[erased]' : person.name;
}
