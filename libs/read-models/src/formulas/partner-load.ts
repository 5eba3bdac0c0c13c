import { ActivityKind, OrganisationKind, OrganisationSize, toTime } from '@crm/domain';
import { OrganisationFacts } from '../facts/organisation-facts';
import { PartnershipFacts } from '../facts/partnership-facts';
import { PeopleLookup } from '../facts/person-facts';
import { addDays, isOpenedBy, sideOf, touchpointsInLastDays } from './as-of';
import { RULES } from './config';
import { OrganisationLookup } from './levels-report';
import { explained, Explained, plural, round1 } from './text';

/**
 * SPEC §3.8 partner load (seed 001: popular companies get over-asked by many schools at once): per partner
 * organisation, across all schools, what was asked of it in the last 365 days.
 */

export type SizeOrUnknown = OrganisationSize | 'unknown';

/** What an organisation of a size can be asked for in a year without strain. */
export interface ExpectedLoad {
  schools: number;
  activities: number;
}

/**
 * The rule of `overAsked` (README "Partner load"): load = the larger of schools / expected schools and
 * activities / expected activities for the organisation's size; over-asked when load ≥ overAskedFactor.
 * Configuration with these defaults, like the health weights.
 */
export interface PartnerLoadConfig {
  expected: Readonly<Record<SizeOrUnknown, ExpectedLoad>>;
  overAskedFactor: number;
}

export const DEFAULT_PARTNER_LOAD_CONFIG: PartnerLoadConfig = {
  expected: {
    micro: { schools: 1, activities: 3 },
    small: { schools: 2, activities: 6 },
    medium: { schools: 4, activities: 12 },
    large: { schools: 8, activities: 24 },
    // Governments, networks and others without a size: as a medium-sized organisation.
    unknown: { schools: 4, activities: 12 },
  },
  overAskedFactor: 2,
};

export interface PartnerLoadConfigOverrides {
  expected?: Partial<Record<SizeOrUnknown, ExpectedLoad>>;
  overAskedFactor?: number;
}

export function partnerLoadConfig(overrides: PartnerLoadConfigOverrides = {}): PartnerLoadConfig {
  return {
    expected: { ...DEFAULT_PARTNER_LOAD_CONFIG.expected, ...overrides.expected },
    overAskedFactor: overrides.overAskedFactor ?? DEFAULT_PARTNER_LOAD_CONFIG.overAskedFactor,
  };
}

export interface PartnerLoadRow extends Explained {
  partnerId: string;
  partnerName: string;
  kind: OrganisationKind | null;
  size: OrganisationSize | null;
  sector: string | null;
  /** Partnerships with this partner running at some moment of the last 365 days. */
  partnerships: number;
  /** Distinct schools of those partnerships. */
  schools: number;
  /** Distinct school-side people who took part in a touchpoint with this partner in the last 365 days. */
  schoolPeople: number;
  /** Distinct people of the partner asked: who took part in a touchpoint in the last 365 days. */
  partnerPeople: number;
  activities: number;
  activitiesByKind: Partial<Record<ActivityKind, number>>;
  /** The sum of the activities' student counts (for internships: students placed). */
  studentsPlaced: number;
  /** max(schools / expected schools, activities / expected activities) for the size, to one decimal. */
  load: number;
  overAsked: boolean;
}

export interface PartnerLoadReport {
  asOf: string;
  /** The window: (from, asOf]. */
  from: string;
  overAsked: number;
  items: PartnerLoadRow[];
}

/** Running at some moment of (asOf − 365 days, asOf]: opened by asOf and not ended before the window. */
const runningInLastYear = (facts: PartnershipFacts, asOf: string, from: string): boolean =>
  isOpenedBy(facts, asOf) && (facts.endedAt === undefined || toTime(facts.endedAt) > toTime(from));

interface Tally {
  partnerships: number;
  schools: Set<string>;
  schoolPeople: Set<string>;
  partnerPeople: Set<string>;
  activitiesByKind: Partial<Record<ActivityKind, number>>;
  activities: number;
  studentsPlaced: number;
}

