import { ActivityKind, AgreementKind, Intensity, InteractionKind, OrganisationKind, SchoolLevel, Side } from '@crm/domain';
import { Weighted } from '../random';

/**
 * What partnerships do, per school level (DOMAIN.md "levels differ"): mbo centres on internships and craft; hbo and
 * wo on practice assignments and research; vmbo and po on orientation (visits, open days, guest lectures, electives).
 */
export interface ActivitySpec {
  kind: ActivityKind;
  weight: number;
  /** Months (1–12) in which it typically takes place; empty = any school month. */
  months?: readonly number[];
  /** Students involved (min, max), if it involves students. */
  students?: readonly [number, number];
  /** Duration in days (min, max), if it lasts longer than a day. */
  days?: readonly [number, number];
}

const SCHOOL_MONTHS = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12];

export const ACTIVITIES_BY_LEVEL: Readonly<Record<SchoolLevel, readonly ActivitySpec[]>> = {
  po: [
    { kind: 'company_visit', weight: 30, students: [15, 30] },
    { kind: 'guest_lecture', weight: 25, students: [20, 30] },
    { kind: 'open_day', weight: 8, months: [3, 4, 5, 10], students: [20, 60] },
    { kind: 'brainstorm', weight: 4 },
    { kind: 'media_publicity', weight: 4 },
    { kind: 'thank_you', weight: 6, months: [6, 7] },
    { kind: 'other', weight: 6, students: [10, 30] },
  ],
  vmbo: [
    { kind: 'company_visit', weight: 22, students: [12, 28] },
    { kind: 'guest_lecture', weight: 18, students: [15, 30] },
    { kind: 'internship', weight: 16, months: [1, 2, 3, 10, 11], students: [1, 4], days: [5, 30] },
    { kind: 'open_day', weight: 8, months: [1, 2, 3, 11], students: [20, 80] },
    { kind: 'elective_course', weight: 8, months: [9, 10, 1, 2], students: [8, 20], days: [40, 100] },
    { kind: 'teacher_internship', weight: 4, days: [1, 5] },
    { kind: 'network_meeting', weight: 4 },
    { kind: 'thank_you', weight: 5, months: [6, 7] },
    { kind: 'media_publicity', weight: 2 },
  ],
  havo: [
    { kind: 'guest_lecture', weight: 25, students: [20, 30] },
    { kind: 'company_visit', weight: 18, students: [15, 30] },
    { kind: 'research_project', weight: 14, months: [9, 10, 11, 1], students: [2, 4], days: [40, 120] },
    { kind: 'open_day', weight: 6, months: [1, 2, 3, 11], students: [20, 60] },
    { kind: 'brainstorm', weight: 5 },
    { kind: 'internship', weight: 5, months: [1, 2, 3], students: [1, 3], days: [5, 10] },
    { kind: 'thank_you', weight: 5, months: [6, 7] },
  ],
  vwo: [
    { kind: 'guest_lecture', weight: 24, students: [20, 30] },
    { kind: 'research_project', weight: 20, months: [9, 10, 11, 1], students: [2, 4], days: [40, 120] },
    { kind: 'company_visit', weight: 14, students: [15, 30] },
    { kind: 'brainstorm', weight: 6 },
    { kind: 'open_day', weight: 4, months: [1, 2, 3, 11], students: [20, 60] },
    { kind: 'thank_you', weight: 5, months: [6, 7] },
  ],
  mbo: [
    { kind: 'internship', weight: 40, months: [2, 9, 10], students: [1, 5], days: [60, 150] },
    { kind: 'practice_assignment', weight: 10, students: [3, 12], days: [20, 70] },
    { kind: 'guest_lecture', weight: 10, students: [15, 28] },
    { kind: 'company_visit', weight: 8, students: [12, 25] },
    { kind: 'hybrid_teacher', weight: 5, months: [8, 9, 1], days: [120, 300] },
    { kind: 'teacher_internship', weight: 5, days: [1, 10] },
    { kind: 'network_meeting', weight: 5 },
    { kind: 'elective_course', weight: 4, months: [9, 2], students: [8, 20], days: [50, 100] },
    { kind: 'thank_you', weight: 5, months: [6, 7] },
    { kind: 'media_publicity', weight: 2 },
  ],
  hbo: [
    { kind: 'practice_assignment', weight: 26, months: [9, 11, 2, 4], students: [3, 8], days: [40, 100] },
    { kind: 'internship', weight: 22, months: [2, 9], students: [1, 3], days: [100, 150] },
    { kind: 'research_project', weight: 16, months: [9, 2], students: [2, 6], days: [90, 300] },
    { kind: 'guest_lecture', weight: 12, students: [20, 60] },
    { kind: 'brainstorm', weight: 8 },
    { kind: 'hybrid_teacher', weight: 4, months: [8, 9, 1], days: [120, 300] },
    { kind: 'network_meeting', weight: 6 },
    { kind: 'thank_you', weight: 3, months: [6, 7] },
    { kind: 'media_publicity', weight: 2 },
  ],
  wo: [
    { kind: 'research_project', weight: 30, months: [9, 2], students: [1, 4], days: [120, 360] },
    { kind: 'guest_lecture', weight: 18, students: [30, 120] },
    { kind: 'internship', weight: 14, months: [2, 9], students: [1, 2], days: [60, 180] },
    { kind: 'brainstorm', weight: 12 },
    { kind: 'network_meeting', weight: 10 },
    { kind: 'practice_assignment', weight: 6, students: [3, 6], days: [40, 80] },
    { kind: 'media_publicity', weight: 4 },
    { kind: 'thank_you', weight: 2, months: [6, 7] },
  ],
};

