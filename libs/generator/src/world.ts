import { OrganisationKind, OrganisationSize, PersonTier, SchoolLevel } from '@crm/domain';
import { DEPARTURE_REASONS, PARTNER_ROLES, PROMOTIONS, Role, SCHOOL_CONTACT_ROLES, SCHOOL_ROLES, SchoolType, COMPANY_STAFF } from './catalogue/roles';
import { emailOf, mobileNumber, PersonName, personName, slug } from './catalogue/names';
import { Sector } from './catalogue/sectors';
import { IdSource, Random } from './random';
import { DAY, HOUR, MINUTE, workMoment, YEAR } from './time';

/**
 * The organisations and people of a region, with the whole employment history of every person decided up front
 * (when they start, whether and when they are promoted, leave, are erased). Partnerships are then scripted against
 * this history, so that every participant, contact and owner is someone who works there on that date.
 */

export interface PlannedPerson {
  id: string;
  org: PlannedOrganisation;
  name: PersonName;
  role: string;
  tier: PersonTier;
  /** Someone who carries partnerships day to day (a contact-person role). */
  carrier: boolean;
  registeredAt: number;
  leftAt?: number;
  leaveReason?: string;
  promotedAt?: number;
  promotion?: Role;
  erasedAt?: number;
  email?: string;
  phone?: string;
  /** Who was hired into the same position after (or just before) this person left. */
  successor?: PlannedPerson;
  /** Whom this person replaced (a hire), if anyone. */
  predecessor?: PlannedPerson;
}

export interface PlannedOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** What RegisterOrganisation is sent (e.g. ["vo"]), and what it expands to. */
  levelInput: string[];
  levels: SchoolLevel[];
  schoolType?: SchoolType;
  sector?: Sector;
  size?: OrganisationSize;
  town: string;
  domain: string;
  registeredAt: number;
  /** A later change of size (companies that grow or shrink). */
  resizedAt?: number;
  resizedTo?: OrganisationSize;
  staff: PlannedPerson[];
  /** Partnerships planned with this organisation (on either side). */
  partnerships: number;
}

export interface WorldClock {
  start: number;
  until: number;
}

/** Yearly chance of leaving, per organisation kind and tier. */
function leaveHazard(org: PlannedOrganisation, tier: PersonTier): number {
  if (org.kind === 'school') return tier === 'strategic' ? 0.07 : tier === 'tactical' ? 0.09 : 0.12;
  if (org.kind === 'company') {
    if (tier === 'strategic') return org.size === 'micro' || org.size === 'small' ? 0.015 : 0.06;
    return tier === 'tactical' ? 0.12 : 0.15;
  }
  return 0.12;
}

export interface Position {
  role: string;
  tier: PersonTier;
  carrier: boolean;
}

/** The positions a school needs for `partnerships` partnerships. */
export function schoolPositions(type: SchoolType, partnerships: number, rng: Random): Position[] {
  const roles = SCHOOL_ROLES[type];
  const big = type === 'mbo' || type === 'hbo' || type === 'wo';
  const strategic = big ? 2 : 1;
  const tactical = type === 'po' ? 1 : big ? Math.max(2, Math.ceil(partnerships / 30)) : 2;
  const perCarrier = type === 'po' ? 3 : type === 'mbo' ? 11 : type === 'hbo' ? 9 : type === 'wo' ? 9 : 6;
  const operational = Math.max(type === 'po' ? 1 : 2, Math.ceil(partnerships / perCarrier)) + (type === 'po' ? rng.int(0, 1) : rng.int(0, 2));
  const positions: Position[] = [];
  for (let i = 0; i < strategic; i++) positions.push({ role: roles.strategic[i % roles.strategic.length], tier: 'strategic', carrier: type === 'po' && i === 0 });
  for (let i = 0; i < tactical; i++) positions.push({ role: rng.pick(roles.tactical), tier: 'tactical', carrier: false });
  const carrierRoles = SCHOOL_CONTACT_ROLES[type];
  for (let i = 0; i < operational; i++) {
    const role = i < carrierRoles.length ? carrierRoles[i] : rng.pick(carrierRoles);
    // Contact roles named after a tactical or strategic post (lector, hoogleraar, directeur) keep that tier.
    const tier: PersonTier = roles.strategic.includes(role) ? 'strategic' : roles.tactical.includes(role) ? 'tactical' : 'operational';
    positions.push({ role, tier, carrier: true });
  }
  return positions;
}

