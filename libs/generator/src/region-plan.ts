import {
  Intensity,
  OrganisationCommand,
  OrganisationKind,
  OrganisationSize,
  PartnershipCommand,
  PersonCommand,
  SCHOOL_LEVELS,
  SchoolLevel,
  Side,
  streamOf,
} from '@crm/domain';
import { INTENSITY_BY_LEVEL, LEVEL_THEMES } from './catalogue/activities';
import { REGIONS, RegionProfile } from './catalogue/regions';
import { SchoolType } from './catalogue/roles';
import {
  COMPANY_SIZES,
  companyName,
  GOVERNMENT_THEMES,
  NETWORK_PATTERNS,
  NETWORK_THEMES,
  OTHER_PARTNER_PATTERNS,
  OTHER_THEMES,
  Sector,
  SECTORS,
} from './catalogue/sectors';
import { Fate, FATE_WEIGHTS, HandoverKind, PartnershipScript, PartnershipSeed, ScriptRates, ScriptStats } from './partnership-script';
import { IdSource, Random, Seed, seedKey, Weighted } from './random';
import { DAY, HOUR, MINUTE, startOfDay, workMoment, YEAR } from './time';
import { domainOf, partnerPositions, PlannedOrganisation, REGISTRATION_SPACING, schoolPositions, staffPosition } from './world';

/**
 * The plan of a region: every domain command, with its date, in date order. Pure and deterministic: the same seed,
 * size and `until` give the same plan. `generateRegion` (generate.ts) runs it through the deciders.
 */

export type RegionSize = 'small' | 'medium' | 'large';

export interface SizeProfile {
  /** Schools per type. */
  schools: Readonly<Record<SchoolType, number>>;
  partnerships: number;
  /** Multipliers on the logged contacts, activities and commitments of a partnership. */
  rates: ScriptRates;
  /** Length of the history, in years before `until`. */
  years: number;
  /** Events per partnership, as measured: only for the progress total before a run has finished. */
  eventsPerPartnership: number;
}

export const SIZE_PROFILES: Readonly<Record<RegionSize, SizeProfile>> = {
  small: {
    schools: { po: 3, vmbo: 1, vo: 1, lyceum: 0, mbo: 1, hbo: 1, wo: 1 },
    partnerships: 40,
    rates: { interactions: 2.2, activities: 1, commitments: 1 },
    years: 3,
    eventsPerPartnership: 58,
  },
  medium: {
    schools: { po: 80, vmbo: 6, vo: 8, lyceum: 5, mbo: 5, hbo: 3, wo: 2 },
    partnerships: 2000,
    rates: { interactions: 4.4, activities: 1.4, commitments: 1.1 },
    years: 3,
    eventsPerPartnership: 96,
  },
  large: {
    schools: { po: 80, vmbo: 6, vo: 8, lyceum: 5, mbo: 5, hbo: 3, wo: 2 },
    partnerships: 2000,
    rates: { interactions: 24, activities: 3, commitments: 1.5 },
    years: 5,
    eventsPerPartnership: 506,
  },
};

interface SchoolTypeInfo {
  levels: readonly SchoolLevel[];
  /** What RegisterOrganisation is sent. */
  levelInput: readonly string[];
  /** Relative number of partnerships per school, and the minimum. */
  weight: number;
  min: number;
  /** Chance that one person carries a partnership alone. */
  solo: number;
  names: readonly string[];
}

