/**
 * Dutch regions the generator can build. Towns are real; every school, company and network name made from them is
 * invented. `sectorBias` tilts the regional economy (a green region has more agri-food, a port region more logistics).
 */
export interface RegionProfile {
  name: string;
  /** The short name used in network names ("Techniekpact Twente"). */
  short: string;
  towns: readonly string[];
  sectorBias: Readonly<Record<string, number>>;
}

export const REGIONS: readonly RegionProfile[] = [
  {
    name: 'Noord-Holland Noord',
    short: 'Noord-Holland Noord',
    towns: ['Alkmaar', 'Den Helder', 'Hoorn', 'Heerhugowaard', 'Schagen', 'Enkhuizen', 'Medemblik', 'Heiloo', 'Castricum', 'Bergen', 'Texel', 'Langedijk', 'Hollands Kroon', 'Opmeer'],
    sectorBias: { 'agri-food': 1.8, maritiem: 1.6, energie: 1.4, techniek: 1.1 },
  },
  {
    name: 'Twente',
    short: 'Twente',
    towns: ['Enschede', 'Hengelo', 'Almelo', 'Oldenzaal', 'Borne', 'Haaksbergen', 'Rijssen', 'Hellendoorn', 'Losser', 'Wierden', 'Tubbergen', 'Dinkelland', 'Twenterand'],
    sectorBias: { techniek: 1.8, ICT: 1.4, logistiek: 1.2, bouw: 1.1 },
  },
  {
    name: 'Zuid-Limburg',
    short: 'Zuid-Limburg',
    towns: ['Maastricht', 'Heerlen', 'Sittard-Geleen', 'Kerkrade', 'Landgraaf', 'Brunssum', 'Valkenburg', 'Meerssen', 'Eijsden-Margraten', 'Stein', 'Beekdaelen', 'Gulpen-Wittem'],
    sectorBias: { zorg: 1.5, techniek: 1.3, logistiek: 1.3, horeca: 1.4 },
  },
  {
    name: 'Regio Foodvalley',
    short: 'Foodvalley',
    towns: ['Ede', 'Wageningen', 'Veenendaal', 'Barneveld', 'Nijkerk', 'Scherpenzeel', 'Renswoude', 'Rhenen', 'Lunteren', 'Bennekom'],
    sectorBias: { 'agri-food': 2.2, logistiek: 1.2, ICT: 1.1 },
  },
  {
    name: 'Drechtsteden',
    short: 'Drechtsteden',
    towns: ['Dordrecht', 'Zwijndrecht', 'Papendrecht', 'Sliedrecht', 'Hendrik-Ido-Ambacht', 'Alblasserdam', 'Hardinxveld-Giessendam', 'Gorinchem', 'Molenlanden'],
    sectorBias: { maritiem: 2.0, techniek: 1.5, logistiek: 1.4, bouw: 1.3 },
  },
  {
    name: 'Achterhoek',
    short: 'Achterhoek',
    towns: ['Doetinchem', 'Winterswijk', 'Oude IJsselstreek', 'Aalten', 'Berkelland', 'Bronckhorst', 'Lochem', 'Montferland', 'Oost Gelre', 'Zutphen'],
    sectorBias: { techniek: 1.7, 'agri-food': 1.5, bouw: 1.2, zorg: 1.1 },
  },
];
