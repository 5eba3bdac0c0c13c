import { OrganisationKind, PersonTier, SchoolLevel } from '@crm/domain';
import { emailOf, mobileNumber, personName, slug } from './catalogue/names';
import { PARTNER_ROLES } from './catalogue/roles';
import { COMPANY_SIZES, companyName, SECTORS } from './catalogue/sectors';
import { Random, Seed } from './random';

/**
 * The relations list a stagebureau keeps in a spreadsheet (SPEC §8): one row per contact person, with their
 * organisation and, for a partner, the school it works with and at which level. The institutions and networks the
 * seeds name (003, 001: DOMAIN.md "Real institutions") are real and sit in their Techniekpact region; the companies
 * are made from the generator's catalogue in real towns. KvK numbers and BRIN codes are fictitious (9xxxxxxx, 9xXX).
 */
export interface RelationsRow {
  Naam: string;
  Soort: OrganisationKind;
  KvK: string;
  BRIN: string;
  Sector: string;
  Regio: string;
  Grootte: string;
  Niveau: string;
  School: string;
  Intensiteit: string;
  /** A calendar day: the CSV writes it as 15-01-2025, the workbook as an Excel date. */
  Sinds: Date | null;
  Contactpersoon: string;
  Functie: string;
  'E-mail': string;
  Telefoon: string;
  'Rol contact': string;
}

export const RELATIONS_HEADERS: readonly (keyof RelationsRow)[] = [
  'Naam', 'Soort', 'KvK', 'BRIN', 'Sector', 'Regio', 'Grootte', 'Niveau', 'School', 'Intensiteit', 'Sinds', 'Contactpersoon', 'Functie', 'E-mail', 'Telefoon', 'Rol contact',
];

/** The five Techniekpact regions (DOMAIN.md) with real towns in each. */
const TECHNIEKPACT_TOWNS: Readonly<Record<string, readonly string[]>> = {
  Noord: ['Groningen', 'Leeuwarden', 'Assen', 'Hoogeveen', 'Emmen', 'Drachten', 'Heerenveen', 'Veendam'],
  'Noord-West': ['Amsterdam', 'Haarlem', 'Alkmaar', 'Zaandam', 'Utrecht', 'Almere', 'IJmuiden', 'Woerden', 'Hoorn', 'Amersfoort'],
  Oost: ['Zwolle', 'Enschede', 'Hengelo', 'Apeldoorn', 'Arnhem', 'Nijmegen', 'Doetinchem', 'Deventer', 'Winterswijk'],
  'Zuid-Oost': ['Eindhoven', 'Tilburg', "'s-Hertogenbosch", 'Venlo', 'Weert', 'Maastricht', 'Helmond', 'Roermond', 'Breda'],
  'Zuid-West': ['Rotterdam', 'Den Haag', 'Gorinchem', 'Dordrecht', 'Middelburg', 'Terneuzen', 'Schoonhoven', 'Leiden', 'Delft'],
};
export const TECHNIEKPACT_REGIONS = Object.keys(TECHNIEKPACT_TOWNS);

interface SeedOrganisation {
  name: string;
  kind: OrganisationKind;
  region: string;
  levels?: SchoolLevel[];
  sector?: string;
  size?: string;
}

