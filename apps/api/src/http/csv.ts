const isRecord = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Flattens rows for CSV: nested objects become `a.b` columns, arrays are joined with `;`. A list of objects (the
 * backups of a side: [{ personId, name }]) becomes one column per field, `backups.personId` and `backups.name`, each
 * joined with `;` in the same order, so a spreadsheet can split them side by side.
 */
function flatten(value: unknown, prefix: string, into: Record<string, string>): void {
  if (value === null || value === undefined) {
    into[prefix] = '';
  } else if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    const items = value.map((item) => {
      const flat: Record<string, string> = {};
      flatten(item, '', flat);
      return flat;
    });
    const fields = [...new Set(items.flatMap((item) => Object.keys(item)))];
    for (const field of fields) into[`${prefix}.${field}`] = items.map((item) => item[field] ?? '').join(';');
  } else if (Array.isArray(value)) {
    into[prefix] = value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item))).join(';');
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix] = String(value);
  }
}

/** A cell a spreadsheet would run as a formula is prefixed with `'` (negative numbers stay numbers). */
function neutralise(cell: string): string {
  return /^[=+@\t\r]/.test(cell) || (cell.startsWith('-') && Number.isNaN(Number(cell))) ? `'${cell}` : cell;
}

const quote = (raw: string) => {
  const cell = neutralise(raw);
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
};

/**
 * A row's quoted cells by column. Kept per row object: list answers are shared between requests (FiguresCache), so
 * an export asked again flattens and quotes nothing twice. Rows are answers, never changed after they are made.
 */
const cellsByRow = new WeakMap<object, Record<string, string>>();

function cellsOf(row: object): Record<string, string> {
  let cells = cellsByRow.get(row);
  if (!cells) {
    const flat: Record<string, string> = {};
    flatten(row, '', flat);
    cells = {};
    for (const column of Object.keys(flat)) cells[column] = quote(flat[column]);
    cellsByRow.set(row, cells);
  }
  return cells;
}

/** RFC 4180 CSV with a header row; the columns are the union of the rows' fields in first-seen order. */
export function toCsv(rows: readonly object[]): string {
  const cells = rows.map(cellsOf);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of cells) for (const column of Object.keys(row)) if (!seen.has(column)) seen.add(column), columns.push(column);
  const lines = [columns.map(quote).join(',')];
  for (const row of cells) lines.push(columns.map((column) => row[column] ?? '').join(','));
  return `${lines.join('\r\n')}\r\n`;
}
