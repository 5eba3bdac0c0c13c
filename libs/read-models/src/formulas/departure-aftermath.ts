import { Side, toTime } from '@crm/domain';
import { ContactPeriod, PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup, PersonFacts } from '../facts/person-facts';
import { addDays, daysBetween, displayName, isEndedBy, onOrBefore, touchpointsAsOf } from './as-of';
import { handoversOf } from './continuity';
import { median } from './statistics';
import { day, explained, Explained, percent, plural, ReasonParams, share } from './text';

/**
 * The codes of a departed relation's reason: what became of the side the person carried. Its params name parts that
 * are reasons of their own (`afterCode`, `changeCode`, `whenCode`, `handoverCode`), worded with the same params.
 */
export const DEPARTED_RELATION_REASON_CODES = ['departure.new_primary', 'departure.ended', 'departure.still_open'] as const;
export type DepartedRelationReasonCode = (typeof DEPARTED_RELATION_REASON_CODES)[number];
export const DEPARTED_RELATION_PART_CODES = [
  'departure.after_complete',
  'departure.after_so_far',
  'departure.fell',
  'departure.held',
  'departure.unjudged',
  'departure.on_departure',
  'departure.after_days',
  'departure.warm',
  'departure.cold',
] as const;
/** The codes of the departures report's figures, per figure (`reasonCodes`), worded with the report's `reasonParams`. */
export const DEPARTURES_FIGURE_CODES = ['departures.count', 'departures.median_days_to_new_primary', 'departures.fell_by_half'] as const;

/**
 * SPEC §3.8 departure aftermath (seed 001: "als die mensen weg zijn, dan is de energie er ook uit"): for each person
 * who left, what happened to the partnerships they carried.
 */

/** Touchpoints are compared over this many days before and after the departure. */
export const AFTERMATH_WINDOW_DAYS = 180;

export type HandoverOutcome = 'warm' | 'cold' | 'none';

export interface DepartedRelation {
  partnershipId: string;
  schoolId: string;
  partnerId: string;
  /** The side the person carried it on. */
  side: Side;
  /** Every touchpoint of the partnership in (leftAt − 180 days, leftAt]. */
  touchpointsBefore: number;
  /** Every touchpoint in (leftAt, leftAt + 180 days], as far as asOf reaches. */
  touchpointsAfter: number;
  /** asOf lies 180 days or more after the departure, so touchpointsAfter covers the whole window. */
  afterWindowComplete: boolean;
  /** touchpointsAfter ≤ half of touchpointsBefore; null when nothing came before or the window is not complete. */
  activityFellByHalf: boolean | null;
  /** The first primary of that side after them, by asOf. */
  newPrimary: { personId: string; name: string; since: string } | null;
  /** Whole days from the departure to the new primary (0 when assigned before it); null while none. */
  daysToNewPrimary: number | null;
  /** No new primary by asOf and the partnership not ended. */
  stillOpen: boolean;
  /** warm: the successor took part in a touchpoint before the person was unassigned (SPEC §3.2); none: no successor. */
  handover: HandoverOutcome;
  reason: string;
  reasonCode: DepartedRelationReasonCode;
  reasonParams: ReasonParams;
}

type RelationFigures = Omit<DepartedRelation, 'reason' | 'reasonCode' | 'reasonParams'>;

export interface DepartureAftermath {
  personId: string;
  name: string;
  organisationId: string;
  leftAt: string;
  relations: DepartedRelation[];
}

/**
 * The partnerships a person carried: those where they were primary contact at some moment of the 180 days up to
 * their departure (so a handover made shortly before leaving counts), the last such period per partnership.
 */
function carriedPeriod(facts: PartnershipFacts, person: PersonFacts, leftAt: string): ContactPeriod | undefined {
  const windowStart = toTime(addDays(leftAt, -AFTERMATH_WINDOW_DAYS));
  let carried: ContactPeriod | undefined;
  for (const period of facts.contacts) {
    if (period.personId !== person.personId || period.role !== 'primary' || !onOrBefore(period.from, leftAt)) continue;
    if (period.to !== undefined && toTime(period.to) <= windowStart) continue;
    if (!carried || toTime(period.from) >= toTime(carried.from)) carried = period;
  }
  return carried;
}

