import { Side } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { backupsAt, displayName, inOrganisationAt, isActiveAt, isEndedBy, isOpenedBy, onOrBefore, primaryAt, sideOf, touchpointsInLastDays } from './as-of';
import { RULES } from './config';
import { orphanedSince } from './continuity';
import { KEY_PERSON_REASON_CODES, sideKeyPersonRisk, sideKeyPersonRiskLevel } from './key-person-risk';
import { day, explained, ReasonParams } from './text';

/**
 * The codes of an exposure reason: primary contact; the only active person (the side's key-person risk reason);
 * and what their departure would do (orphaned, with or without backups; high risk, `riskCode` naming why).
 */
export const EXPOSURE_REASON_CODES = [
  'exposure.primary',
  'exposure.orphaned_backups',
  'exposure.orphaned_no_backup',
  'exposure.becomes_high_risk',
  ...KEY_PERSON_REASON_CODES,
] as const;
export type ExposureReasonCode = (typeof EXPOSURE_REASON_CODES)[number];

export interface ExposureEntry {
  partnershipId: string;
  side: Side;
  reason: string;
  reasonCode: ExposureReasonCode;
  reasonParams: ReasonParams;
}

export interface DepartureImpact extends ExposureEntry {
  becomes: 'orphaned' | 'high_risk';
}

export interface PersonExposure {
  personId: string;
  asOf: string;
  /** Partnerships where the person is the primary contact of their side at asOf. */
  primaryOf: ExposureEntry[];
  /** Partnerships where the person is the only active person of their side (SPEC §3.3). */
  onlyActivePersonIn: ExposureEntry[];
  /** Partnerships that would become orphaned or high-risk if the person left at asOf. */
  departureImpact: DepartureImpact[];
}

/**
 * The facts and people as if the person had left the organisation at `at`: their contact periods active at `at`
 * end there with reason left_organisation (as the domain records a departure), and the person's leftAt is `at`.
 */
export function asIfDeparted(
  facts: PartnershipFacts,
  people: PeopleLookup,
  personId: string,
  at: string,
): { facts: PartnershipFacts; people: PeopleLookup } {
  const contacts = facts.contacts.map((period) =>
    period.personId === personId && isActiveAt(period, at) ? { ...period, to: at, endReason: 'left_organisation' as const } : period,
  );
  const person = people(personId);
  const departed = person && { ...person, leftAt: person.leftAt && onOrBefore(person.leftAt, at) ? person.leftAt : at };
  return { facts: { ...facts, contacts }, people: (id) => (id === personId ? departed : people(id)) };
}

/**
 * What would change on the person's side of one partnership if they left at asOf. Decision: only changes count —
 * a side already orphaned or already high-risk does not "become" so.
 */
export function departureImpactOn(
  facts: PartnershipFacts,
  people: PeopleLookup,
  personId: string,
  side: Side,
  asOf: string,
): DepartureImpact | undefined {
  const name = displayName(people(personId));
  const after = asIfDeparted(facts, people, personId, asOf);
  // Orphaned and backups as sideContinuity gives them, without the rest of continuity.
  if (orphanedSince(after.facts, side, asOf) !== null && orphanedSince(facts, side, asOf) === null) {
    const backups = backupsAt(after.facts, side, asOf).map((period) => displayName(after.people(period.personId)));
    const cover = backups.length ? `backups ${backups.join(', ')} would have to take over` : 'and no backup is assigned';
    const why = explained(backups.length ? 'exposure.orphaned_backups' : 'exposure.orphaned_no_backup', { name, side, backups: backups.join(', ') || null }, `${name} is the ${side}-side primary contact; ${cover}`);
    return { partnershipId: facts.partnershipId, side, becomes: 'orphaned', ...why };
  }
  // The risks compared unworded; the reason is worded only for a departure that makes the risk high.
  if (sideKeyPersonRiskLevel(after.facts, after.people, side, asOf) === 'high' && sideKeyPersonRiskLevel(facts, people, side, asOf) !== 'high') {
    const riskAfter = sideKeyPersonRisk(after.facts, after.people, side, asOf);
    const why = explained('exposure.becomes_high_risk', { ...riskAfter.reasonParams, name, riskCode: riskAfter.reasonCode }, `without ${name}: ${riskAfter.reason}`);
    return { partnershipId: facts.partnershipId, side, becomes: 'high_risk', ...why };
  }
  return undefined;
}

/** A contact now, or a participant in the last 365 days: only then can the person's departure change anything. */
const isInvolved = (facts: PartnershipFacts, personId: string, asOf: string): boolean =>
  facts.contacts.some((period) => period.personId === personId && isActiveAt(period, asOf)) ||
  touchpointsInLastDays(facts, asOf, RULES.yearDays).some((touchpoint) => touchpoint.participantIds.includes(personId));

/** SPEC §3.3 per person, over the partnerships given (those open and not ended at asOf on the person's side are used). */
export function personExposure(
  personId: string,
  partnerships: readonly PartnershipFacts[],
  people: PeopleLookup,
  asOf: string,
): PersonExposure {
  const exposure: PersonExposure = { personId, asOf, primaryOf: [], onlyActivePersonIn: [], departureImpact: [] };
  const person = people(personId);
  // Someone who has already left cannot leave again, and carries nothing any more.
  if (!person || !inOrganisationAt(person, asOf)) return exposure;
  const name = displayName(person);
  for (const facts of partnerships) {
    const side = sideOf(facts, person);
    if (!side || !isOpenedBy(facts, asOf) || isEndedBy(facts, asOf) || !isInvolved(facts, personId, asOf)) continue;
    const partnershipId = facts.partnershipId;
    const primary = primaryAt(facts, side, asOf);
    if (primary?.personId === personId) {
      const why = explained('exposure.primary', { name, side, since: day(primary.from) }, `${name} is the ${side}-side primary contact since ${day(primary.from)}`);
      exposure.primaryOf.push({ partnershipId, side, ...why });
    }
    const risk = sideKeyPersonRisk(facts, people, side, asOf);
    if (risk.activePersonIds.length === 1 && risk.activePersonIds[0] === personId) {
      exposure.onlyActivePersonIn.push({ partnershipId, side, reason: risk.reason, reasonCode: risk.reasonCode, reasonParams: risk.reasonParams });
    }
    const impact = departureImpactOn(facts, people, personId, side, asOf);
    if (impact) exposure.departureImpact.push(impact);
  }
  return exposure;
}
