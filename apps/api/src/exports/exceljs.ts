import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it brings some 150 modules and about 400 ms of CPU, which every start of the API (and
 * every end-to-end test file) would otherwise pay though only sheet exports, imports and templates need it.
 */
export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}