function describe(name: string, leftAt: string, relation: RelationFigures, endedAt: string | undefined): Explained<DepartedRelationReasonCode> {
  const parts = [`${name} left on ${day(leftAt)}`];
  let fallPercent: number | null = null;
  const after = relation.afterWindowComplete ? `${relation.touchpointsAfter} in the ${AFTERMATH_WINDOW_DAYS} after` : `${relation.touchpointsAfter} after so far (the ${AFTERMATH_WINDOW_DAYS} days are not over)`;
  let change = '';
  if (relation.activityFellByHalf !== null && relation.touchpointsBefore > 0) {
    const fall = 1 - relation.touchpointsAfter / relation.touchpointsBefore;
    fallPercent = Math.round(fall * 100);
    change = fall > 0 ? ` (fell by ${percent(fall)})` : ' (held up)';
  }
  parts.push(`${plural(relation.touchpointsBefore, 'touchpoint')} in the ${AFTERMATH_WINDOW_DAYS} days before, ${after}${change}`);
  if (relation.newPrimary) {
    const when = relation.daysToNewPrimary === 0 ? 'from the day of the departure or before' : `after ${plural(relation.daysToNewPrimary ?? 0, 'day')}`;
    const how = relation.handover === 'warm' ? 'a warm handover: the successor had taken part before' : 'a cold handover: the successor had taken part in nothing before';
    parts.push(`new ${relation.side}-side primary ${relation.newPrimary.name} ${when}, ${how}`);
  } else if (endedAt) {
    parts.push(`no new ${relation.side}-side primary; the partnership ended on ${day(endedAt)}`);
  } else {
    parts.push(`still no new ${relation.side}-side primary`);
  }
  const params: ReasonParams = {
    name,
    leftAt: day(leftAt),
    side: relation.side,
    before: relation.touchpointsBefore,
    after: relation.touchpointsAfter,
    windowDays: AFTERMATH_WINDOW_DAYS,
    afterCode: relation.afterWindowComplete ? 'departure.after_complete' : 'departure.after_so_far',
    changeCode: fallPercent === null ? 'departure.unjudged' : fallPercent > 0 ? 'departure.fell' : 'departure.held',
    fallPercent,
    successor: relation.newPrimary?.name ?? null,
    whenCode: relation.daysToNewPrimary === 0 ? 'departure.on_departure' : 'departure.after_days',
    daysToNewPrimary: relation.daysToNewPrimary,
    handoverCode: relation.handover === 'warm' ? 'departure.warm' : 'departure.cold',
    endedOn: endedAt ? day(endedAt) : null,
  };
  const code = relation.newPrimary ? 'departure.new_primary' : endedAt ? 'departure.ended' : 'departure.still_open';
  return explained(code, params, parts.join('; '));
}

function departedRelation(facts: PartnershipFacts, person: PersonFacts, period: ContactPeriod, people: PeopleLookup, asOf: string): DepartedRelation {
  const leftAt = person.leftAt as string;
  const afterEnd = addDays(leftAt, AFTERMATH_WINDOW_DAYS);
  const afterWindowComplete = onOrBefore(afterEnd, asOf);
  const upTo = (at: string) => touchpointsAsOf(facts, at).length;
  const touchpointsBefore = upTo(leftAt) - upTo(addDays(leftAt, -AFTERMATH_WINDOW_DAYS));
  const touchpointsAfter = upTo(afterWindowComplete ? afterEnd : asOf) - upTo(leftAt);
  const handover = handoversOf(facts, people, period.side, asOf).find(
    (entry) => entry.from.personId === person.personId && toTime(entry.at) >= toTime(period.from),
  );
  const ended = isEndedBy(facts, asOf);
  const relation: RelationFigures = {
    partnershipId: facts.partnershipId,
    schoolId: facts.schoolId,
    partnerId: facts.partnerId,
    side: period.side,
    touchpointsBefore,
    touchpointsAfter,
    afterWindowComplete,
    activityFellByHalf: touchpointsBefore > 0 && afterWindowComplete ? touchpointsAfter * 2 <= touchpointsBefore : null,
    newPrimary: handover ? { ...handover.to, since: handover.at } : null,
    daysToNewPrimary: handover ? Math.max(0, daysBetween(leftAt, handover.at)) : null,
    stillOpen: !handover && !ended,
    handover: handover ? (handover.warm ? 'warm' : 'cold') : 'none',
  };
  return { ...relation, ...describe(displayName(person), leftAt, relation, ended ? facts.endedAt : undefined) };
}

/**
 * The aftermath of one person's departure, over the partnerships given (those of their organisation; others are
 * passed over). Empty relations when the person had not left by asOf or carried nothing.
 */
export function departureAftermath(person: PersonFacts, partnerships: readonly PartnershipFacts[], people: PeopleLookup, asOf: string): DepartureAftermath {
  const result: DepartureAftermath = { personId: person.personId, name: displayName(person), organisationId: person.organisationId, leftAt: person.leftAt ?? '', relations: [] };
  if (person.leftAt === undefined || !onOrBefore(person.leftAt, asOf)) return result;
  for (const facts of partnerships) {
    if (facts.schoolId !== person.organisationId && facts.partnerId !== person.organisationId) continue;
    const period = carriedPeriod(facts, person, person.leftAt);
    if (period) result.relations.push(departedRelation(facts, person, period, people, asOf));
  }
  return result;
}