function tallyPartnership(tally: Tally, facts: PartnershipFacts, people: PeopleLookup, asOf: string): void {
  tally.partnerships += 1;
  tally.schools.add(facts.schoolId);
  for (const touchpoint of touchpointsInLastDays(facts, asOf, RULES.yearDays)) {
    for (const id of touchpoint.participantIds) {
      const side = sideOf(facts, people(id));
      if (side === 'school') tally.schoolPeople.add(id);
      else if (side === 'partner') tally.partnerPeople.add(id);
    }
    if (touchpoint.kind !== 'activity' || !touchpoint.activityKind) continue;
    tally.activities += 1;
    tally.activitiesByKind[touchpoint.activityKind] = (tally.activitiesByKind[touchpoint.activityKind] ?? 0) + 1;
    tally.studentsPlaced += touchpoint.studentCount ?? 0;
  }
}

function loadRow(partnerId: string, tally: Tally, organisation: OrganisationFacts | undefined, config: PartnerLoadConfig): PartnerLoadRow {
  const sizeKey: SizeOrUnknown = organisation?.size ?? 'unknown';
  const expected = config.expected[sizeKey];
  const schools = tally.schools.size;
  const load = round1(Math.max(schools / expected.schools, tally.activities / expected.activities));
  const overAsked = load >= config.overAskedFactor;
  const sizeText = sizeKey === 'unknown' ? 'an organisation without a size (taken as medium)' : `a ${sizeKey} organisation`;
  const asked = `asked by ${plural(schools, 'school')} (${plural(tally.schoolPeople.size, 'school person', 'school people')}) for ${plural(tally.activities, 'activity', 'activities')} in the last ${RULES.yearDays} days`;
  const expectation = `${sizeText} is expected to carry ${plural(expected.schools, 'school')} and ${plural(expected.activities, 'activity', 'activities')} a year`;
  const verdict = overAsked
    ? `over-asked: ${load} times that, at least ${config.overAskedFactor} times is far above its size`
    : `load ${load} times that, below the over-asked factor ${config.overAskedFactor}`;
  return {
    partnerId,
    partnerName: organisation?.name ?? '[unknown]',
    kind: organisation?.kind ?? null,
    size: organisation?.size ?? null,
    sector: organisation?.sector ?? null,
    partnerships: tally.partnerships,
    schools,
    schoolPeople: tally.schoolPeople.size,
    partnerPeople: tally.partnerPeople.size,
    activities: tally.activities,
    activitiesByKind: tally.activitiesByKind,
    studentsPlaced: tally.studentsPlaced,
    load,
    overAsked,
    ...explained(
      overAsked ? 'partner_load.over_asked' : 'partner_load.within',
      {
        schools,
        schoolPeople: tally.schoolPeople.size,
        activities: tally.activities,
        windowDays: RULES.yearDays,
        size: sizeKey,
        expectedSchools: expected.schools,
        expectedActivities: expected.activities,
        load,
        factor: config.overAskedFactor,
      },
      `${asked}; ${expectation}; ${verdict}`,
    ),
  };
}

/** One row per partner organisation with a partnership running in the last 365 days; most loaded first. */
export function partnerLoadReport(
  partnerships: readonly PartnershipFacts[],
  people: PeopleLookup,
  organisations: OrganisationLookup,
  asOf: string,
  config: PartnerLoadConfig = DEFAULT_PARTNER_LOAD_CONFIG,
): PartnerLoadReport {
  const from = addDays(asOf, -RULES.yearDays);
  const tallies = new Map<string, Tally>();
  for (const facts of partnerships) {
    if (!runningInLastYear(facts, asOf, from)) continue;
    let tally = tallies.get(facts.partnerId);
    if (!tally) {
      tally = { partnerships: 0, schools: new Set(), schoolPeople: new Set(), partnerPeople: new Set(), activitiesByKind: {}, activities: 0, studentsPlaced: 0 };
      tallies.set(facts.partnerId, tally);
    }
    tallyPartnership(tally, facts, people, asOf);
  }
  const items = [...tallies].map(([partnerId, tally]) => loadRow(partnerId, tally, organisations(partnerId), config));
  items.sort((a, b) => b.load - a.load || b.schools - a.schools || a.partnerName.localeCompare(b.partnerName));
  return { asOf, from, overAsked: items.filter((row) => row.overAsked).length, items };
}