const SCHOOL_TYPES: Readonly<Record<SchoolType, SchoolTypeInfo>> = {
  po: {
    levels: ['po'],
    levelInput: ['po'],
    weight: 2.5,
    min: 1,
    solo: 0.6,
    names: ['Basisschool De Regenboog', 'OBS De Klimop', 'CBS De Wegwijzer', 'IKC De Vlieger', 'Basisschool Het Kompas', 'OBS De Tweemaster', 'CBS De Fontein', 'Basisschool De Boomgaard', 'IKC Het Palet', 'OBS De Springplank', 'Basisschool De Zevensprong', 'CBS Het Mozaïek', 'Montessorischool', 'Jenaplanschool De Kring', 'Daltonschool De Horizon', 'Basisschool Sint Jozef', 'OBS Het Startpunt', 'IKC De Piramide'],
  },
  vmbo: { levels: ['vmbo'], levelInput: ['vmbo'], weight: 16, min: 2, solo: 0.4, names: ['Vakcollege', 'Techniek College', 'Groen College', 'Praktijkschool', 'Maritiem College'] },
  vo: { levels: ['vmbo', 'havo', 'vwo'], levelInput: ['vo'], weight: 20, min: 3, solo: 0.35, names: ['Scholengemeenschap', 'College', 'Comenius College', 'Clusius College', 'Stedelijk College', 'Regio College'] },
  lyceum: { levels: ['havo', 'vwo'], levelInput: ['havo', 'vwo'], weight: 10, min: 2, solo: 0.35, names: ['Lyceum', 'Gymnasium', 'Stedelijk Lyceum', 'Christelijk Lyceum'] },
  mbo: { levels: ['mbo'], levelInput: ['mbo'], weight: 150, min: 3, solo: 0.22, names: ['ROC', 'Regio College', 'Vakschool', 'Groenhorst College', 'Techniek Campus'] },
  hbo: { levels: ['hbo'], levelInput: ['hbo'], weight: 120, min: 3, solo: 0.18, names: ['Hogeschool', 'University of Applied Sciences', 'Hogeschool voor Techniek en Zorg'] },
  wo: { levels: ['wo'], levelInput: ['wo'], weight: 80, min: 2, solo: 0.25, names: ['Universiteit', 'University', 'Technische Universiteit'] },
};

/** Which kind of partner each level works with. */
const PARTNER_KINDS: Readonly<Record<SchoolLevel, Weighted<Exclude<OrganisationKind, 'school'>>>> = {
  po: [['company', 55], ['government', 10], ['network', 3], ['other', 32]],
  vmbo: [['company', 80], ['government', 6], ['network', 6], ['other', 8]],
  havo: [['company', 72], ['government', 8], ['network', 6], ['other', 14]],
  vwo: [['company', 70], ['government', 8], ['network', 8], ['other', 14]],
  mbo: [['company', 90], ['government', 4], ['network', 4], ['other', 2]],
  hbo: [['company', 82], ['government', 8], ['network', 7], ['other', 3]],
  wo: [['company', 70], ['government', 12], ['network', 12], ['other', 6]],
};

/** The levels a partnership of a school of each type covers. */
const PARTNERSHIP_LEVELS: Readonly<Record<SchoolType, Weighted<readonly string[]>>> = {
  po: [[['po'], 1]],
  vmbo: [[['vmbo'], 1]],
  vo: [[['vmbo'], 35], [['havo'], 10], [['vwo'], 8], [['havo', 'vwo'], 25], [['vo'], 22]],
  lyceum: [[['havo', 'vwo'], 50], [['havo'], 25], [['vwo'], 25]],
  mbo: [[['mbo'], 1]],
  hbo: [[['hbo'], 1]],
  wo: [[['wo'], 1]],
};

export type PlanStep =
  | { t: number; seq: number; aggregate: 'organisation'; streamId: string; command: OrganisationCommand }
  | { t: number; seq: number; aggregate: 'person'; streamId: string; command: PersonCommand }
  | { t: number; seq: number; aggregate: 'partnership'; streamId: string; command: PartnershipCommand };

export interface PlanStats {
  fates: Record<Fate, number>;
  schoolsByType: Record<SchoolType, number>;
  partnershipsByLevel: Record<SchoolLevel, number>;
  partnersByKind: Record<string, number>;
  handovers: Record<Side, Record<HandoverKind, number>>;
  reassignments: number;
  departures: number;
  hires: number;
  promotions: number;
  erasures: number;
  ended: number;
  orphaned: number;
  commitments: ScriptStats['commitments'];
  agreementsExpired: number;
  soloPartnerships: number;
}

