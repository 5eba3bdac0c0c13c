import { CONTACT_ROLES, ContactRole, expandLevels, INTENSITIES, Intensity, ORGANISATION_KINDS, ORGANISATION_SIZES, OrganisationKind, OrganisationSize, PERSON_TIERS, PersonTier, SchoolLevel } from '@crm/domain';
import { headerKey } from './header-matching';
import type { ImportRowCode } from './import-problem-codes';

/** A cell as a sheet holds it: CSV gives text, xlsx also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null;

/** A cell that cannot be read as its column's kind of value; the row report names it. */
export class CellError extends Error {
  constructor(
    readonly code: ImportRowCode,
    message: string,
    /** What the message names: the cell's text as `value`, the words accepted as `allowed`. */
    readonly params: Record<string, string | number | null> = {},
  ) {
    super(message);
  }
}

export function text(value: CellValue): string | undefined {
  if (value === null) return undefined;
  const result = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  return result === '' ? undefined : result;
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The day `YYYY-MM-DD` of these numbers, refused when no such day exists (31-02-2025). */
function day(year: number, month: number, dayOfMonth: number, raw: string): string {
  const time = Date.UTC(year, month - 1, dayOfMonth);
  const date = new Date(time);
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth || year < 1900 || year > 2200) {
    throw new CellError('invalid_date', `'${raw}' is not a date`, { value: raw });
  }
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day, `YYYY-MM-DD`, from the forms Dutch sheets hold: `15-01-2025`, `15/1/2025`, `15.01.2025`, ISO
 * `2025-01-15`, an Excel date cell, or an Excel serial number (45672 = 2025-01-15). Day first: a Dutch sheet never
 * writes the month first.
 */
export function parseDay(value: CellValue): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CellError('invalid_date', 'the cell holds no valid date', { value: null });
    return value.toISOString().slice(0, 10);
  }
  const raw = String(value).trim();
  if (raw === '') return undefined;
  if (typeof value === 'number' || /^\d{5}(\.\d+)?$/.test(raw)) {
    const serial = Number(raw);
    if (serial < 1 || serial > 150_000) throw new CellError('invalid_date', `'${raw}' is not a date`, { value: raw });
    return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
  }
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw);
  if (match) return day(Number(match[3]), Number(match[2]), Number(match[1]), raw);
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(raw);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]), raw);
  throw new CellError('invalid_date', `'${raw}' is not a date: write 15-01-2025 or 2025-01-15`, { value: raw });
}

/** Each closed vocabulary with the Dutch words sheets use for its values. */
function vocabulary<T extends string>(values: readonly T[], dutch: Record<string, T>, what: string, code: ImportRowCode) {
  const known = new Map<string, T>([...values.map((v) => [headerKey(v), v] as const), ...Object.entries(dutch).map(([k, v]) => [headerKey(k), v] as const)]);
  return (value: CellValue): T | undefined => {
    const raw = text(value);
    if (raw === undefined) return undefined;
    const found = known.get(headerKey(raw));
    if (!found) {
      const allowed = [...values, ...Object.keys(dutch)].join(', ');
      throw new CellError(code, `'${raw}' is not a ${what}: ${allowed}`, { value: raw, allowed: [...Object.keys(dutch), ...values].join(', ') });
    }
    return found;
  };
}

export const parseKind = vocabulary<OrganisationKind>(ORGANISATION_KINDS, {
  bedrijf: 'company',
  onderneming: 'company',
  gemeente: 'government',
  overheid: 'government',
  provincie: 'government',
  netwerk: 'network',
  anders: 'other',
  overig: 'other',
  onderwijsinstelling: 'school',
}, 'kind', 'invalid_kind');
export const parseSize = vocabulary<OrganisationSize>(ORGANISATION_SIZES, { klein: 'small', middel: 'medium', middelgroot: 'medium', groot: 'large' }, 'size', 'invalid_size');
export const parseIntensity = vocabulary<Intensity>(INTENSITIES, { stage: 'placement', stages: 'placement', afgestemd: 'aligned', uitwisseling: 'exchange', kennisuitwisseling: 'exchange', innovatie: 'innovation' }, 'intensity', 'invalid_intensity');
export const parseTier = vocabulary<PersonTier>(PERSON_TIERS, { strategisch: 'strategic', tactisch: 'tactical', operationeel: 'operational' }, 'tier', 'invalid_tier');
export const parseContactAssignment = vocabulary<ContactRole>(CONTACT_ROLES, { primair: 'primary', hoofdcontact: 'primary', reserve: 'backup', vervanger: 'backup' }, 'contact role', 'invalid_contact_role');

/** Words separated by `,` or `;`. */
export function parseList(value: CellValue): string[] {
  const raw = text(value);
  return raw === undefined ? [] : raw.split(/[;,]/).map((item) => item.trim()).filter(Boolean);
}

/** School levels as sheets write them: `mbo`, `VMBO, havo`, `vo` (vmbo+havo+vwo). */
export function parseLevels(value: CellValue): SchoolLevel[] {
  const items = parseList(value).map((item) => item.toLowerCase());
  try {
    return expandLevels(items);
  } catch {
    throw new CellError('invalid_level', `'${text(value)}' holds a level that is not one of po, vmbo, havo, vwo, mbo, hbo, wo (or vo)`, { value: text(value) ?? null });
  }
}

const STRATEGIC_ROLES = /directeur|directie|bestuurder|eigenaar|rector|ceo|voorzitter|wethouder|owner|director/i;
const TACTICAL_ROLES = /manager|teamleider|afdelingshoofd|hoofd|hr|coördinator opleidingen|leidinggevende|head|lead/i;

/** A person's tier when the sheet gives none: from their role's words, else operational (the most common contact). */
export function tierOfRole(role: string | undefined): PersonTier {
  if (role && STRATEGIC_ROLES.test(role)) return 'strategic';
  if (role && TACTICAL_ROLES.test(role)) return 'tactical';
  return 'operational';
}
