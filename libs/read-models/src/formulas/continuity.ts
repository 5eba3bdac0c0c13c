import { DAY_MS, Side, SIDES, toTime } from '@crm/domain';
import { ContactPeriod, PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import {
  addDays,
  backupsAt,
  daysBetween,
  displayName,
  isEndedBy,
  laterOf,
  onOrBefore,
  primaryAt,
  primaryPeriodsAsOf,
  sideOf,
  touchpointsAsOf,
  touchpointsInLastDays,
  withinLastDays,
} from './as-of';
import { RULES } from './config';
import { day, explained, Explained, plural, ReasonParams } from './text';

/**
 * The codes of a side's continuity reason: who is primary (or why nobody is). `backupsCode` and `handoversCode` in
 * its params are reasons of their own, worded with the same params.
 */
export const SIDE_CONTINUITY_REASON_CODES = ['side_continuity.primary', 'side_continuity.orphaned', 'side_continuity.no_primary'] as const;
export type SideContinuityReasonCode = (typeof SIDE_CONTINUITY_REASON_CODES)[number];
/** The codes a side's continuity reason names in its params. */
export const SIDE_CONTINUITY_PART_CODES = ['side_continuity.backups', 'side_continuity.no_backup', 'side_continuity.handovers', 'side_continuity.no_handovers'] as const;

export interface ContactRef {
  personId: string;
  name: string;
  since: string;
  tenureDays: number;
}

export interface Handover {
  /** When the successor became primary. */
  at: string;
  from: { personId: string; name: string };
  to: { personId: string; name: string };
  /** The successor took part in a touchpoint of this partnership before the predecessor was unassigned. */
  warm: boolean;
}

export interface SideContinuity {
  side: Side;
  primary: ContactRef | null;
  backups: ContactRef[];
  /** Times the primary changed to a different person. */
  handovers: { allTime: number; last3Years: number };
  warmHandovers: number;
  coldHandovers: number;
  handoverLog: Handover[];
  /** Days in the last 730 without a primary (never counting before openedAt, nor after the partnership ended). */
  gapDays: number;
  /** No primary at asOf because the last one left the organisation (and nobody was assigned since). */
  orphaned: boolean;
  orphanedSince: string | null;
  /** People of this side who took part in touchpoints in the last 365 days. */
  distinctParticipants365: number;
  reason: string;
  reasonCode: SideContinuityReasonCode;
  reasonParams: ReasonParams;
}

type ContinuityFigures = Omit<SideContinuity, 'reason' | 'reasonCode' | 'reasonParams'>;

export interface ContinuityReport {
  partnershipId: string;
  asOf: string;
  school: SideContinuity;
  partner: SideContinuity;
}

const contactRef = (period: ContactPeriod, people: PeopleLookup, asOf: string): ContactRef => ({
  personId: period.personId,
  name: displayName(people(period.personId)),
  since: period.from,
  tenureDays: daysBetween(period.from, asOf),
});

/**
 * Each primary period that follows a primary period of a different person is a handover (also after a gap).
 * Warm when the successor took part in a touchpoint dated on or before the predecessor's unassignment: records are
 * often dated by day, so a handover meeting on the day itself counts.
 */
export function handoversOf(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): Handover[] {
  const periods = primaryPeriodsAsOf(facts, side, asOf);
  const touchpoints = touchpointsAsOf(facts, asOf);
  const handovers: Handover[] = [];
  periods.forEach((successor, index) => {
    const predecessor = periods[index - 1];
    if (!predecessor || predecessor.personId === successor.personId) return;
    const unassignedAt = predecessor.to ?? successor.from;
    const warm = touchpoints.some(
      (touchpoint) => touchpoint.participantIds.includes(successor.personId) && onOrBefore(touchpoint.at, unassignedAt),
    );
    handovers.push({
      at: successor.from,
      from: { personId: predecessor.personId, name: displayName(people(predecessor.personId)) },
      to: { personId: successor.personId, name: displayName(people(successor.personId)) },
      warm,
    });
  });
  return handovers;
}

/** Days without a primary in (asOf − 730 days, asOf], clipped to [openedAt, endedAt]. */
export function gapDays(facts: PartnershipFacts, side: Side, asOf: string): number {
  const start = toTime(laterOf(addDays(asOf, -RULES.gapWindowDays), facts.openedAt));
  const end = isEndedBy(facts, asOf) ? toTime(facts.endedAt as string) : toTime(asOf);
  if (end <= start) return 0;
  const intervals = primaryPeriodsAsOf(facts, side, asOf)
    .map((period) => [Math.max(start, toTime(period.from)), Math.min(end, period.to ? toTime(period.to) : end)] as const)
    .filter(([from, to]) => to > from);
  let covered = 0;
  let reach = start;
  for (const [from, to] of intervals) {
    // Sorted by start: count only what lies beyond what is already covered (periods may touch or overlap).
    if (to > reach) {
      covered += to - Math.max(from, reach);
      reach = to;
    }
  }
  return Math.floor((end - start - covered) / DAY_MS);
}

/**
 * Orphaned: no primary at asOf, and the last primary period ended because the person left the organisation.
 * Decision: an ended partnership is never orphaned (there is nothing left to rescue).
 */
export function orphanedSince(facts: PartnershipFacts, side: Side, asOf: string): string | null {
  if (isEndedBy(facts, asOf) || primaryAt(facts, side, asOf)) return null;
  const last = primaryPeriodsAsOf(facts, side, asOf).at(-1);
  return last?.endReason === 'left_organisation' && last.to ? last.to : null;
}

function distinctParticipants(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): number {
  const ids = new Set<string>();
  for (const touchpoint of touchpointsInLastDays(facts, asOf, RULES.yearDays)) {
    for (const id of touchpoint.participantIds) if (sideOf(facts, people(id)) === side) ids.add(id);
  }
  return ids.size;
}

function describe(side: Side, result: ContinuityFigures): Explained<SideContinuityReasonCode> {
  const parts: string[] = [];
  if (result.primary) parts.push(`primary ${result.primary.name} since ${day(result.primary.since)} (${plural(result.primary.tenureDays, 'day')})`);
  else if (result.orphaned) parts.push(`orphaned since ${day(result.orphanedSince as string)}: the last primary left the organisation`);
  else parts.push(`no ${side}-side primary contact`);
  parts.push(result.backups.length ? `backups: ${result.backups.map((backup) => backup.name).join(', ')}` : 'no backup');
  const { allTime } = result.handovers;
  parts.push(allTime ? `${plural(allTime, 'handover')} (${result.warmHandovers} warm, ${result.coldHandovers} cold)` : 'no handovers');
  parts.push(`${plural(result.gapDays, 'day')} without a primary in the last ${RULES.gapWindowDays}`);
  const params: ReasonParams = {
    side,
    primary: result.primary?.name ?? null,
    since: result.primary ? day(result.primary.since) : null,
    tenureDays: result.primary?.tenureDays ?? null,
    orphanedSince: result.orphanedSince && day(result.orphanedSince),
    backupsCode: result.backups.length ? 'side_continuity.backups' : 'side_continuity.no_backup',
    backups: result.backups.map((backup) => backup.name).join(', ') || null,
    handoversCode: allTime ? 'side_continuity.handovers' : 'side_continuity.no_handovers',
    handovers: allTime,
    warm: result.warmHandovers,
    cold: result.coldHandovers,
    gapDays: result.gapDays,
    windowDays: RULES.gapWindowDays,
  };
  const code = result.primary ? 'side_continuity.primary' : result.orphaned ? 'side_continuity.orphaned' : 'side_continuity.no_primary';
  return explained(code, params, parts.join('; '));
}

/** SPEC §3.2 for one side. */
export function sideContinuity(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): SideContinuity {
  const primary = primaryAt(facts, side, asOf);
  const log = handoversOf(facts, people, side, asOf);
  const since = orphanedSince(facts, side, asOf);
  const result: ContinuityFigures = {
    side,
    primary: primary ? contactRef(primary, people, asOf) : null,
    backups: backupsAt(facts, side, asOf).map((period) => contactRef(period, people, asOf)),
    handovers: {
      allTime: log.length,
      last3Years: log.filter((handover) => withinLastDays(handover.at, asOf, RULES.recentHandoverDays)).length,
    },
    warmHandovers: log.filter((handover) => handover.warm).length,
    coldHandovers: log.filter((handover) => !handover.warm).length,
    handoverLog: log,
    gapDays: gapDays(facts, side, asOf),
    orphaned: since !== null,
    orphanedSince: since,
    distinctParticipants365: distinctParticipants(facts, people, side, asOf),
  };
  return { ...result, ...describe(side, result) };
}

/** SPEC §3.2 for both sides. */
export function partnershipContinuity(facts: PartnershipFacts, people: PeopleLookup, asOf: string): ContinuityReport {
  const [school, partner] = SIDES.map((side) => sideContinuity(facts, people, side, asOf));
  return { partnershipId: facts.partnershipId, asOf, school, partner };
}