export interface RegionPlan {
  seed: string;
  size: RegionSize;
  region: string;
  from: string;
  until: string;
  counts: { organisations: number; people: number; partnerships: number };
  /** About how many events a run writes (exact for organisations and people; measured per partnership). */
  estimatedEvents: number;
  /** Replays the plan from the start: every command, in date order. */
  run(): PlanRun;
}

/**
 * One pass over a plan. Steps are made as they are consumed (a merge of the partnership scripts, each a small
 * simulation), so a million commands never sit in memory at once. Ties in date: organisations and people first,
 * then partnerships in planning order.
 */
export interface PlanRun extends Iterable<PlanStep> {
  /** Figures of the run; complete once it has been iterated to the end. */
  readonly stats: PlanStats;
  /** The events the deciders write for the steps yielded so far; exact once iterated to the end. */
  readonly expectedEvents: number;
}

export interface RegionPlanOptions {
  seed: Seed;
  size: RegionSize;
  /** The end of the history (e.g. today at 00:00 UTC); every command is dated before it. */
  until: Date | string;
}

export function planRegion(options: RegionPlanOptions): RegionPlan {
  return new RegionPlanner(options).plan();
}

class RegionPlanner {
  private readonly rng: Random;
  private readonly key: string;
  private readonly profile: SizeProfile;
  private readonly region: RegionProfile;
  private readonly start: number;
  private readonly until: number;
  private readonly entityIds: IdSource;
  private readonly organisations: PlannedOrganisation[] = [];
  private readonly names = new Set<string>();
  private readonly partnersBySector = new Map<string, PlannedOrganisation[]>();
  private readonly partnersByKind = new Map<string, PlannedOrganisation[]>();
  private readonly pairs = new Set<string>();
  /** Small local firms that many schools ask at once (SPEC §3.8 partner load: they show as over-asked). */
  private readonly popular: PlannedOrganisation[] = [];
  private readonly seeds: PartnershipSeed[] = [];

  constructor(private readonly options: RegionPlanOptions) {
    this.key = seedKey(options.seed);
    this.rng = new Random(this.key);
    this.profile = SIZE_PROFILES[options.size];
    if (!this.profile) throw new Error(`unknown region size ${options.size}`);
    const until = typeof options.until === 'string' ? Date.parse(options.until) : options.until.getTime();
    if (Number.isNaN(until)) throw new Error('until is not a valid date');
    this.until = until;
    this.start = startOfDay(until - this.profile.years * YEAR);
    this.region = this.rng.fork('region').pick(REGIONS);
    this.entityIds = new IdSource(this.key, 'entity', { intern: true });
  }

  plan(): RegionPlan {
    this.planSchools();
    this.planPartnerships();
    this.registerPartners();
    this.staffOrganisations();
    const fixed = this.organisationAndPeopleSteps();
    const people = this.organisations.reduce((sum, org) => sum + org.staff.length, 0);
    return {
      seed: String(this.options.seed),
      size: this.options.size,
      region: this.region.name,
      from: new Date(this.start).toISOString(),
      until: new Date(this.until).toISOString(),
      counts: { organisations: this.organisations.length, people, partnerships: this.seeds.length },
      estimatedEvents: fixed.steps.length + Math.round(this.seeds.length * this.profile.eventsPerPartnership),
      run: () => new Run(fixed.steps, fixed.stats, this.scripts(), this.seeds),
    };
  }

  // ---- organisations -------------------------------------------------------------------------------

  private uniqueName(base: string, town: string): string {
    let name = base;
    if (this.names.has(name)) name = `${base} ${town}`;
    for (let n = 2; this.names.has(name); n++) name = `${base} ${town} ${n}`;
    this.names.add(name);
    return name;
  }

