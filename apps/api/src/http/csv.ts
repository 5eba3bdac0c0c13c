/** Flattens rows for CSV: nested objects become `a.b` columns, arrays are joined with `;`. */
function flatten(value: unknown, prefix: string, into: Record<string, string>): void {
  if (value === null || value === undefined) {
    into[prefix] = '';
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

/** RFC 4180 CSV with a header row; the columns are the union of the rows' fields in first-seen order. */
export function toCsv(rows: readonly object[]): string {
  const flat = rows.map((row) => {
    const into: Record<string, string> = {};
    flatten(row, '', into);
    return into;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of flat) for (const column of Object.keys(row)) if (!seen.has(column)) seen.add(column), columns.push(column);
  const lines = [columns.map(quote).join(',')];
  for (const row of flat) lines.push(columns.map((column) => quote(row[column] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
