import { Side, SIDES } from '@crm/domain';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { toTime } from '@crm/domain';
import { asOfTime, backupsAt, countAtMost, displayName, touchpointRange } from './as-of';
import { RULES } from './config';
import { explained, Explained, percent, plural, ReasonParams, share } from './text';
import { SidePerson, sideTouchpoints } from './touchpoint-index';

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

/** Who took part on a side in the last 365 days: the figures the risk is decided on. */
interface SideParticipation {
  /** Touchpoints of the side in the window. */
  sideTouchpointCount: number;
  /** Per person still in the organisation at asOf, the touchpoints they took part in, in order of their first in the window. */
  active: { id: string; count: number }[];
}

/**
 * Calls `visit` for each person of the side still in the organisation at asOf (active) with the touchpoints of the
 * window they took part in (count > 0) and where the first of those is; returns how many touchpoints of the side the
 * window holds.
 */
function forEachActive(
  facts: PartnershipFacts,
  people: PeopleLookup,
  side: Side,
  asOf: string,
  visit: (person: SidePerson, count: number, firstIn: number) => void,
): number {
  const end = asOfTime(asOf);
  const [from, to] = touchpointRange(facts, asOf, RULES.yearDays);
  const index = sideTouchpoints(facts, people, side);
  for (const person of index.people) {
    if (person.leftTime <= end) continue;
    const firstIn = countAtMost(person.positions, from - 1);
    const count = countAtMost(person.positions, to - 1) - firstIn;
    if (count > 0) visit(person, count, firstIn);
  }
  return index.withSide[to] - index.withSide[from];
}

/**
 * Touchpoints of the side in the window, and per person still in the organisation at asOf (active) the
 * touchpoints they took part in; people counted in order of their first touchpoint in the window.
 */
function sideParticipation(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): SideParticipation {
  const active: { id: string; count: number; first: number; place: number }[] = [];
  const sideTouchpointCount = forEachActive(facts, people, side, asOf, (person, count, firstIn) => {
    active.push({ id: person.personId, count, first: person.positions[firstIn], place: person.places[firstIn] });
  });
  if (active.length > 1) active.sort((a, b) => a.first - b.first || a.place - b.place);
  return { sideTouchpointCount, active };
}

/** The most frequent active person; of equal counts, the first id in localeCompare order. */
function topOf(active: readonly { id: string; count: number }[]): [string, number] | undefined {
  let top: [string, number] | undefined;
  for (const entry of active) if (!top || entry.count > top[1] || (entry.count === top[1] && entry.id.localeCompare(top[0]) < 0)) top = [entry.id, entry.count];
  return top;
}

/** The decision of SPEC §3.3, with the code of its reason. */
function decideRisk(activePeople: number, topFraction: number, backupAssigned: boolean): { risk: KeyPersonRisk; code: KeyPersonReasonCode } {
  if (activePeople === 0) return { risk: 'high', code: 'key_person.nobody_active' };
  if (activePeople === 1) return { risk: 'high', code: 'key_person.single_person' };
  if (topFraction >= RULES.keyPersonHighShare && !backupAssigned) return { risk: 'high', code: 'key_person.concentrated' };
  if (topFraction >= RULES.keyPersonMediumShare) return { risk: 'medium', code: 'key_person.concentrated' };
  if (!backupAssigned) return { risk: 'medium', code: 'key_person.no_backup' };
  return { risk: 'low', code: 'key_person.spread' };
}

/**
 * sideKeyPersonRisk(…).risk without naming anyone or wording the reason: what the levels report reads of every
 * partnership at every date of a history.
 */
export function sideKeyPersonRiskLevel(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): KeyPersonRisk {
  // Only how many are active and the top person's count matter here (whoever wins a tie has the same count).
  let activePeople = 0;
  let topCount = 0;
  const sideTouchpointCount = forEachActive(facts, people, side, asOf, (_, count) => {
    activePeople += 1;
    if (count > topCount) topCount = count;
  });
  // Nobody or one person: high whatever the share and backups.
  if (activePeople < 2) return decideRisk(activePeople, 0, false).risk;
  const topFraction = sideTouchpointCount ? topCount / sideTouchpointCount : 0;
  return decideRisk(activePeople, topFraction, backupsAt(facts, side, asOf).length > 0).risk;
}

/**
 * SPEC §3.3 for one side. Decision: the top person is chosen among the active people (those still in the
 * organisation), since the risk is about who the relation depends on now; the share's denominator is every
 * touchpoint of the side, including those carried by people who have left since.
 */
export function sideKeyPersonRisk(facts: PartnershipFacts, people: PeopleLookup, side: Side, asOf: string): SideKeyPersonRisk {
  const { sideTouchpointCount, active } = sideParticipation(facts, people, side, asOf);
  const activePersonIds = active.map((entry) => entry.id);
  const top = topOf(active);
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

  const { risk, code } = decideRisk(activePersonIds.length, topFraction, backupAssigned);
  const texts: Record<KeyPersonReasonCode, () => string> = {
    'key_person.nobody_active': () => `nobody of the ${side} side still in the organisation took part in a touchpoint in ${window}`,
    'key_person.single_person': () => `only ${topPerson?.name} of the ${side} side took part in touchpoints in ${window}`,
    'key_person.concentrated': () => `${topText} in ${window}; ${backupText}`,
    'key_person.no_backup': () => `no backup contact assigned on the ${side} side; ${plural(activePersonIds.length, 'active person', 'active people')}`,
    'key_person.spread': () => `${plural(activePersonIds.length, 'active person', 'active people')}; ${topText}; ${backupText}`,
  };
  const why: Explained<KeyPersonReasonCode> = explained(code, params, texts[code]());
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