  private addOrganisation(org: Omit<PlannedOrganisation, 'id' | 'staff' | 'partnerships' | 'domain'>): PlannedOrganisation {
    const planned: PlannedOrganisation = { ...org, id: this.entityIds.next(), staff: [], partnerships: 0, domain: domainOf(org.name) };
    this.organisations.push(planned);
    return planned;
  }

  private planSchools(): void {
    const rng = this.rng.fork('schools');
    const towns = this.region.towns;
    let n = 0;
    for (const type of Object.keys(SCHOOL_TYPES) as SchoolType[]) {
      const info = SCHOOL_TYPES[type];
      for (let i = 0; i < this.profile.schools[type]; i++) {
        const town = towns[(n + i) % towns.length];
        const base = rng.pick(info.names);
        const withTown = type === 'po' ? `${base}` : type === 'hbo' || type === 'wo' || type === 'mbo' ? `${base} ${this.region.short}` : `${base} ${town}`;
        const name = this.uniqueName(withTown, town);
        this.addOrganisation({
          name,
          kind: 'school',
          levelInput: [...info.levelInput],
          levels: [...info.levels],
          schoolType: type,
          town,
          registeredAt: this.start + 9 * HOUR + n * REGISTRATION_SPACING,
        });
        n++;
      }
    }
  }