/** The positions of a partner organisation that deal with schools. */
export function partnerPositions(org: PlannedOrganisation, rng: Random): Position[] {
  const kind = org.kind as Exclude<OrganisationKind, 'school'>;
  const roles = PARTNER_ROLES[kind];
  let counts: [number, number, number];
  if (kind === 'company') {
    const [s0, s1, t0, t1, o0, o1] = COMPANY_STAFF[org.size ?? 'small'];
    counts = [rng.int(s0, s1), rng.int(t0, t1), rng.int(o0, o1)];
    // Bigger firms that work with many schools have more people who deal with them.
    if (org.partnerships > 3) counts[2] += Math.min(3, Math.floor(org.partnerships / 3));
    if (counts[0] + counts[1] + counts[2] === 0) counts[0] = 1;
  } else if (kind === 'government') {
    counts = [1, 1, rng.int(1, 2) + Math.min(3, Math.floor(org.partnerships / 6))];
  } else if (kind === 'network') {
    counts = [rng.int(0, 1), 1, 1 + Math.min(3, Math.floor(org.partnerships / 6))];
  } else {
    counts = [rng.int(0, 1), 1, rng.int(0, 1)];
  }
  const positions: Position[] = [];
  const tiers: PersonTier[] = ['strategic', 'tactical', 'operational'];
  tiers.forEach((tier, i) => {
    for (let n = 0; n < counts[i]; n++) positions.push({ role: rng.pick(roles[tier]), tier, carrier: true });
  });
  return positions;
}

/**
 * Fills one position over time: the first holder starts at `from`; holders leave at an exponential rate, and most
 * are replaced (sometimes before the predecessor leaves, sometimes after a vacancy).
 */
export function staffPosition(
  org: PlannedOrganisation,
  position: Position,
  from: number,
  clock: WorldClock,
  rng: Random,
  ids: IdSource,
): PlannedPerson[] {
  const holders: PlannedPerson[] = [];
  let registeredAt = from;
  const hazard = leaveHazard(org, position.tier);
  for (let holder = 0; holder < 8; holder++) {
    const name = personName(rng);
    const person: PlannedPerson = {
      id: ids.next(),
      org,
      name,
      role: position.role,
      tier: position.tier,
      carrier: position.carrier,
      registeredAt,
      ...(rng.chance(0.85) && { email: emailOf(name, org.domain) }),
      ...(rng.chance(0.4) && { phone: mobileNumber(rng) }),
    };
    if (holders.length > 0) {
      holders[holders.length - 1].successor = person;
      person.predecessor = holders[holders.length - 1];
    }
    holders.push(person);
    const stay = rng.exponential(YEAR / hazard);
    const leftAt = workMoment(rng, registeredAt + Math.max(30 * DAY, stay), 14, 16.5);
    const lastLeave = clock.until - 2 * DAY;
    if (leftAt < lastLeave) {
      person.leftAt = leftAt;
      person.leaveReason = rng.weighted(DEPARTURE_REASONS);
    }
    const end = person.leftAt ?? clock.until;
    // Some operational people are promoted to the tactical tier while they work there.
    const promotion = PROMOTIONS[org.kind];
    if (position.tier === 'operational' && promotion && end - registeredAt > 120 * DAY && rng.chance(org.kind === 'school' ? 0.07 : 0.03)) {
      person.promotedAt = workMoment(rng, registeredAt + rng.float(0.3, 0.8) * (end - registeredAt) - 30 * DAY);
      person.promotion = promotion;
    }
    if (!person.leftAt) break;
    if (rng.chance(0.05)) {
      const erasedAt = workMoment(rng, person.leftAt + rng.float(60, 300) * DAY);
      if (erasedAt < clock.until - DAY) person.erasedAt = erasedAt;
    }
    if (!rng.chance(0.85)) break;
    // The successor starts up to two months before or two and a half months after the departure.
    const next = workMoment(rng, person.leftAt + rng.float(-60, 75) * DAY, 7, 9);
    registeredAt = Math.max(next, person.registeredAt + 14 * DAY);
    if (registeredAt >= clock.until - 3 * DAY) break;
  }
  return holders;
}

/** Available on date t: registered at least two hours before, and not leaving within a day. */
export function availableAt(person: PlannedPerson, t: number): boolean {
  return person.registeredAt + 2 * HOUR <= t && (person.leftAt === undefined || t <= person.leftAt - DAY);
}

/** Can be made a contact person at t: available, and not leaving within a week. */
export function assignableAt(person: PlannedPerson, t: number): boolean {
  return availableAt(person, t) && (person.leftAt === undefined || t <= person.leftAt - 7 * DAY);
}

/** The tier a person has at t (after a promotion, the new one). */
export function tierAt(person: PlannedPerson, t: number): PersonTier {
  return person.promotedAt !== undefined && person.promotion && t >= person.promotedAt ? person.promotion.tier : person.tier;
}

/** A web domain for an organisation's e-mail addresses. */
export function domainOf(name: string): string {
  return `${slug(name).slice(0, 24) || 'organisatie'}.nl`;
}

export const REGISTRATION_SPACING = 7 * MINUTE;
