import { IMPORT_COLUMNS, IMPORT_FIELDS, ImportField } from './import-columns';

/** How a header is compared: lower case, accents, spaces and punctuation dropped ("E-mail" = "email", "Thema's" = "themas"). */
export const headerKey = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const KNOWN = new Map<string, ImportField>(IMPORT_COLUMNS.flatMap((column) => [column.field, ...column.headers].map((h) => [headerKey(h), column.field] as const)));

export interface HeaderMatch {
  /** The field each sheet column holds, by 0-based column index. */
  fields: Map<number, ImportField>;
  /** Headers that matched no field: their columns are not read. */
  ignored: string[];
}

export class HeaderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

/**
 * Which field each column holds, from its header; `mapping` (sheet header → field name) overrides or adds to the
 * known headers. Refused: a mapping to an unknown field, two columns for one field, and a sheet without a name column.
 */
export function matchHeaders(headers: readonly string[], mapping: Readonly<Record<string, string>> = {}): HeaderMatch {
  const overrides = new Map<string, ImportField | null>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field !== '' && !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new HeaderError('unknown_field', `mapping '${header}' → '${field}': the fields are ${IMPORT_FIELDS.join(', ')} (or '' to ignore the column)`, header);
    }
    overrides.set(headerKey(header), field === '' ? null : (field as ImportField));
  }
  const fields = new Map<number, ImportField>();
  const ignored: string[] = [];
  const seen = new Map<ImportField, string>();
  headers.forEach((header, index) => {
    const key = headerKey(header);
    const field = overrides.has(key) ? overrides.get(key) : KNOWN.get(key);
    if (!field) {
      if (header.trim() !== '') ignored.push(header);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) throw new HeaderError('duplicate_column', `columns '${earlier}' and '${header}' both hold ${field}`, header);
    seen.set(field, header);
    fields.set(index, field);
  });
  if (!seen.has('name')) {
    throw new HeaderError('name_column_missing', `no column with the organisation's name: name one Naam or Name, or map it (mapping {"<header>": "name"}); headers found: ${headers.filter(Boolean).join(', ') || 'none'}`);
  }
  return { fields, ignored };
}