  /** Exact partnership counts per school: a minimum per type, the rest in proportion to (jittered) weights. */
  private allocate(schools: PlannedOrganisation[], rng: Random): number[] {
    const total = this.profile.partnerships;
    const mins = schools.map((school) => SCHOOL_TYPES[school.schoolType!].min);
    const minSum = mins.reduce((a, b) => a + b, 0);
    const scale = Math.max(0, total - minSum);
    const weights = schools.map((school) => SCHOOL_TYPES[school.schoolType!].weight * rng.float(0.6, 1.4));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((weight) => (scale * weight) / weightSum);
    const counts = exact.map((value, i) => Math.floor(value) + (minSum <= total ? mins[i] : 1));
    let left = total - counts.reduce((a, b) => a + b, 0);
    const order = exact.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]] += 1;
    for (let k = counts.length - 1; left < 0; k = (k - 1 + counts.length) % counts.length) {
      if (counts[k] > 1) {
        counts[k] -= 1;
        left += 1;
      }
    }
    return counts;
  }

  private pickSector(level: SchoolLevel, rng: Random): Sector {
    return rng.weighted(SECTORS.map((sector): [Sector, number] => [sector, sector.weight * (this.region.sectorBias[sector.name] ?? 1) * (sector.levels[level] ?? 0.5)]));
  }

  /**
   * Seed 001: popular companies get over-asked by many schools at once. A region has one small firm of that kind per
   * 400 partnerships (at least one), each asked by about 80% of the schools (at most 12) once; the choice has its
   * own randomness per slot, so the other partnerships are planned as before.
   */
  private popularPartnerFor(school: PlannedOrganisation, index: number, slots: number, schools: number): PlannedOrganisation | undefined {
    const count = Math.max(1, Math.round(slots / 400));
    const perCompany = Math.min(12, Math.ceil(0.8 * schools));
    const rng = this.rng.fork(`popular${index}`);
    if (!rng.chance((count * perCompany) / slots)) return undefined;
    const which = rng.int(0, count - 1);
    while (this.popular.length <= which) {
      const made = this.rng.fork(`popular-company${this.popular.length}`);
      const sector = this.pickSector('mbo', made);
      const town = made.pick(this.region.towns);
      this.popular.push(this.addOrganisation({ name: this.uniqueName(companyName(made, sector, town), town), kind: 'company', levelInput: [], levels: [], sector, size: 'small', town, registeredAt: 0 }));
    }
    const company = this.popular[which];
    return this.pairs.has(`${school.id}|${company.id}`) ? undefined : company;
  }

  /** A partner for a school: an existing organisation (popular ones more often), or a new one. */
  private partnerFor(school: PlannedOrganisation, level: SchoolLevel, rng: Random): PlannedOrganisation {
    const kind = rng.weighted(PARTNER_KINDS[level]);
    const free = (org: PlannedOrganisation) => !this.pairs.has(`${school.id}|${org.id}`);
    if (kind === 'company') {
      const sector = this.pickSector(level, rng);
      const existing = (this.partnersBySector.get(sector.name) ?? []).filter(free);
      if (existing.length > 0 && rng.chance(0.42)) {
        const sizeWeight: Record<OrganisationSize, number> = { micro: 1, small: 1.5, medium: 3, large: 7 };
        return rng.weighted(existing.map((org): [PlannedOrganisation, number] => [org, sizeWeight[org.size ?? 'small']]));
      }
      const town = rng.pick(this.region.towns);
      const org = this.addOrganisation({
        name: this.uniqueName(companyName(rng, sector, town), town),
        kind: 'company',
        levelInput: [],
        levels: [],
        sector,
        size: rng.weighted(COMPANY_SIZES),
        town,
        registeredAt: 0,
      });
      const list = this.partnersBySector.get(sector.name) ?? [];
      list.push(org);
      this.partnersBySector.set(sector.name, list);
      return org;
    }
    const existing = (this.partnersByKind.get(kind) ?? []).filter(free);
    const reuse = kind === 'government' ? 0.75 : kind === 'network' ? 0.8 : 0.3;
    if (existing.length > 0 && rng.chance(reuse)) return rng.pick(existing);
    const town = rng.pick(this.region.towns);
    const name =
      kind === 'government'
        ? `Gemeente ${town}`
        : (kind === 'network' ? rng.pick(NETWORK_PATTERNS) : rng.pick(OTHER_PARTNER_PATTERNS)).replace('{r}', this.region.short).replace('{t}', town);
    if (this.names.has(name) && existing.length > 0) return rng.pick(existing);
    const org = this.addOrganisation({
      name: this.uniqueName(name, town),
      kind,
      levelInput: [],
      levels: [],
      town,
      registeredAt: 0,
    });
    const list = this.partnersByKind.get(kind) ?? [];
    list.push(org);
    this.partnersByKind.set(kind, list);
    return org;
  }

  private planPartnerships(): void {
    const rng = this.rng.fork('partnerships');
    const schools = this.organisations.filter((org) => org.kind === 'school');
    const counts = this.allocate(schools, rng);
    const slots: { school: PlannedOrganisation; levels: readonly string[] }[] = [];
    schools.forEach((school, i) => {
      for (let k = 0; k < counts[i]; k++) slots.push({ school, levels: rng.weighted(PARTNERSHIP_LEVELS[school.schoolType!]) });
    });
    // Every level has at least one partnership: a partnership of a school offering a missing level also covers it.
    for (const level of SCHOOL_LEVELS) {
      if (slots.some((slot) => expand(slot.levels).includes(level))) continue;
      const slot = slots.find((candidate) => candidate.school.levels.includes(level));
      if (slot) slot.levels = expand([...slot.levels, level]);
    }
    const span = this.until - this.start;
    slots.forEach((slot, index) => {
      const prng = rng.fork(`p${index}`);
      const levels = expand(slot.levels);
      const level = levels[0];
      const partner = this.popularPartnerFor(slot.school, index, slots.length, schools.length) ?? this.partnerFor(slot.school, prng.chance(0.5) ? level : prng.pick(levels), prng);
      this.pairs.add(`${slot.school.id}|${partner.id}`);
      slot.school.partnerships += 1;
      partner.partnerships += 1;
      let fate = prng.weighted(FATE_WEIGHTS);
      const imported = fate !== 'young' && prng.chance(0.5);
      let openedAt: number;
      if (fate === 'young') openedAt = this.until - prng.float(25, 170) * DAY;
      else if (imported) openedAt = this.start + prng.float(5, 60) * DAY;
      else openedAt = this.start + prng.float(60, span / DAY - 200) * DAY;
      // A relation can only have drifted for a year if it is old enough.
      if (fate === 'drifting' && this.until - openedAt < 470 * DAY) fate = 'failing';
      openedAt = workMoment(prng, openedAt);
      const intensity: Intensity = partner.kind === 'company' ? prng.weighted(INTENSITY_BY_LEVEL[level]) : prng.weighted<Intensity>([['aligned', 45], ['exchange', 40], ['innovation', 15]]);
      const themeSource = partner.kind === 'company' ? partner.sector!.themes : partner.kind === 'government' ? GOVERNMENT_THEMES : partner.kind === 'network' ? NETWORK_THEMES : OTHER_THEMES;
      const themes = [...new Set([...prng.sample(themeSource, prng.int(1, 2)), ...prng.sample(LEVEL_THEMES[level], prng.int(0, 1))])];
      this.seeds.push({
        id: this.entityIds.next(),
        index,
        school: slot.school,
        partner,
        levels,
        levelInput: [...slot.levels],
        intensity,
        themes,
        openedAt,
        imported,
        fate,
        solo: prng.chance(SCHOOL_TYPES[slot.school.schoolType!].solo),
      });
    });
  }

  /** Partners are registered shortly before their first partnership opens. */
  private registerPartners(): void {
    const rng = this.rng.fork('partner-registration');
    const first = new Map<string, number>();
    for (const seed of this.seeds) first.set(seed.partner.id, Math.min(first.get(seed.partner.id) ?? Infinity, seed.openedAt));
    this.organisations.forEach((org, i) => {
      if (org.kind === 'school') return;
      const opened = first.get(org.id)!;
      const registeredAt = Math.max(this.start + 10 * HOUR + i * MINUTE, workMoment(rng, opened - rng.float(2, 12) * DAY));
      org.registeredAt = Math.min(registeredAt, opened - DAY);
      if (org.kind === 'company' && rng.chance(0.05)) {
        const sizes: OrganisationSize[] = ['micro', 'small', 'medium', 'large'];
        const index = sizes.indexOf(org.size!);
        const to = sizes[index === 3 ? 2 : index === 0 ? 1 : index + (rng.chance(0.7) ? 1 : -1)];
        const at = workMoment(rng, org.registeredAt + rng.float(0.2, 0.9) * (this.until - org.registeredAt));
        if (at < this.until - DAY) {
          org.resizedAt = at;
          org.resizedTo = to;
        }
      }
    });
  }

  private staffOrganisations(): void {
    const clock = { start: this.start, until: this.until };
    this.organisations.forEach((org, i) => {
      const rng = this.rng.fork(`staff${i}`);
      const positions = org.kind === 'school' ? schoolPositions(org.schoolType!, org.partnerships, rng) : partnerPositions(org, rng);
      const firstDay = org.kind === 'school' ? this.start + DAY : org.registeredAt;
      positions.forEach((position, k) => {
        const from = org.kind === 'school' ? workMoment(rng, firstDay + rng.float(0, 3) * DAY, 7, 9) : org.registeredAt + (k + 1) * 3 * MINUTE + rng.float(0.2, 4) * HOUR;
        org.staff.push(...staffPosition(org, position, from, clock, rng, this.entityIds));
      });
      org.staff.sort((a, b) => a.registeredAt - b.registeredAt);
    });
  }

  /** Fresh scripts for one run (each run replays the same randomness). */
  private scripts(): PartnershipScript[] {
    const load = new Map<string, number>();
    const showcase = { warm: 1, cold: 1, none: 1 };
    const clock = { start: this.start, until: this.until };
    return this.seeds.map((seed) => {
      const rng = this.rng.fork(`script${seed.index}`);
      const ids = new IdSource(this.key, `partnership${seed.index}`, { intern: true });
      return new PartnershipScript(seed, clock, rng, ids, this.profile.rates, load, showcase);
    });
  }

  /** The commands of organisations and people (registrations, resizes, promotions, departures, erasures), sorted. */
  private organisationAndPeopleSteps(): { steps: PlanStep[]; stats: PlanStats } {
    const steps: PlanStep[] = [];
    let seq = 0;
    const stats = emptyStats();
    const iso = (t: number) => new Date(t).toISOString();

    for (const org of this.organisations) {
      const streamId = streamOf.organisation(org.id);
      steps.push({
        t: org.registeredAt,
        seq: seq++,
        aggregate: 'organisation',
        streamId,
        command: {
          type: 'RegisterOrganisation',
          organisationId: org.id,
          name: org.name,
          kind: org.kind,
          ...(org.kind === 'school' && { levels: org.levelInput }),
          ...(org.sector && { sector: org.sector.name }),
          ...(org.kind === 'government' && { sector: 'overheid' }),
          ...(org.size && { size: org.size }),
          region: this.region.name,
        },
      });
      if (org.resizedAt !== undefined && org.resizedTo !== undefined) {
        steps.push({ t: org.resizedAt, seq: seq++, aggregate: 'organisation', streamId, command: { type: 'UpdateOrganisation', organisationId: org.id, changes: { size: org.resizedTo } } });
      }
      if (org.kind === 'school') stats.schoolsByType[org.schoolType!] += 1;
      else stats.partnersByKind[org.kind] = (stats.partnersByKind[org.kind] ?? 0) + 1;
    }

    for (const person of this.organisations.flatMap((org) => org.staff)) {
      const streamId = streamOf.person(person.id);
      steps.push({
        t: person.registeredAt,
        seq: seq++,
        aggregate: 'person',
        streamId,
        command: {
          type: 'RegisterPerson',
          personId: person.id,
          organisationId: person.org.id,
          name: person.name.full,
          ...(person.email && { email: person.email }),
          ...(person.phone && { phone: person.phone }),
          role: person.role,
          tier: person.tier,
        },
      });
      if (person.predecessor) stats.hires += 1;
      if (person.promotedAt !== undefined && person.promotion) {
        steps.push({ t: person.promotedAt, seq: seq++, aggregate: 'person', streamId, command: { type: 'ChangePersonRole', personId: person.id, role: person.promotion.role, tier: person.promotion.tier, at: iso(person.promotedAt) } });
        stats.promotions += 1;
      }
      if (person.leftAt !== undefined) {
        steps.push({ t: person.leftAt, seq: seq++, aggregate: 'person', streamId, command: { type: 'RecordDeparture', personId: person.id, leftAt: iso(person.leftAt), ...(person.leaveReason && { reason: person.leaveReason }) } });
        stats.departures += 1;
      }
      if (person.erasedAt !== undefined) {
        steps.push({ t: person.erasedAt, seq: seq++, aggregate: 'person', streamId, command: { type: 'ErasePerson', personId: person.id, at: iso(person.erasedAt) } });
        stats.erasures += 1;
      }
    }
    for (const seed of this.seeds) {
      stats.fates[seed.fate] += 1;
      for (const level of seed.levels) stats.partnershipsByLevel[level] += 1;
      if (seed.solo) stats.soloPartnerships += 1;
    }
    steps.sort((a, b) => a.t - b.t || a.seq - b.seq);
    return { steps, stats };
  }
}

