/**
 * One column of an export: its header (the dotted path of the field in the JSON answer), the type its cells carry
 * in a spreadsheet, and what it means. The column sets themselves live in ./export-column-sets.ts.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'boolean' | 'list' | 'json';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  description: string;
  /** The cell's value in a row of the JSON answer: null/undefined for an empty cell. */
  value(row: object): unknown;
}

/** The value at a dotted path; through a list of objects, the list of each one's value (`backups.name`). */
function valueAt(value: unknown, keys: readonly string[], from: number): unknown {
  for (let i = from; i < keys.length; i++) {
    if (Array.isArray(value)) return value.map((item) => valueAt(item, keys, i));
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[keys[i]];
  }
  return value;
}

function pathOf(path: string): (row: object) => unknown {
  const keys = path.split('.');
  return (row) => valueAt(row, keys, 0);
}

/** A column whose header is the field's dotted path in the JSON answer (`school.name`). */
export const column = (path: string, type: ColumnType, description: string): ExportColumn => ({ header: path, type, description, value: pathOf(path) });

/** A set's columns under a prefix (`school.` and `partner.` of a two-sided report). */
export const prefixed = (prefix: string, columns: readonly ExportColumn[]): ExportColumn[] =>
  columns.map((c) => column(`${prefix}.${c.header}`, c.type, c.description));
