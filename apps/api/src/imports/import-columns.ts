/**
 * The columns an import reads (SPEC §8), each with the headers it is known by in Dutch and English (matched without
 * regard to case, accents, spaces or punctuation) and an example for the template. One row is one line of a
 * stagebureau's list: an organisation, optionally one of its contact persons, and optionally a partnership of that
 * organisation with a school (the person then its contact on the partner side).
 */
export interface ImportColumn {
  field: ImportField;
  headers: readonly string[];
  description: string;
  example: string;
}

export const IMPORT_FIELDS = [
  'name',
  'kind',
  'kvk',
  'brin',
  'sector',
  'region',
  'size',
  'levels',
  'school',
  'intensity',
  'openedAt',
  'themes',
  'contactName',
  'contactRole',
  'tier',
  'email',
  'phone',
  'contactAssignment',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'name', headers: ['Naam', 'Name', 'Organisatie', 'Organisation', 'Organisatienaam', 'Bedrijf', 'Company'], description: 'the organisation (required)', example: 'Tata Steel IJmuiden' },
  { field: 'kind', headers: ['Soort', 'Kind', 'Type', 'Soort organisatie'], description: 'school, bedrijf/company, gemeente/government, netwerk/network or anders/other (default company)', example: 'bedrijf' },
  { field: 'kvk', headers: ['KvK', 'KvK-nummer', 'KvK nummer', 'Chamber of Commerce', 'CoC'], description: 'KvK number, 8 digits', example: '34000001' },
  { field: 'brin', headers: ['BRIN', 'BRIN-code', 'BRIN code', 'Brinnummer'], description: 'BRIN code of a school, 4 characters', example: '' },
  { field: 'sector', headers: ['Sector', 'Branche'], description: 'sector', example: 'techniek' },
  { field: 'region', headers: ['Regio', 'Region', 'Techniekpact regio'], description: 'region (with the name, it identifies an organisation without KvK or BRIN)', example: 'Noord-West' },
  { field: 'size', headers: ['Grootte', 'Size', 'Omvang'], description: 'micro, klein/small, middel/medium or groot/large', example: 'groot' },
  { field: 'levels', headers: ['Niveau', 'Level', 'Niveaus', 'Levels', 'Onderwijsniveau'], description: "a school's levels; on a partner's row the levels of the partnership (default: the school's); separated by , or ;", example: 'mbo' },
  { field: 'school', headers: ['School', 'Onderwijsinstelling', 'Samenwerking met', 'Partner school'], description: 'the school this organisation works with (its name or BRIN): a partnership', example: 'Nova College' },
  { field: 'intensity', headers: ['Intensiteit', 'Intensity', 'Vorm', 'Samenwerkingsvorm'], description: 'stage/placement, afgestemd/aligned, uitwisseling/exchange, innovatie/innovation (default placement)', example: 'stage' },
  { field: 'openedAt', headers: ['Sinds', 'Since', 'Startdatum', 'Start date', 'Begindatum', 'Opened'], description: 'when the partnership began: 15-01-2025, 2025-01-15 or an Excel date (default: the import)', example: '01-09-2024' },
  { field: 'themes', headers: ["Thema's", 'Themas', 'Thema', 'Themes', 'Theme'], description: 'themes, separated by , or ;', example: 'techniek; duurzaamheid' },
  { field: 'contactName', headers: ['Contactpersoon', 'Contact person', 'Contact', 'Naam contactpersoon'], description: 'a contact person of the organisation', example: 'Sanne de Vries' },
  { field: 'contactRole', headers: ['Functie', 'Role', 'Job title', 'Functietitel'], description: "the person's role (default contactpersoon)", example: 'HR-adviseur' },
  { field: 'tier', headers: ['Laag', 'Tier', 'Niveau in organisatie'], description: 'strategisch/strategic, tactisch/tactical or operationeel/operational (default: from the role)', example: 'tactisch' },
  { field: 'email', headers: ['E-mail', 'Email', 'E-mailadres', 'Mail'], description: "the person's e-mail (identifies them)", example: 'sanne.devries@example.nl' },
  { field: 'phone', headers: ['Telefoon', 'Phone', 'Telefoonnummer', 'Tel', 'Mobiel'], description: "the person's phone", example: '06 12345678' },
  { field: 'contactAssignment', headers: ['Rol contact', 'Contact role', 'Contactrol'], description: 'primair/primary or backup: the person as contact of the partnership (default primary when there is none yet, else backup)', example: 'primair' },
];