/** Width of the time windows a run advances by. */
const WINDOW_MS = 30 * DAY;

/**
 * A run advances through time in windows: every script handles all its actions due before the window's end (one
 * script after the other, which keeps each one's state hot), then the window's steps are sorted and yielded.
 * A script's step is never dated before the action that wrote it, so steps dated at or after the window's end
 * (a commitment made minutes after a late meeting) simply wait in the script's buffer for the next window.
 */
class Run implements PlanRun {
  readonly stats: PlanStats;
  private yielded = 0;
  private derived = 0;

  constructor(
    private readonly fixed: readonly PlanStep[],
    stats: PlanStats,
    private readonly scripts: PartnershipScript[],
    private readonly seeds: readonly PartnershipSeed[],
  ) {
    this.stats = structuredClone(stats);
  }

  get expectedEvents(): number {
    return this.yielded + this.derived;
  }

  *[Symbol.iterator](): Iterator<PlanStep> {
    const { scripts, fixed } = this;
    const streams = this.seeds.map((seed) => streamOf.partnership(seed.id));
    const cursors = new Int32Array(scripts.length);
    const finished = new Uint8Array(scripts.length);
    let fixedCursor = 0;
    let seq = 0;
    for (const script of scripts) script.start();
    let windowStart = Math.min(fixed.length > 0 ? fixed[0].t : Infinity, ...this.seeds.map((seed) => seed.openedAt));
    let open = scripts.length;

    while (open > 0 || fixedCursor < fixed.length) {
      const windowEnd = windowStart + WINDOW_MS;
      // `seq` holds the source while sorting (0: organisations and people, i + 1: script i), then the position.
      const window: PlanStep[] = [];
      while (fixedCursor < fixed.length && fixed[fixedCursor].t < windowEnd) window.push({ ...fixed[fixedCursor++], seq: 0 });
      for (let i = 0; i < scripts.length; i++) {
        if (finished[i]) continue;
        const script = scripts[i];
        while (script.nextActionAt < windowEnd) script.advance();
        const steps = script.steps;
        let cursor = cursors[i];
        while (cursor < steps.length && steps[cursor].t < windowEnd) {
          const { t, command } = steps[cursor++];
          window.push({ t, seq: i + 1, aggregate: 'partnership', streamId: streams[i], command });
        }
        if (cursor === steps.length) {
          steps.length = 0;
          cursor = 0;
          if (script.done) {
            finished[i] = 1;
            open -= 1;
            this.collect(script.finish());
          }
        }
        cursors[i] = cursor;
      }
      // Stable sort: equal dates keep organisations and people first, then partnerships in planning order.
      window.sort((a, b) => a.t - b.t || a.seq - b.seq);
      for (const step of window) {
        step.seq = seq++;
        this.yielded += 1;
        yield step;
      }
      windowStart = windowEnd;
    }
  }

