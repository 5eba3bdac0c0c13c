import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import type { ExportColumn } from './export-column';
import { type ExportRows, pagesOf } from './export-rows';
import { cellValue } from './cell-values';
import { excelJs } from './exceljs';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMATS: Partial<Record<ExportColumn['type'], string>> = {
  date: 'dd-mm-yyyy hh:mm',
  integer: '0',
};

/** Rows written between turns of the event loop, so the zipped sheet flows out while the rest is written. */
const ROWS_PER_TURN = 500;

/**
 * One worksheet: the declared columns as a bold, frozen header row (also without rows), then one typed row per answer
 * row. Text stays text: an xlsx string cell is never run as a formula, so it is written as it is. Written with
 * exceljs's streaming writer, row by row, into `stream` as it is zipped: the file is never held whole. Resolves when
 * the file is written (the stream ended); rejects, with the stream destroyed, when writing fails.
 */
export async function writeXlsx(stream: Writable, sheetName: string, columns: readonly ExportColumn[], rows: ExportRows): Promise<void> {
  try {
    const workbook = new (excelJs().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Partnership CRM';
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    // One style object per column, given to each of its cells: exceljs renders a style it has not seen (by object) to
    // XML to find its id, which for a fresh copy per cell was a third of the time of writing the file.
    const styles = columns.map((column) => (NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {}));
    sheet.columns = columns.map((column, i) => ({
      header: column.header,
      key: column.header,
      width: Math.min(40, Math.max(12, column.header.length + 2)),
      style: styles[i],
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let written = 0;
    for await (const page of pagesOf(rows)) {
      for (const answer of page) {
        const row = sheet.addRow(columns.map((column) => cellValue(column, column.value(answer))));
        row.eachCell((cell, columnNumber) => {
          cell.style = styles[columnNumber - 1];
        });
        row.commit();
        if (++written % ROWS_PER_TURN === 0) await nextRows(stream);
      }
    }
    sheet.commit();
    await workbook.commit();
  } catch (error) {
    stream.destroy(error as Error);
    throw error;
  }
}

/**
 * Between batches of rows: lets the event loop run, waits while the reader is behind (the file would pile up in
 * memory otherwise), and stops the writing once the download is gone (no more pages read for nothing).
 */
async function nextRows(stream: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (!stream.destroyed && stream.writableNeedDrain) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
  if (stream.destroyed) throw new Error('the download ended before the file was written');
}

/** The workbook of writeXlsx as one buffer (tests, small files). */
export async function toXlsx(sheetName: string, columns: readonly ExportColumn[], rows: ExportRows): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(stream, sheetName, columns, rows);
  return Buffer.concat(chunks);
}
