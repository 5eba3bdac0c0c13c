import { EXPORT_COLUMN_SETS } from './export-column-sets';

/** docs/exports.md: the declared column set of every export, written from the table itself. */
export function exportsMarkdown(): string {
  const lines = [
    '# Export columns',
    '',
    '<!-- Written by `npm run docs:sheets` from apps/api/src/exports/export-column-sets.ts; a test fails when it is stale. -->',
    '',
    'Every list and report answers as CSV (`?format=csv` or `Accept: text/csv`; RFC 4180, UTF-8 with a byte-order mark)',
    'and as an Excel workbook (`?format=xlsx` or `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`).',
    'Each export has the fixed set of columns below, in this order, whatever the data and the filters; the header row is',
    'there also when no row matches. The file is named after what it holds and the Dutch day of its `asOf`',
    '(`Content-Disposition: attachment; filename="partnerships-2026-06-30.csv"`), and `X-As-Of` carries the exact instant.',
    '',
    'Cells: `date` columns are ISO-8601 instants (UTC) in CSV and Excel dates in Dutch time (Europe/Amsterdam) in xlsx;',
    '`integer` and `number` are numbers in xlsx; `boolean` is `true`/`false`; `list` values are separated by `;`;',
    '`json` is the value as JSON text; an empty cell is a missing value. In CSV a text cell starting with `=`, `+`, `@`, a tab,',
    'a carriage return or a `-` that is not a number is prefixed with `\'` so a spreadsheet shows it instead of running it;',
    'xlsx text cells are never formulas and are written as they are.',
    '',
  ];
  for (const [route, { file, columns }] of Object.entries(EXPORT_COLUMN_SETS)) {
    lines.push(`## \`GET /api${route}\` → \`${file}-<date>.csv|xlsx\``, '', '| column | type | meaning |', '| --- | --- | --- |');
    for (const column of columns) lines.push(`| \`${column.header}\` | ${column.type} | ${column.description.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
