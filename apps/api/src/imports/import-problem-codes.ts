import { DOMAIN_ERROR_CODES, DomainErrorCode } from '@crm/domain';

/** The codes the import itself gives a row (a cell it cannot read, a school it cannot find, a row repeated). */
export const IMPORT_ROW_CODES = [
  'cell_error',
  'contact_name_missing',
  'duplicate_row',
  'email_of_other_organisation',
  'formula_without_value',
  'invalid_contact_role',
  'invalid_date',
  'invalid_email',
  'invalid_intensity',
  'invalid_kind',
  'invalid_level',
  'invalid_size',
  'invalid_tier',
  'merged_cells',
  'name_missing',
  'school_ambiguous',
  'school_not_found',
] as const;

export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

/** A row problem's code: the import's own, or the code of the domain rule that refused the row. */
export type ImportProblemCode = ImportRowCode | DomainErrorCode;

/** Every code a row of the import report can carry (the OpenAPI enum of ImportErrorResponse.code). */
export const IMPORT_PROBLEM_CODES: readonly ImportProblemCode[] = [...new Set<ImportProblemCode>([...IMPORT_ROW_CODES, ...DOMAIN_ERROR_CODES])].sort();
