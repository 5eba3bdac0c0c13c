import { ruleViolation } from '../shared/domain-error';

/**
 * Identifiers users already have (SPEC §1 R2): an organisation's KvK number (Chamber of Commerce, 8 digits) and a
 * school's BRIN code (4 characters, e.g. `25LH`). Each is unique among organisations when given.
 */
export const IDENTIFIER_SCHEMES = ['kvk', 'brin'] as const;
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

export const KVK_PATTERN = /^\d{8}$/;
export const BRIN_PATTERN = /^[0-9A-Z]{4}$/;

/** A KvK number as stored: digits only (spaces and dots people type are dropped); refused unless 8 digits. */
export function normaliseKvk(input: string): string {
  const kvk = input.replace(/[\s.]/g, '');
  if (!KVK_PATTERN.test(kvk)) throw ruleViolation('invalid_kvk', `kvk must be 8 digits (got '${input}')`, { field: 'kvk' });
  return kvk;
}

/** A BRIN code as stored: upper case, 4 letters or digits. */
export function normaliseBrin(input: string): string {
  const brin = input.trim().toUpperCase();
  if (!BRIN_PATTERN.test(brin)) throw ruleViolation('invalid_brin', `brin must be 4 letters or digits (got '${input}')`, { field: 'brin' });
  return brin;
}
