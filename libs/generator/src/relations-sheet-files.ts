import type ExcelJS from 'exceljs';
import { RELATIONS_HEADERS, RelationsRow } from './relations-sheet';

const dutchDate = (date: Date) => `${String(date.getUTCDate()).padStart(2, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${date.getUTCFullYear()}`;

const csvCell = (value: string) => (/[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** As Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)": `;` between cells, dates as 15-01-2025; UTF-8 with a BOM. */
export function relationsCsv(rows: readonly RelationsRow[]): Buffer {
  const lines = [RELATIONS_HEADERS.join(';')];
  for (const row of rows) lines.push(RELATIONS_HEADERS.map((header) => csvCell(header === 'Sinds' ? (row.Sinds ? dutchDate(row.Sinds) : '') : String(row[header]))).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** As a stagebureau's workbook holds it: KvK numbers as numbers, start dates as Excel dates, a frozen header row. */
export async function relationsXlsx(rows: readonly RelationsRow[]): Promise<Buffer> {
  // Required here, not at the top: the API loads this library for its demo region, and exceljs costs every start
  // about 350 ms otherwise (as apps/api/src/exports/exceljs.ts says for the API's own use).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const workbook = new Workbook();
  workbook.creator = 'Stagebureau';
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  const sheet = workbook.addWorksheet('Relaties', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RELATIONS_HEADERS.map((header) => ({ header, key: header, width: header === 'Naam' || header === 'School' ? 32 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow({ ...row, KvK: row.KvK ? Number(row.KvK) : '', Sinds: row.Sinds ?? '' });
  sheet.getColumn('Sinds').numFmt = 'dd-mm-yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