export interface DeparturesPeriod {
  /** Departures dated in [from, to]; to is capped at asOf. */
  from: string;
  to: string;
  /** Only this person's departure. */
  personId?: string;
}

export interface DeparturesReport {
  asOf: string;
  from: string;
  to: string;
  /** People who left in the period and carried at least one of the partnerships. */
  departures: number;
  relations: number;
  medianDaysToNewPrimary: number | null;
  stillOpen: number;
  warmHandovers: number;
  coldHandovers: number;
  /** Share of the relations with a complete after-window and touchpoints before whose touchpoints fell by half or more. */
  activityFellByHalfShare: number | null;
  reasons: Record<string, string>;
  /** The code of each figure's reason, per figure, worded with `reasonParams`. */
  reasonCodes: Record<string, (typeof DEPARTURES_FIGURE_CODES)[number]>;
  reasonParams: ReasonParams;
  items: DepartureAftermath[];
}

/** The people named as primary contacts in the partnerships who left in the period, earliest departure first. */
function departedCarriers(partnerships: readonly PartnershipFacts[], people: PeopleLookup, period: DeparturesPeriod): PersonFacts[] {
  const found = new Map<string, PersonFacts>();
  for (const facts of partnerships) {
    for (const contact of facts.contacts) {
      if (contact.role !== 'primary' || found.has(contact.personId) || (period.personId !== undefined && contact.personId !== period.personId)) continue;
      const person = people(contact.personId);
      if (person?.leftAt !== undefined && onOrBefore(period.from, person.leftAt) && onOrBefore(person.leftAt, period.to)) found.set(person.personId, person);
    }
  }
  return [...found.values()].sort((a, b) => toTime(a.leftAt as string) - toTime(b.leftAt as string) || a.personId.localeCompare(b.personId));
}

/** SPEC §3.8 over all departures in a period, for the partnerships given (the caller's scope). */
export function departuresReport(partnerships: readonly PartnershipFacts[], people: PeopleLookup, asOf: string, period: DeparturesPeriod): DeparturesReport {
  const to = onOrBefore(period.to, asOf) ? period.to : asOf;
  const bounded = { ...period, to };
  const byOrganisation = new Map<string, PartnershipFacts[]>();
  for (const facts of partnerships) {
    for (const id of [facts.schoolId, facts.partnerId]) {
      const list = byOrganisation.get(id);
      if (list) list.push(facts);
      else byOrganisation.set(id, [facts]);
    }
  }
  const items = departedCarriers(partnerships, people, bounded)
    .map((person) => departureAftermath(person, byOrganisation.get(person.organisationId) ?? [], people, asOf))
    .filter((item) => item.relations.length > 0);
  const relations = items.flatMap((item) => item.relations);
  const assigned = relations.flatMap((relation) => (relation.daysToNewPrimary === null ? [] : [relation.daysToNewPrimary]));
  const judged = relations.filter((relation) => relation.activityFellByHalf !== null);
  const fell = judged.filter((relation) => relation.activityFellByHalf).length;
  const stillOpen = relations.filter((relation) => relation.stillOpen).length;
  return {
    asOf,
    from: bounded.from,
    to,
    departures: items.length,
    relations: relations.length,
    medianDaysToNewPrimary: median(assigned),
    stillOpen,
    warmHandovers: relations.filter((relation) => relation.handover === 'warm').length,
    coldHandovers: relations.filter((relation) => relation.handover === 'cold').length,
    activityFellByHalfShare: share(fell, judged.length),
    reasons: {
      departures: `${plural(items.length, 'person', 'people')} who left between ${day(bounded.from)} and ${day(to)} and was primary contact of a partnership in the ${AFTERMATH_WINDOW_DAYS} days before leaving`,
      medianDaysToNewPrimary: `median days from the departure to a new primary over the ${assigned.length} of ${plural(relations.length, 'relation')} that have one; ${stillOpen} still open`,
      activityFellByHalfShare: `${fell} of the ${plural(judged.length, 'relation')} with touchpoints before and ${AFTERMATH_WINDOW_DAYS} days passed since the departure had half or fewer touchpoints after it`,
    },
    reasonCodes: {
      departures: 'departures.count',
      medianDaysToNewPrimary: 'departures.median_days_to_new_primary',
      activityFellByHalfShare: 'departures.fell_by_half',
    },
    reasonParams: {
      people: items.length,
      from: day(bounded.from),
      to: day(to),
      windowDays: AFTERMATH_WINDOW_DAYS,
      assigned: assigned.length,
      relations: relations.length,
      stillOpen,
      fell,
      judged: judged.length,
    },
    items,
  };
}