/** Municipalities and networks meet and plan more than they host students. */
export const NON_COMPANY_ACTIVITIES: readonly ActivitySpec[] = [
  { kind: 'network_meeting', weight: 40 },
  { kind: 'brainstorm', weight: 20 },
  { kind: 'guest_lecture', weight: 10, students: [15, 30] },
  { kind: 'company_visit', weight: 6, students: [15, 30] },
  { kind: 'media_publicity', weight: 6 },
  { kind: 'thank_you', weight: 4, months: [6, 7] },
];

export const ANY_SCHOOL_MONTH = SCHOOL_MONTHS;

export const INTERACTION_KINDS_WEIGHTED: Weighted<InteractionKind> = [
  ['email', 36],
  ['call', 24],
  ['meeting', 14],
  ['visit', 9],
  ['message', 11],
  ['event', 3],
  ['other', 3],
];

export const INTERACTION_SUMMARIES: Readonly<Record<Side, readonly string[]>> = {
  school: [
    'Stageplaatsen voor het komende semester besproken',
    'Terugkoppeling over de voortgang van de stagiairs',
    'Datum voor de gastles afgestemd',
    'Bedrijfsbezoek voor de tweede klas voorbereid',
    'Nieuwe opdracht voor studenten verkend',
    'Vraag over beoordeling van de praktijkopdracht',
    'Uitnodiging voor de open dag gestuurd',
    'Lesprogramma gedeeld ter voorbereiding',
    'Begeleidingsgesprek stagiair ingepland',
    'Ideeën voor een gezamenlijk project uitgewisseld',
  ],
  partner: [
    'Bedrijf meldt extra stageplaatsen',
    'Vraag naar beschikbaarheid van studenten voor een opdracht',
    'Praktijkopleider geeft feedback over een stagiair',
    'Voorstel voor een gastles over het vak',
    'Uitnodiging voor een netwerkbijeenkomst',
    'Vraag over de planning van het schooljaar',
    'Aanbod om lesmateriaal uit de praktijk te leveren',
    'Klacht over late aanlevering van stagiairs',
    'Idee voor een innovatieproject met studenten',
    'Bericht over een wisseling van contactpersoon',
  ],
};

export const HANDOVER_SUMMARY = 'Overdrachtsgesprek: de nieuwe contactpersoon stelt zich voor';
export const COLD_INTRO_SUMMARY = 'Kennismaking na vertrek van de vorige contactpersoon';

export const COMMITMENTS: Readonly<Record<Side, readonly string[]>> = {
  partner: [
    'Stageplaatsen beschikbaar stellen voor februari',
    'Gastles verzorgen in periode 3',
    'Bedrijfsbezoek organiseren voor de examenklas',
    'Praktijkopdracht aanleveren voor het nieuwe blok',
    'Beoordelingsformulieren van de stagiairs invullen',
    'Praktijkopleider aanmelden voor de begeleiderstraining',
    'Materiaal en gereedschap beschikbaar stellen voor de les',
    'Meedenken over het curriculum van de opleiding',
  ],
  school: [
    'Stagiairs voorstellen vóór de zomervakantie',
    'Evaluatieverslag sturen',
    'Lesrooster voor de gastlessen afstemmen',
    'Onderzoeksrapport opleveren aan het bedrijf',
    'Bedankmoment organiseren aan het einde van het schooljaar',
    'Contactgegevens van de nieuwe begeleider doorgeven',
    'Studenten werven voor de praktijkopdracht',
    'Verslag van de brainstorm delen',
  ],
};