/** The schools, networks and companies the seeds name (003 Sterk Techniekonderwijs; 001 Noord-Holland). */
const SEED_SCHOOLS: readonly SeedOrganisation[] = [
  { name: 'Hogeschool van Amsterdam', kind: 'school', region: 'Noord-West', levels: ['hbo'] },
  { name: 'Gilde Vakcollege Techniek', kind: 'school', region: 'Zuid-West', levels: ['vmbo'] },
  { name: 'Schoonhovens College', kind: 'school', region: 'Zuid-West', levels: ['vmbo', 'havo', 'vwo'] },
  { name: 'RSG Wolfsbos', kind: 'school', region: 'Noord', levels: ['vmbo', 'havo', 'vwo'] },
  { name: 'Het Kwadrant', kind: 'school', region: 'Zuid-Oost', levels: ['vmbo'] },
];
const SEED_PARTNERS: readonly SeedOrganisation[] = [
  { name: 'Centrum voor Toptechniek', kind: 'network', region: 'Zuid-West', sector: 'techniek' },
  { name: 'STERA Achterhoek', kind: 'network', region: 'Oost', sector: 'techniek' },
  { name: 'Woerdens Techniektalent', kind: 'network', region: 'Noord-West', sector: 'techniek' },
  { name: 'Stichting WeTech', kind: 'network', region: 'Zuid-West', sector: 'techniek' },
  { name: 'Jet-Net & TechNet', kind: 'network', region: 'Noord-West', sector: 'techniek' },
  { name: 'Masterplan Techniek Amsterdam', kind: 'network', region: 'Noord-West', sector: 'bouw' },
  { name: 'Techniek Nederland', kind: 'network', region: 'Zuid-West', sector: 'techniek' },
  { name: 'Thales Nederland', kind: 'company', region: 'Oost', sector: 'techniek', size: 'groot' },
  { name: 'Ymere', kind: 'company', region: 'Noord-West', sector: 'bouw', size: 'groot' },
  { name: 'Bouwmensen', kind: 'company', region: 'Noord', sector: 'bouw', size: 'middel' },
  { name: 'Wehkamp', kind: 'company', region: 'Oost', sector: 'retail', size: 'groot' },
  { name: 'Salesforce Nederland', kind: 'company', region: 'Noord-West', sector: 'ICT', size: 'groot' },
];

/** Per region the mbo and vo schools a stagebureau list names: the seed's own first, then ones of the sheet's making. */
const MADE_SCHOOLS: readonly { pattern: string; levels: SchoolLevel[] }[] = [
  { pattern: 'Vakcollege {t}', levels: ['vmbo'] },
  { pattern: 'Technisch College {t}', levels: ['mbo'] },
  { pattern: 'Scholengemeenschap {t}', levels: ['vmbo', 'havo', 'vwo'] },
  { pattern: 'Groen College {t}', levels: ['vmbo', 'mbo'] },
  { pattern: 'Hogeschool {t}', levels: ['hbo'] },
];

const SIZES_NL: Record<string, string> = { micro: 'micro', small: 'klein', medium: 'middel', large: 'groot' };
const INTENSITIES_NL = [['stage', 6], ['afgestemd', 3], ['uitwisseling', 2], ['innovatie', 1]] as const;

export interface RelationsSheetOptions {
  seed?: Seed;
  /** Schools besides the seed's five. */
  schools: number;
  /** Partner organisations besides the seed's twelve. */
  partners: number;
  /** Contact persons per partner (min, max); schools get two or three. */
  peoplePerPartner: readonly [number, number];
  /** Share of partners that work with a second school. */
  secondSchoolShare: number;
  /** The last day a partnership may have begun. */
  until: Date;
}

export const SAMPLE_SHEET: RelationsSheetOptions = { seed: 'stagebureau', schools: 25, partners: 263, peoplePerPartner: [1, 3], secondSchoolShare: 0.15, until: new Date(Date.UTC(2026, 5, 30)) };

