import { IMPORT_COLUMNS } from './import-columns';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './sheet-errors';

/** docs/imports.md: the columns an import reads, written from the table itself. */
export function importsMarkdown(): string {
  const lines = [
    '# Importing a relations sheet',
    '',
    '<!-- Written by `npm run docs:sheets` from apps/api/src/imports/import-columns.ts; a test fails when it is stale. -->',
    '',
    '`POST /api/imports?dryRun=true|false` (role `admin`, who registers organisations), multipart/form-data with the sheet',
    'in the field `file` (.xlsx or .csv) and optionally `mapping`, a JSON object from your header to a field below',
    '(`{"Bedrijfsnaam": "name", "Opmerkingen": ""}`; an empty field ignores the column). The CLI does the same:',
    '`npm run cli -- import-sheet <file> [--commit] [--map "Bedrijfsnaam=name"]`.',
    '',
    'One row is one line of the list: an organisation, optionally one of its contact persons, and optionally a partnership',
    'of that organisation with a school (the person then becomes its contact on the partner side: primary when it has',
    'none yet, else backup). Rows are matched before anything is created: organisations by KvK number, else BRIN code,',
    'else name and region; people by e-mail, else by name within their organisation; partnerships by school and partner',
    '(a running one). Every row goes through the same domain rules as the API\'s commands.',
    '',
    '- **Dry run** (the default): the report says per row `created` (something new), `matched` (all there already) or',
    '  `refused`, with each refusal\'s row, column, code and message. Nothing is written.',
    '- **Commit** (`dryRun=false`): every row in one append, or, when any row is refused, nothing (422 `import_refused`',
    '  with the report). Importing the same sheet again writes nothing new (it all matches).',
    `- **Limits**: at most ${MAX_IMPORT_BYTES / 2 ** 20} MiB and ${MAX_IMPORT_ROWS.toLocaleString('en')} rows (413 \`file_too_large\`, \`too_many_rows\`): split a larger list.`,
    '- **Refused sheets** (4xx, nothing written): not a spreadsheet (415 `not_a_spreadsheet`), an old .xls (415),',
    '  an empty file or a header without rows (422 `empty_sheet`), merged header cells (422 `merged_cells`), no name',
    '  column (422 `name_column_missing`), a CSV quote never closed (422 `malformed_csv`).',
    '- **Refused rows**: merged cells (`merged_cells`), a formula without a stored value (`formula_without_value`; formulas',
    '  are read as the value Excel stored, never evaluated), an error value (`cell_error`), a row repeating an earlier one',
    '  (`duplicate_row`), dates that are no dates (`invalid_date`), unknown kinds or levels, and every domain rule',
    '  (`invalid_kvk`, `kvk_taken`, `brin_only_for_schools`, `school_not_found`, …).',
    '- **Dates**: `15-01-2025`, `15/1/2025`, `2025-01-15`, Excel date cells and Excel serial numbers (45672); a day',
    '  begins at midnight in Europe/Amsterdam. **CSV**: `,` `;` or tab separated, UTF-8 (with or without BOM) or Windows-1252.',
    '- **Templates**: `GET /api/imports/template?format=xlsx|csv`, every column with an example school and company.',
    '',
    '| field | headers (any case, accents and punctuation ignored) | meaning | example |',
    '| --- | --- | --- | --- |',
  ];
  for (const column of IMPORT_COLUMNS) {
    lines.push(`| \`${column.field}\` | ${column.headers.join(', ')} | ${column.description} | ${column.example || '–'} |`);
  }
  lines.push('');
  return lines.join('\n');
}