  private collect(script: ScriptStats): void {
    const stats = this.stats;
    this.derived += script.derivedEvents;
    for (const side of ['school', 'partner'] as const) {
      for (const kind of ['warm', 'cold', 'none'] as const) stats.handovers[side][kind] += script.handovers[side][kind];
    }
    stats.reassignments += script.reassignments;
    if (script.ended) stats.ended += 1;
    if (script.orphanedBy) stats.orphaned += 1;
    for (const key of Object.keys(stats.commitments) as (keyof ScriptStats['commitments'])[]) stats.commitments[key] += script.commitments[key];
    stats.agreementsExpired += script.agreementsExpired;
  }
}

function expand(levels: readonly string[]): SchoolLevel[] {
  const set = new Set<string>(levels.flatMap((level) => (level === 'vo' ? ['vmbo', 'havo', 'vwo'] : [level])));
  return SCHOOL_LEVELS.filter((level) => set.has(level));
}

function emptyStats(): PlanStats {
  return {
    fates: { thriving: 0, steady: 0, struggling: 0, failing: 0, drifting: 0, ending: 0, nomatch: 0, young: 0 },
    schoolsByType: { po: 0, vmbo: 0, vo: 0, lyceum: 0, mbo: 0, hbo: 0, wo: 0 },
    partnershipsByLevel: { po: 0, vmbo: 0, havo: 0, vwo: 0, mbo: 0, hbo: 0, wo: 0 },
    partnersByKind: {},
    handovers: { school: { warm: 0, cold: 0, none: 0 }, partner: { warm: 0, cold: 0, none: 0 } },
    reassignments: 0,
    departures: 0,
    hires: 0,
    promotions: 0,
    erasures: 0,
    ended: 0,
    orphaned: 0,
    commitments: { onTime: 0, late: 0, broken: 0, cancelled: 0, forgotten: 0 },
    agreementsExpired: 0,
    soloPartnerships: 0,
  };
}