/** The rows of a relations sheet, deterministic for its options. */
export function relationsSheet(options: RelationsSheetOptions): RelationsRow[] {
  const rng = Random.from(options.seed ?? 'relations');
  const rows: RelationsRow[] = [];
  const usedNames = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; usedNames.has(candidate.toLowerCase()); n++) candidate = `${name} ${n}`;
    usedNames.add(candidate.toLowerCase());
    return candidate;
  };
  const usedEmails = new Set<string>();
  const uniqueEmail = (email: string) => {
    let candidate = email;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = email.replace('@', `${n}@`);
    usedEmails.add(candidate);
    return candidate;
  };
  let kvk = 90_000_000;
  let brin = 0;
  const nextBrin = () => `9${String.fromCharCode(48 + Math.floor(brin / 676) % 10)}${String.fromCharCode(65 + Math.floor(brin / 26) % 26)}${String.fromCharCode(65 + (brin++ % 26))}`;
  const blank = { KvK: '', BRIN: '', Sector: '', Grootte: '', Niveau: '', School: '', Intensiteit: '', Sinds: null, Telefoon: '', 'Rol contact': '' };

  const schools = [
    ...SEED_SCHOOLS,
    ...Array.from({ length: options.schools }, (_, i) => {
      const region = TECHNIEKPACT_REGIONS[i % TECHNIEKPACT_REGIONS.length];
      const made = MADE_SCHOOLS[Math.floor(i / TECHNIEKPACT_REGIONS.length) % MADE_SCHOOLS.length];
      return { name: made.pattern.replace('{t}', rng.pick(TECHNIEKPACT_TOWNS[region])), kind: 'school' as const, region, levels: made.levels };
    }),
  ].map((school) => ({ ...school, name: unique(school.name), brin: nextBrin() }));
  for (const school of schools) {
    const domain = `${slug(school.name)}.example`;
    const staff: [string, PersonTier][] = [['stagecoördinator', 'operational'], ['teamleider', 'tactical'], ['directeur', 'strategic']];
    for (const [role] of staff.slice(0, rng.int(2, 3))) {
      const person = personName(rng);
      rows.push({ ...blank, Naam: school.name, Soort: 'school', BRIN: school.brin, Regio: school.region, Niveau: school.levels!.join(', '), Sector: 'onderwijs', Contactpersoon: person.full, Functie: role, 'E-mail': uniqueEmail(emailOf(person, domain)), Telefoon: mobileNumber(rng) });
    }
  }

  const partners = [
    ...SEED_PARTNERS,
    ...Array.from({ length: options.partners }, () => {
      const region = rng.pick(TECHNIEKPACT_REGIONS);
      const sector = rng.pick(SECTORS);
      return { name: companyName(rng, sector, rng.pick(TECHNIEKPACT_TOWNS[region])), kind: 'company' as const, region, sector: sector.name, size: SIZES_NL[rng.weighted(COMPANY_SIZES)] };
    }),
  ].map((partner) => ({ ...partner, name: unique(partner.name), kvk: String(kvk++) }));
  const untilDay = Math.floor(options.until.getTime() / 86_400_000);
  for (const partner of partners) {
    const inRegion = schools.filter((school) => school.region === partner.region);
    const partnerSchools = [rng.pick(inRegion.length > 0 ? inRegion : schools)];
    if (rng.chance(options.secondSchoolShare)) {
      const other = rng.pick(schools);
      if (other !== partnerSchools[0]) partnerSchools.push(other);
    }
    const roles = PARTNER_ROLES[partner.kind === 'company' ? 'company' : 'network'];
    const domain = `${slug(partner.name)}.example`;
    const people = Array.from({ length: rng.int(options.peoplePerPartner[0], options.peoplePerPartner[1]) }, () => ({
      name: personName(rng),
      email: '',
      role: rng.pick(roles[rng.weighted([['operational', 5], ['tactical', 2], ['strategic', 1]] as const)]),
      phone: rng.chance(0.7) ? mobileNumber(rng) : '',
    }));
    for (const person of people) person.email = uniqueEmail(emailOf(person.name, domain));
    for (const school of partnerSchools) {
      const level = rng.pick(school.levels!);
      const since = new Date((untilDay - rng.int(30, 5 * 365)) * 86_400_000);
      const intensity = rng.weighted(INTENSITIES_NL);
      people.forEach((person, i) => {
        rows.push({
          Naam: partner.name,
          Soort: partner.kind,
          KvK: partner.kvk,
          BRIN: '',
          Sector: partner.sector ?? '',
          Regio: partner.region,
          Grootte: partner.size ?? '',
          Niveau: level,
          School: school.name,
          Intensiteit: intensity,
          Sinds: since,
          Contactpersoon: person.name.full,
          Functie: person.role,
          'E-mail': person.email,
          Telefoon: person.phone,
          'Rol contact': i === 0 ? 'primair' : 'backup',
        });
      });
    }
  }
  return rows;
}
