import { Side, SIDES } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup, PersonFacts } from '../facts/person-facts';
import { backupsAt, displayName, inOrganisationAt, sideOf, touchpointsInLastDays } from './as-of';
import { RULES } from './config';
import { explained, Explained, percent, plural, ReasonParams, share } from './text';

export type KeyPersonRisk = 'high' | 'medium' | 'low';

type Standing = 'other side' | 'left' | 'active';

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
  reasonCode: string;
  reasonParams: ReasonParams;
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
  // Each participant is looked up once: not of this side, of this side but left by asOf, or active on this side.
  const standing = new Map<string, Standing>();
  const standingOf = (id: string): Standing => {
    let known = standing.get(id);
    if (known === undefined) {
      const person = people(id);
      known = sideOf(facts, person) !== side ? 'other side' : inOrganisationAt(person as PersonFacts, asOf) ? 'active' : 'left';
      standing.set(id, known);
    }
    return known;
  };
  // Touchpoints of the side (someone of this side took part), and per active person the touchpoints they took part in.
  let sideTouchpoints = 0;
  const counts = new Map<string, number>();
  for (const touchpoint of touchpointsInLastDays(facts, asOf, RULES.yearDays)) {
    const ids = touchpoint.participantIds;
    let ofSide = false;
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index];
      const participant = standingOf(id);
      if (participant === 'other side') continue;
      ofSide = true;
      if (participant === 'active' && ids.indexOf(id) === index) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (ofSide) sideTouchpoints += 1;
  }
  const activePersonIds = [...counts.keys()];
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const topShare = top && sideTouchpoints ? top[1] / sideTouchpoints : null;
  const topPerson = top ? { personId: top[0], name: displayName(people(top[0])) } : null;
  const backupAssigned = backupsAt(facts, side, asOf).length > 0;
  const topFraction = topShare ?? 0;
  const window = `the last ${RULES.yearDays} days`;
  const topText = topPerson ? `${topPerson.name} took part in ${percent(topFraction)} of the ${side} side's ${plural(sideTouchpoints, 'touchpoint')}` : '';
  const backupText = backupAssigned ? 'a backup is assigned' : 'no backup assigned';

  const params: ReasonParams = {
    side,
    person: topPerson?.name ?? null,
    percent: Math.round(topFraction * 100),
    touchpoints: sideTouchpoints,
    active: activePersonIds.length,
    windowDays: RULES.yearDays,
    backup: backupAssigned,
  };

  let risk: KeyPersonRisk;
  let why: Explained;
  if (activePersonIds.length === 0) {
    risk = 'high';
    why = explained('key_person.nobody_active', params, `nobody of the ${side} side still in the organisation took part in a touchpoint in ${window}`);
  } else if (activePersonIds.length === 1) {
    risk = 'high';
    why = explained('key_person.single_person', params, `only ${topPerson?.name} of the ${side} side took part in touchpoints in ${window}`);
  } else if (topFraction >= RULES.keyPersonHighShare && !backupAssigned) {
    risk = 'high';
    why = explained('key_person.concentrated', params, `${topText} in ${window}; ${backupText}`);
  } else if (topFraction >= RULES.keyPersonMediumShare) {
    risk = 'medium';
    why = explained('key_person.concentrated', params, `${topText} in ${window}; ${backupText}`);
  } else if (!backupAssigned) {
    risk = 'medium';
    why = explained('key_person.no_backup', params, `no backup contact assigned on the ${side} side; ${plural(activePersonIds.length, 'active person', 'active people')}`);
  } else {
    risk = 'low';
    why = explained('key_person.spread', params, `${plural(activePersonIds.length, 'active person', 'active people')}; ${topText}; ${backupText}`);
  }
  return {
    side,
    risk,
    topPerson,
    topShare: top ? share(top[1], sideTouchpoints) : null,
    activePeople: activePersonIds.length,
    activePersonIds,
    sideTouchpoints,
    backupAssigned,
    ...why,
  };
}

/** SPEC §3.3 for both sides. */
export function partnershipKeyPersonRisk(facts: PartnershipFacts, people: PeopleLookup, asOf: string): KeyPersonRiskReport {
  const [school, partner] = SIDES.map((side) => sideKeyPersonRisk(facts, people, side, asOf));
  return { partnershipId: facts.partnershipId, asOf, school, partner };
}
