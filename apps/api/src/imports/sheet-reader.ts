import type ExcelJS from 'exceljs';
import { excelJs } from '../exports/exceljs';
import { CellValue } from './cell-parsing';
import { decodeCsv, parseCsv } from './csv-reader';
import type { ImportRowCode } from './import-problem-codes';
import { MAX_IMPORT_ROWS, SheetError } from './sheet-errors';

/** A cell the reader could not take as a value (a formula without a stored result, an error value, part of a merge). */
export interface CellProblem {
  columnIndex: number;
  code: ImportRowCode;
  message: string;
  /** The cell or range it is about (`cell`, `range`) and, for an error value, the `error`. */
  params: Record<string, string>;
}

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: CellValue[];
  problems: CellProblem[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
const isOldExcel = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32BE(0) === 0xd0cf11e0;

/** A CSV or xlsx file as a header row and data rows; whole-sheet problems are SheetErrors (4xx). */
export async function readSheet(bytes: Buffer, maxRows = MAX_IMPORT_ROWS): Promise<Sheet> {
  if (bytes.length === 0) throw new SheetError(422, 'empty_sheet', 'the file is empty');
  if (isOldExcel(bytes)) throw new SheetError(415, 'unsupported_spreadsheet', 'this is an old Excel file (.xls): save it as .xlsx or .csv');
  return isZip(bytes) ? readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
}

function withHeader(format: Sheet['format'], records: { row: number; cells: CellValue[]; problems: CellProblem[] }[]): Sheet {
  const [header, ...rows] = records;
  if (!header) throw new SheetError(422, 'empty_sheet', 'the sheet has no header row');
  const headers = header.cells.map((cell) => (cell === null ? '' : String(cell).trim()));
  if (rows.length === 0) throw new SheetError(422, 'empty_sheet', 'the sheet has a header row but no rows under it');
  return { format, headers, rows };
}

function readCsv(bytes: Buffer, maxRows: number): Sheet {
  const records = parseCsv(decodeCsv(bytes), maxRows + 1);
  return withHeader(
    'csv',
    records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => (cell.trim() === '' ? null : cell)), problems: [] })),
  );
}

/** A cell's value: a formula by its cached result (never evaluated), rich text as its text, a hyperlink as its text. */
function xlsxCell(cell: ExcelJS.Cell, columnIndex: number, problems: CellProblem[]): CellValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
      problems.push({ columnIndex, code: 'formula_without_value', message: `${cell.address} holds a formula without a stored value: open and save the file in Excel, or paste the values`, params: { cell: cell.address } });
      return null;
    }
    return result as CellValue;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  if ('error' in value) {
    problems.push({ columnIndex, code: 'cell_error', message: `${cell.address} holds the error ${value.error}`, params: { cell: cell.address, error: String(value.error) } });
    return null;
  }
  return String(value);
}

async function readXlsx(bytes: Buffer, maxRows: number): Promise<Sheet> {
  const workbook = new (excelJs().Workbook)();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError(415, 'not_a_spreadsheet', 'the file is a zip archive but not an xlsx workbook');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new SheetError(422, 'empty_sheet', 'the workbook has no sheet with data');
  if (sheet.actualRowCount > maxRows + 1) throw new SheetError(413, 'too_many_rows', `the sheet has more than ${maxRows} rows; split it`);
  const merged = mergedRows(sheet);
  if (merged.get(1)) throw new SheetError(422, 'merged_cells', `the header row has merged cells (${merged.get(1)!.join(', ')}): unmerge them, one header per column`);
  const width = sheet.columnCount;
  const records: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const problems: CellProblem[] = [];
    const cells: CellValue[] = [];
    for (let column = 1; column <= width; column++) {
      // findCell, not getCell: getCell makes a cell for every empty one of the sheet's columns (garbage, in bulk).
      const cell = row.findCell(column);
      cells.push(cell ? xlsxCell(cell, column - 1, problems) : null);
    }
    for (const range of merged.get(rowNumber) ?? []) {
      problems.push({ columnIndex: columnIndexOf(range), code: 'merged_cells', message: `${range} is merged: unmerge it and fill in every row`, params: { range } });
    }
    if (cells.some((cell) => cell !== null && cell !== '') || problems.length > 0) records.push({ row: rowNumber, cells, problems });
  });
  return withHeader('xlsx', records);
}

/** Merged ranges (`A2:A4`) by every row they span. */
function mergedRows(sheet: ExcelJS.Worksheet): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  const merges = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const match = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
    if (!match) continue;
    for (let row = Number(match[1]); row <= Number(match[2]); row++) byRow.set(row, [...(byRow.get(row) ?? []), range]);
  }
  return byRow;
}

function columnIndexOf(range: string): number {
  const letters = /^[A-Z]+/.exec(range)![0];
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}