export const BROKEN_REASONS: readonly string[] = [
  'geen capaciteit bij het bedrijf',
  'contactpersoon vergeten',
  'planning liep vast',
  'te weinig studenten aangemeld',
  'prioriteiten veranderd',
];

export const CANCEL_REASONS: readonly string[] = ['stage gaat niet door', 'project uitgesteld', 'in overleg vervallen'];

export const END_REASONS: Readonly<Record<'drift' | 'orphan' | 'nomatch' | 'done' | 'business', readonly string[]>> = {
  drift: ['contact verwaterd', 'geen activiteiten meer sinds vorig schooljaar', 'partner reageert niet meer'],
  orphan: ['contactpersoon vertrokken, geen opvolger gevonden', 'relatie hing aan één docent die is vertrokken'],
  nomatch: ['geen match na verkenning', 'te weinig aansluiting bij het curriculum', 'partner had geen capaciteit'],
  done: ['project afgerond', 'doelen bereikt; samenwerking afgesloten', 'opleiding gestopt'],
  business: ['bedrijf gestopt met stageplaatsen', 'bedrijf failliet', 'bedrijf verhuisd buiten de regio', 'reorganisatie bij de partner'],
};

export const PAUSE_REASONS: readonly string[] = ['reorganisatie bij de partner', 'geen stagiairs dit semester', 'drukte in het hoogseizoen'];

export const EVALUATION_NOTES: readonly string[] = [
  'Beide partijen tevreden; afspraken voor volgend jaar gemaakt',
  'Communicatie kan beter; vaste contactmomenten afgesproken',
  'Stagiairs goed voorbereid; bedrijf wil uitbreiden',
  'Te weinig terugkoppeling vanuit school',
  'Samenwerking loopt, maar de rolverdeling is onduidelijk',
  'Gezamenlijk project succesvol afgerond',
];

/** Formal agreements by partner kind: MKB prefers an MoU or letter of intent over a contract (DOMAIN.md). */
export const FORMAL_AGREEMENTS: Readonly<Record<Exclude<OrganisationKind, 'school'>, Weighted<AgreementKind>>> = {
  company: [['mou', 40], ['letter_of_intent', 25], ['cooperation_agreement', 25], ['contract', 10]],
  government: [['cooperation_agreement', 50], ['contract', 30], ['letter_of_intent', 20]],
  network: [['letter_of_intent', 45], ['mou', 35], ['cooperation_agreement', 20]],
  other: [['mou', 50], ['letter_of_intent', 30], ['cooperation_agreement', 20]],
};

/** Starting intensity by level (SPEC §1; DOMAIN.md: intensity grows in steps). */
export const INTENSITY_BY_LEVEL: Readonly<Record<SchoolLevel, Weighted<Intensity>>> = {
  po: [['aligned', 70], ['exchange', 25], ['innovation', 5]],
  vmbo: [['placement', 30], ['aligned', 45], ['exchange', 20], ['innovation', 5]],
  havo: [['placement', 5], ['aligned', 50], ['exchange', 35], ['innovation', 10]],
  vwo: [['placement', 5], ['aligned', 45], ['exchange', 38], ['innovation', 12]],
  mbo: [['placement', 55], ['aligned', 25], ['exchange', 15], ['innovation', 5]],
  hbo: [['placement', 25], ['aligned', 20], ['exchange', 30], ['innovation', 25]],
  wo: [['placement', 10], ['aligned', 20], ['exchange', 35], ['innovation', 35]],
};

export const LEVEL_THEMES: Readonly<Record<SchoolLevel, readonly string[]>> = {
  po: ['wetenschap en techniek', 'burgerschap', 'natuur'],
  vmbo: ['loopbaanoriëntatie', 'beroepspraktijk'],
  havo: ['loopbaanoriëntatie', 'profielwerkstuk'],
  vwo: ['profielwerkstuk', 'wetenschap'],
  mbo: ['beroepspraktijkvorming', 'vakmanschap'],
  hbo: ['praktijkgericht onderzoek', 'ondernemerschap'],
  wo: ['onderzoek', 'valorisatie'],
};
