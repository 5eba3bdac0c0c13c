import { OrganisationSize, SchoolLevel } from '@crm/domain';
import { Random, Weighted } from '../random';

/**
 * The regional economy: sectors, how their firms are named, how big they are (mostly MKB), which themes their
 * partnerships carry, and which school levels work with them most.
 */
export interface Sector {
  name: string;
  /** Name patterns; `{n}` is a family name, `{t}` a town, `{w}` a word from `words`. */
  patterns: readonly string[];
  words: readonly string[];
  themes: readonly string[];
  /** How attractive the sector is as a partner for each level (relative). */
  levels: Readonly<Partial<Record<SchoolLevel, number>>>;
  /** Relative share of the regional economy. */
  weight: number;
}

export const SECTORS: readonly Sector[] = [
  {
    name: 'agri-food',
    patterns: ['Kwekerij {w}', 'Melkveebedrijf {n}', 'Zuivelboerderij {w}', 'Tuinbouwbedrijf {n}', 'Akkerbouw {n}', '{w} Vers', 'Bakkerij {n}', 'Agrarisch Loonbedrijf {n}', 'Bloembollen {n}', '{w} Foods'],
    words: ['De Zonnehoek', 'Het Groene Hart', 'De Hoeve', 'Polderland', 'De Vlinder', 'Akkerzicht', 'Graanrijk', 'De Linde', 'Noorderveld', 'Weidegoud'],
    themes: ['groen', 'voedsel', 'duurzaamheid', 'dierenzorg'],
    levels: { po: 1.6, vmbo: 1.4, havo: 0.6, vwo: 0.6, mbo: 1.3, hbo: 0.9, wo: 1.0 },
    weight: 10,
  },
  {
    name: 'techniek',
    patterns: ['Installatiebedrijf {n}', 'Metaalbewerking {t}', '{n} Elektrotechniek', 'Machinefabriek {n}', '{w} Engineering', 'Constructiebedrijf {n}', '{n} Automotive', 'Garagebedrijf {n}', '{w} Techniek'],
    words: ['Precisa', 'Techno', 'Vonk', 'Spanning', 'Koppel', 'Staalwerk', 'Voltage', 'Rotor', 'Hefboom', 'Dynamo'],
    themes: ['techniek', 'innovatie', 'vakmanschap'],
    levels: { po: 0.8, vmbo: 1.8, havo: 0.9, vwo: 0.8, mbo: 1.6, hbo: 1.3, wo: 0.9 },
    weight: 14,
  },
  {
    name: 'ICT',
    patterns: ['{w} Software', '{w} Digital', '{n} IT-diensten', '{w} Data', 'Webbureau {w}', '{w} Systems', '{w} Cloud'],
    words: ['Bytecraft', 'Pixelpunt', 'Codewerk', 'Netvlies', 'Bitlab', 'Datadijk', 'Logica', 'Appsolute', 'Cirkel', 'Quadrant'],
    themes: ['digitalisering', 'programmeren', 'data', 'innovatie'],
    levels: { po: 0.6, vmbo: 0.9, havo: 1.2, vwo: 1.3, mbo: 1.2, hbo: 1.8, wo: 1.6 },
    weight: 8,
  },
  {
    name: 'zorg',
    patterns: ['Zorggroep {w}', 'Thuiszorg {t}', 'Huisartsenpraktijk {n}', 'Woonzorgcentrum {w}', 'Fysiotherapie {n}', 'Kinderopvang {w}', 'Apotheek {t}', 'Tandartspraktijk {n}'],
    words: ['De Linde', 'Het Anker', 'Zonnehuis', 'De Wending', 'Horizon', 'De Bolder', 'Vivent', 'Lindenhof', 'De Schakel', 'Kompas'],
    themes: ['zorg', 'welzijn', 'gezondheid'],
    levels: { po: 0.7, vmbo: 1.4, havo: 1.0, vwo: 0.9, mbo: 1.7, hbo: 1.4, wo: 1.1 },
    weight: 13,
  },
  {
    name: 'bouw',
    patterns: ['Bouwbedrijf {n}', 'Aannemersbedrijf {n}', 'Timmerfabriek {t}', 'Schildersbedrijf {n}', '{n} Infra', 'Dakdekkersbedrijf {n}', '{w} Bouw'],
    words: ['Fundament', 'Stevig', 'Nokhoog', 'Bouwkracht', 'Dijkhuis', 'Metselaar', 'Keystone', 'Houtwerk'],
    themes: ['bouw', 'vakmanschap', 'duurzaamheid'],
    levels: { po: 0.6, vmbo: 1.7, havo: 0.5, vwo: 0.4, mbo: 1.5, hbo: 0.9, wo: 0.5 },
    weight: 11,
  },
  {
    name: 'logistiek',
    patterns: ['Transportbedrijf {n}', '{w} Logistics', 'Distributiecentrum {t}', '{n} Transport', 'Koeriersdienst {w}', 'Opslag {t}'],
    words: ['Snelweg', 'Vrachtwerk', 'Cargo', 'Expres', 'Kruispunt', 'Overslag', 'Laadruimte'],
    themes: ['logistiek', 'techniek', 'duurzaamheid'],
    levels: { po: 0.3, vmbo: 1.2, havo: 0.5, vwo: 0.4, mbo: 1.4, hbo: 1.1, wo: 0.6 },
    weight: 7,
  },
  {
    name: 'retail',
    patterns: ['Supermarkt {n}', 'Fietsenwinkel {n}', '{w} Mode', 'Bouwmarkt {t}', 'Boekhandel {w}', 'Tuincentrum {w}', 'Slagerij {n}'],
    words: ['De Markt', 'Het Winkelhart', 'Trend', 'De Toonbank', 'Stadshart', 'De Korenbloem', 'Pluim'],
    themes: ['ondernemerschap', 'klantcontact', 'vakmanschap'],
    levels: { po: 1.2, vmbo: 1.3, havo: 0.7, vwo: 0.4, mbo: 1.3, hbo: 0.6, wo: 0.2 },
    weight: 10,
  },
  {
    name: 'horeca',
    patterns: ['Hotel {w}', 'Restaurant {w}', 'Eetcafé {w}', 'Strandpaviljoen {w}', 'Catering {n}', 'Partycentrum {w}'],
    words: ['De Gouden Leeuw', 'Het Wapen van {t}', 'De Zwaan', 'Zeezicht', 'De Kroon', 'Het Veerhuis', 'De Smaak'],
    themes: ['gastvrijheid', 'ondernemerschap', 'voedsel'],
    levels: { po: 0.4, vmbo: 1.4, havo: 0.6, vwo: 0.3, mbo: 1.4, hbo: 0.8, wo: 0.2 },
    weight: 6,
  },
  {
    name: 'energie',
    patterns: ['Energiecoöperatie {t}', '{w} Solar', 'Warmtebedrijf {t}', '{w} Energie', 'Laadpalen {n}'],
    words: ['Zonnekracht', 'Windkracht', 'Groenstroom', 'Warmtenet', 'Voltaïsch', 'Polderwind'],
    themes: ['energietransitie', 'duurzaamheid', 'techniek'],
    levels: { po: 0.8, vmbo: 1.1, havo: 1.1, vwo: 1.2, mbo: 1.2, hbo: 1.5, wo: 1.4 },
    weight: 4,
  },
  {
    name: 'maritiem',
    patterns: ['Scheepswerf {n}', 'Jachtbouw {w}', '{w} Marine Services', 'Visserijbedrijf {n}', 'Havenbedrijf {t}'],
    words: ['Noordzee', 'Zeewind', 'Kielwater', 'Boegbeeld', 'Getijde', 'Stuurboord'],
    themes: ['maritiem', 'techniek', 'vakmanschap'],
    levels: { po: 0.5, vmbo: 1.3, havo: 0.6, vwo: 0.5, mbo: 1.5, hbo: 1.2, wo: 0.8 },
    weight: 2,
  },
  {
    name: 'zakelijke dienstverlening',
    patterns: ['Accountantskantoor {n}', 'Advocatenkantoor {n}', '{n} Adviesgroep', 'Uitzendbureau {w}', 'Reclamebureau {w}', 'Makelaardij {n}'],
    words: ['Helder', 'Balans', 'Kompas', 'Sterk', 'Vooruit', 'Brug', 'Raak'],
    themes: ['ondernemerschap', 'financiën', 'communicatie'],
    levels: { po: 0.3, vmbo: 0.7, havo: 1.0, vwo: 1.0, mbo: 1.1, hbo: 1.5, wo: 1.3 },
    weight: 7,
  },
  {
    name: 'creatieve industrie',
    patterns: ['Ontwerpstudio {w}', '{w} Media', 'Fotostudio {n}', 'Drukkerij {n}', '{w} Games'],
    words: ['Kleurrijk', 'Beeldtaal', 'Studio Noord', 'Inkt', 'Kader', 'Lichtpunt'],
    themes: ['creativiteit', 'communicatie', 'digitalisering'],
    levels: { po: 0.5, vmbo: 0.8, havo: 1.2, vwo: 1.0, mbo: 1.2, hbo: 1.4, wo: 0.7 },
    weight: 4,
  },
];

