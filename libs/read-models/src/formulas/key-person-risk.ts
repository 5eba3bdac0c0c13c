import { Side, SIDES } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { backupsAt, displayName, inOrganisationAt, sideOf, touchpointsInLastDays } from './as-of';
import { RULES } from './config';
import { percent, plural, share } from './text';

export type KeyPersonRisk = 'high' | 'medium' | 'low';

export interface SideKeyPersonRisk {
  side: Side;
  risk: KeyPersonRisk;
  topPerson: { personId: string; name: string } | null;
  /** Share of this side's touchpoints (last 365 days) the top person took part in; null without such touchpoints. */
  topShare: number | null;
  /** People of this side, still in the organisation at asOf, who took part in a touchpoint in the last 365 days. */
  activePeople: number;
  activePersonIds: string[];
  /** Touchpoints of the last 365 days in which someone of this side took part. */
  sideTouchpoints: number;
  backupAssigned: boolean;
  reason: string;
}

export interface KeyPersonRiskReport {
  partnershipId: string;
  asOf: string;
  school: SideKeyPersonRisk;
  partner: SideKeyPersonRisk;
}

/**
 * SPEC §3.3 for one side. Decision: the top person is chosen among the active people (those still in the
 * organisation), since the risk is about who the relation depends on now; the share's denominator is every
 * touchpoint of the side, including those carried by people who have left since.
 */
export function sideKeyPersonRisk(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): SideKeyPersonRisk {
  const ofSide = (id: string): boolean => sideOf(facts, people(id)) === side;
  const touchpoints = touchpointsInLastDays(facts, asOf, RULES.yearDays).filter((touchpoint) => touchpoint.participantIds.some(ofSide));
  const counts = new Map<string, number>();
  for (const touchpoint of touchpoints) {
    for (const id of new Set(touchpoint.participantIds)) {
      const person = people(id);
      if (ofSide(id) && person && inOrganisationAt(person, asOf)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const activePersonIds = [...counts.keys()];
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const topShare = top && touchpoints.length ? top[1] / touchpoints.length : null;
  const topPerson = top ? { personId: top[0], name: displayName(people(top[0])) } : null;
  const backupAssigned = backupsAt(facts, side, asOf).length > 0;
  const topFraction = topShare ?? 0;
  const window = `the last ${RULES.yearDays} days`;
  const topText = topPerson ? `${topPerson.name} took part in ${percent(topFraction)} of the ${side} side's ${plural(touchpoints.length, 'touchpoint')}` : '';
  const backupText = backupAssigned ? 'a backup is assigned' : 'no backup assigned';

  let risk: KeyPersonRisk;
  let reason: string;
  if (activePersonIds.length === 0) {
    risk = 'high';
    reason = `nobody of the ${side} side still in the organisation took part in a touchpoint in ${window}`;
  } else if (activePersonIds.length === 1) {
    risk = 'high';
    reason = `only ${topPerson?.name} of the ${side} side took part in touchpoints in ${window}`;
  } else if (topFraction >= RULES.keyPersonHighShare && !backupAssigned) {
    risk = 'high';
    reason = `${topText} in ${window}; ${backupText}`;
  } else if (topFraction >= RULES.keyPersonMediumShare) {
    risk = 'medium';
    reason = `${topText} in ${window}; ${backupText}`;
  } else if (!backupAssigned) {
    risk = 'medium';
    reason = `no backup contact assigned on the ${side} side; ${plural(activePersonIds.length, 'active person', 'active people')}`;
  } else {
    risk = 'low';
    reason = `${plural(activePersonIds.length, 'active person', 'active people')}; ${topText}; ${backupText}`;
  }
  return {
    side,
    risk,
    topPerson,
    topShare: top ? share(top[1], touchpoints.length) : null,
    activePeople: activePersonIds.length,
    activePersonIds,
    sideTouchpoints: touchpoints.length,
    backupAssigned,
    reason,
  };
}

/** SPEC §3.3 for both sides. */
export function partnershipKeyPersonRisk(facts: PartnershipFacts, people: PeopleLookup, asOf: string): KeyPersonRiskReport {
  const [school, partner] = SIDES.map((side) => sideKeyPersonRisk(facts, people, side, asOf));
  return { partnershipId: facts.partnershipId, asOf, school, partner };
}
