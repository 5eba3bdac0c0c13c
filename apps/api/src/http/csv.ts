import type { ExportColumn } from '../exports/export-column';
import { cellText } from '../exports/cell-values';

/** Excel reads a file as UTF-8 only when it starts with a byte-order mark ("Energiecoöperatie" garbles otherwise). */
export const UTF8_BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula is prefixed with `'` (negative numbers stay numbers). */
function neutralise(cell: string): string {
  return /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && Number.isNaN(Number(cell))) ? `'${cell}` : cell;
}

export const quote = (raw: string) => {
  const cell = neutralise(raw);
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
};

/**
 * A row's line per column set. Kept per row object: list answers are shared between requests (FiguresCache), so an
 * export asked again quotes nothing twice. Rows are answers, never changed after they are made.
 */
const linesByColumns = new WeakMap<readonly ExportColumn[], WeakMap<object, string>>();

function lineOf(columns: readonly ExportColumn[], row: object): string {
  let lines = linesByColumns.get(columns);
  if (!lines) linesByColumns.set(columns, (lines = new WeakMap()));
  let line = lines.get(row);
  if (line === undefined) {
    line = columns.map((column) => quote(cellText(column.value(row)))).join(',');
    lines.set(row, line);
  }
  return line;
}

const headerOf = (columns: readonly ExportColumn[]) => columns.map((column) => quote(column.header)).join(',');

/** RFC 4180 CSV in UTF-8 with a BOM: the header row of the declared columns (also without rows), then one line per row. */
export function toCsv(columns: readonly ExportColumn[], rows: readonly object[]): string {
  const lines = [headerOf(columns)];
  for (const row of rows) lines.push(lineOf(columns, row));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** The same file as toCsv, written as its rows' pages come (an export too long to hold whole: the audit trail). */
export async function* csvChunks(columns: readonly ExportColumn[], pages: AsyncIterable<readonly object[]>): AsyncGenerator<string> {
  yield `${UTF8_BOM}${headerOf(columns)}\r\n`;
  for await (const rows of pages) if (rows.length > 0) yield `${rows.map((row) => lineOf(columns, row)).join('\r\n')}\r\n`;
}