/** Most firms are MKB; a few large employers (a hospital, a manufacturer) take many interns. */
export const COMPANY_SIZES: Weighted<OrganisationSize> = [
  ['micro', 30],
  ['small', 38],
  ['medium', 24],
  ['large', 8],
];

const FAMILY_NAMES: readonly string[] = [
  'Bakker', 'Visser', 'de Boer', 'Mulder', 'Smit', 'Dekker', 'Brouwer', 'Kok', 'Bos', 'Vos', 'Koster', 'Prins', 'Blom',
  'Huisman', 'Kuiper', 'Post', 'Zwart', 'Wolters', 'Schouten', 'Hoekstra', 'van Dam', 'van Vliet', 'Verhoeven',
  'Hendriks', 'Dijkstra', 'Kramer', 'Scholten', 'Terpstra', 'van der Wal', 'Jonker', 'Bosman', 'Molenaar', 'Groen',
];

export function companyName(rng: Random, sector: Sector, town: string): string {
  const pattern = rng.pick(sector.patterns);
  return pattern
    .replace('{n}', rng.pick(FAMILY_NAMES))
    .replace('{w}', rng.pick(sector.words))
    .replace('{t}', town)
    .replace('{t}', town);
}

/** Partners that are not firms: municipalities, networks and others (library, museum, sports club, welfare). */
export const NETWORK_PATTERNS: readonly string[] = [
  'Techniekpact {r}',
  'Economic Board {r}',
  'Platform Bèta Techniek {r}',
  'Ondernemersvereniging {t}',
  'Stichting Leren & Werken {r}',
  'Regionaal Zorgnetwerk {r}',
  'Groene Tafel {r}',
  'ICT-netwerk {r}',
  'Bouwend Nederland afdeling {r}',
  'Stichting Jong Ondernemen {r}',
  'Onderwijs-arbeidsmarkt Platform {r}',
  'Energieplatform {r}',
];

export const OTHER_PARTNER_PATTERNS: readonly string[] = [
  'Bibliotheek {t}',
  'Museum {t}',
  'Sportvereniging {t}',
  'Welzijnsorganisatie {t}',
  'Natuurmonumenten {t}',
  'Muziekschool {t}',
  'Kinderboerderij {t}',
  'Brandweer {t}',
];

export const NETWORK_THEMES: readonly string[] = ['regionale samenwerking', 'arbeidsmarkt', 'techniek', 'loopbaanoriëntatie'];
export const GOVERNMENT_THEMES: readonly string[] = ['arbeidsmarkt', 'burgerschap', 'leefbaarheid', 'duurzaamheid', 'jeugd'];
export const OTHER_THEMES: readonly string[] = ['cultuur', 'burgerschap', 'sport en bewegen', 'natuur', 'lezen'];
