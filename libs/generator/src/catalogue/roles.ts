import { OrganisationKind, OrganisationSize, PersonTier } from '@crm/domain';
import { Weighted } from '../random';

/** The kind of school an organisation is; it fixes its levels, staff and partnership style. */
export type SchoolType = 'po' | 'vmbo' | 'vo' | 'lyceum' | 'mbo' | 'hbo' | 'wo';

export interface Role {
  role: string;
  tier: PersonTier;
}

/** Who at a school of each type deals with partners, by tier (SPEC §1: strategic, tactical, operational). */
export const SCHOOL_ROLES: Readonly<Record<SchoolType, Readonly<Record<PersonTier, readonly string[]>>>> = {
  po: {
    strategic: ['directeur', 'bestuurder'],
    tactical: ['bouwcoördinator', 'intern begeleider'],
    operational: ['leerkracht', 'coördinator wetenschap en techniek', 'cultuurcoördinator'],
  },
  vmbo: {
    strategic: ['directeur', 'locatiedirecteur'],
    tactical: ['teamleider', 'afdelingsleider'],
    operational: ['stagecoördinator', 'docent', 'decaan', 'LOB-coördinator', 'relatiebeheerder'],
  },
  vo: {
    strategic: ['rector', 'locatiedirecteur'],
    tactical: ['teamleider', 'afdelingsleider'],
    operational: ['decaan', 'docent', 'stagecoördinator', 'LOB-coördinator', 'relatiebeheerder'],
  },
  lyceum: {
    strategic: ['rector', 'conrector'],
    tactical: ['teamleider', 'sectievoorzitter'],
    operational: ['decaan', 'docent', 'coördinator profielwerkstuk'],
  },
  mbo: {
    strategic: ['directeur', 'lid college van bestuur'],
    tactical: ['opleidingsmanager', 'teamleider'],
    operational: ['stagecoördinator', 'bpv-coördinator', 'docent', 'praktijkbegeleider', 'relatiebeheerder', 'stagemakelaar'],
  },
  hbo: {
    strategic: ['directeur', 'lid college van bestuur'],
    tactical: ['opleidingsmanager', 'lector', 'teamleider'],
    operational: ['docent', 'stagecoördinator', 'afstudeercoördinator', 'relatiebeheerder', 'onderzoeker'],
  },
  wo: {
    strategic: ['decaan', 'directeur onderwijs'],
    tactical: ['hoogleraar', 'programmadirecteur', 'opleidingsdirecteur'],
    operational: ['universitair docent', 'stagecoördinator', 'relatiebeheerder', 'promovendus', 'onderzoeker'],
  },
};

/** Who carries a partnership day to day at each school type (the usual primary contact). */
export const SCHOOL_CONTACT_ROLES: Readonly<Record<SchoolType, readonly string[]>> = {
  po: ['leerkracht', 'coördinator wetenschap en techniek', 'cultuurcoördinator', 'directeur'],
  vmbo: ['stagecoördinator', 'docent', 'relatiebeheerder', 'LOB-coördinator'],
  vo: ['decaan', 'stagecoördinator', 'docent', 'relatiebeheerder', 'LOB-coördinator'],
  lyceum: ['decaan', 'docent', 'coördinator profielwerkstuk'],
  mbo: ['stagecoördinator', 'bpv-coördinator', 'relatiebeheerder', 'stagemakelaar', 'docent'],
  hbo: ['docent', 'stagecoördinator', 'relatiebeheerder', 'afstudeercoördinator', 'lector'],
  wo: ['universitair docent', 'stagecoördinator', 'relatiebeheerder', 'hoogleraar'],
};

/** Partner-side roles by organisation kind and tier. */
export const PARTNER_ROLES: Readonly<Record<Exclude<OrganisationKind, 'school'>, Readonly<Record<PersonTier, readonly string[]>>>> = {
  company: {
    strategic: ['eigenaar', 'directeur', 'algemeen directeur'],
    tactical: ['HR-manager', 'bedrijfsleider', 'afdelingshoofd', 'vestigingsmanager'],
    operational: ['praktijkopleider', 'leermeester', 'medewerker', 'werkvoorbereider', 'HR-adviseur', 'teamcoach'],
  },
  government: {
    strategic: ['wethouder onderwijs', 'gemeentesecretaris'],
    tactical: ['teamleider economie', 'beleidsadviseur onderwijs'],
    operational: ['accountmanager bedrijven', 'beleidsmedewerker onderwijs', 'leerplichtambtenaar', 'jongerenwerker'],
  },
  network: {
    strategic: ['voorzitter', 'bestuurder'],
    tactical: ['programmamanager', 'kwartiermaker'],
    operational: ['netwerkcoördinator', 'projectleider', 'accountmanager'],
  },
  other: {
    strategic: ['directeur', 'bestuurder'],
    tactical: ['coördinator educatie', 'manager'],
    operational: ['educatief medewerker', 'vrijwilligerscoördinator', 'medewerker'],
  },
};

/** Staff who deal with schools, per company size: [strategic, tactical, operational] counts (min, max). */
export const COMPANY_STAFF: Readonly<Record<OrganisationSize, readonly [number, number, number, number, number, number]>> = {
  micro: [1, 1, 0, 0, 0, 1],
  small: [1, 1, 0, 1, 1, 1],
  medium: [0, 1, 1, 1, 1, 2],
  large: [0, 1, 1, 2, 2, 4],
};

/** Why people leave (PersonLeftOrganisation.reason). */
export const DEPARTURE_REASONS: Weighted<string> = [
  ['andere baan', 40],
  ['pensioen', 12],
  ['verhuizing', 10],
  ['reorganisatie', 8],
  ['einde contract', 12],
  ['loopbaanstap binnen de sector', 10],
  ['langdurig ziek', 4],
  ['eigen bedrijf gestart', 4],
];

/** Promotions from the operational to the tactical tier (PersonRoleChanged). */
export const PROMOTIONS: Readonly<Record<string, Role>> = {
  school: { role: 'teamleider', tier: 'tactical' },
  company: { role: 'afdelingshoofd', tier: 'tactical' },
  government: { role: 'teamleider economie', tier: 'tactical' },
  network: { role: 'programmamanager', tier: 'tactical' },
  other: { role: 'coördinator educatie', tier: 'tactical' },
};
