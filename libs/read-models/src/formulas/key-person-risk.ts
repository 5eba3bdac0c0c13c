import { Side, SIDES } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { toTime } from '@crm/domain';
import { backupsAt, countAtMost, displayName, touchpointRange } from './as-of';
import { RULES } from './config';
import { explained, Explained, percent, plural, ReasonParams, share } from './text';
import { sideTouchpoints } from './touchpoint-index';

export type KeyPersonRisk = 'high' | 'medium' | 'low';

/** The codes of a key-person risk reason. */
export const KEY_PERSON_REASON_CODES = ['key_person.nobody_active', 'key_person.single_person', 'key_person.concentrated', 'key_person.no_backup', 'key_person.spread'] as const;
export type KeyPersonReasonCode = (typeof KEY_PERSON_REASON_CODES)[number];

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
  reasonCode: KeyPersonReasonCode;
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
  // Touchpoints of the side in the window, and per person still in the organisation at asOf (active) the
  // touchpoints they took part in; people counted in order of their first touchpoint in the window.
  const end = toTime(asOf);
  const [from, to] = touchpointRange(facts, asOf, RULES.yearDays);
  const index = sideTouchpoints(facts, people, side);
  const sideTouchpointCount = index.withSide[to] - index.withSide[from];
  const active: { id: string; count: number; first: number; place: number }[] = [];
  for (const person of index.people) {
    if (person.leftTime <= end) continue;
    const firstIn = countAtMost(person.positions, from - 1);
    const count = countAtMost(person.positions, to - 1) - firstIn;
    if (count > 0) active.push({ id: person.personId, count, first: person.positions[firstIn], place: person.places[firstIn] });
  }
  if (active.length > 1) active.sort((a, b) => a.first - b.first || a.place - b.place);
  const counts = new Map(active.map((entry) => [entry.id, entry.count]));
  const activePersonIds = [...counts.keys()];
  // The most frequent; of equal counts, the first id in localeCompare order.
  let top: [string, number] | undefined;
  for (const entry of counts) if (!top || entry[1] > top[1] || (entry[1] === top[1] && entry[0].localeCompare(top[0]) < 0)) top = entry;
  const topShare = top && sideTouchpointCount ? top[1] / sideTouchpointCount : null;
  const topPerson = top ? { personId: top[0], name: displayName(people(top[0])) } : null;
  const backupAssigned = backupsAt(facts, side, asOf).length > 0;
  const topFraction = topShare ?? 0;
  const window = `the last ${RULES.yearDays} days`;
  const topText = topPerson ? `${topPerson.name} took part in ${percent(topFraction)} of the ${side} side's ${plural(sideTouchpointCount, 'touchpoint')}` : '';
  const backupText = backupAssigned ? 'a backup is assigned' : 'no backup assigned';

  const params: ReasonParams = {
    side,
    person: topPerson?.name ?? null,
    percent: Math.round(topFraction * 100),
    touchpoints: sideTouchpointCount,
    active: activePersonIds.length,
    windowDays: RULES.yearDays,
    backup: backupAssigned,
  };

  let risk: KeyPersonRisk;
  let why: Explained<KeyPersonReasonCode>;
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
    topShare: top ? share(top[1], sideTouchpointCount) : null,
    activePeople: activePersonIds.length,
    activePersonIds,
    sideTouchpoints: sideTouchpointCount,
    backupAssigned,
    ...why,
  };
}

/** SPEC §3.3 for both sides. */
export function partnershipKeyPersonRisk(facts: PartnershipFacts, people: PeopleLookup, asOf: string): KeyPersonRiskReport {
  const [school, partner] = SIDES.map((side) => sideKeyPersonRisk(facts, people, side, asOf));
  return { partnershipId: facts.partnershipId, asOf, school, partner };
}
