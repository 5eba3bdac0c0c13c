import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { column } from './export-column';
import { dutchDay, startOfDutchDay, wallClock } from '../http/dutch-time';
import { toXlsx, writeXlsx } from './xlsx';

const columns = [
  column('name', 'text', ''),
  column('openedAt', 'date', ''),
  column('healthScore', 'integer', ''),
  column('share', 'number', ''),
  column('orphaned', 'boolean', ''),
  column('levels', 'list', ''),
];

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('toXlsx', () => {
  it('writes typed cells: numbers as numbers, dates as Excel dates in Dutch time, booleans, lists as text', async () => {
    const sheet = await read(
      await toXlsx('partnerships', columns, [{ name: '=1+1', openedAt: '2025-01-14T23:30:00.000Z', healthScore: 71, share: 0.25, orphaned: true, levels: ['vmbo', 'havo'] }]),
    );
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('=1+1'); // a string cell, never a formula
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2025, 0, 15, 0, 30)));
    expect(row.getCell(2).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(row.getCell(3).value).toBe(71);
    expect(row.getCell(4).value).toBe(0.25);
    expect(row.getCell(5).value).toBe(true);
    expect(row.getCell(6).value).toBe('vmbo;havo');
  });

  it('streams: the first bytes are out before the last row is written, and the streamed file reads back whole', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rows = Array.from({ length: 6000 }, (_, i) => ({ name: `organisation ${i}`, healthScore: i }));
    let chunksWhenLastRowWritten = 0;
    const watched = [...columns, { ...column('last', 'text', ''), value: (row: object) => (row === rows[rows.length - 1] ? (chunksWhenLastRowWritten = chunks.length) : null) }];
    await writeXlsx(stream, 'partnerships', watched, rows);
    expect(chunksWhenLastRowWritten).toBeGreaterThan(0);
    const sheet = await read(Buffer.concat(chunks));
    expect(sheet.rowCount).toBe(6001);
    expect(sheet.getRow(6001).getCell(1).value).toBe('organisation 5999');
  });

  it('writes pages as they come, and stops reading them once the download is gone', async () => {
    let pagesRead = 0;
    async function* pages(count: number) {
      for (let page = 0; page < count; page++) {
        pagesRead++;
        yield Array.from({ length: 1_000 }, (_, i) => ({ name: `entry ${page}-${i}`, healthScore: i }));
      }
    }
    expect((await read(await toXlsx('audit', columns, pages(3)))).rowCount).toBe(3_001);

    pagesRead = 0;
    const gone = new PassThrough();
    gone.once('data', () => gone.destroy());
    await expect(writeXlsx(gone, 'audit', columns, pages(100))).rejects.toThrow(/download ended/);
    expect(pagesRead).toBeLessThan(100);
  });

  it('has a frozen header row, also without rows', async () => {
    const sheet = await read(await toXlsx('people', columns, []));
    expect(sheet.getRow(1).values).toEqual([undefined, 'name', 'openedAt', 'healthScore', 'share', 'orphaned', 'levels']);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('Dutch days and times', () => {
  it('shows an instant in Amsterdam time, winter and summer', () => {
    expect(wallClock(new Date('2025-01-14T23:30:00Z')).toISOString()).toBe('2025-01-15T00:30:00.000Z');
    expect(wallClock(new Date('2025-07-01T22:00:00Z')).toISOString()).toBe('2025-07-02T00:00:00.000Z');
    expect(dutchDay('2026-06-30T21:59:59.000Z')).toBe('2026-06-30');
    expect(dutchDay('2026-06-30T22:00:00.000Z')).toBe('2026-07-01');
  });

  it('begins a Dutch day at its midnight in Amsterdam', () => {
    expect(startOfDutchDay('2025-01-15')).toBe('2025-01-14T23:00:00.000Z');
    expect(startOfDutchDay('2025-07-01')).toBe('2025-06-30T22:00:00.000Z');
  });
});
