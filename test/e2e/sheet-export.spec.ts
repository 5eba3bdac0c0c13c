import ExcelJS from 'exceljs';
import { EXPORT_COLUMN_SETS } from '../../apps/api/src/exports/export-column-sets';
import { binaryBody, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** SPEC §8: exports a saved Excel sheet or a BI import can rely on, whatever the data and filters. */

let t: TestApp;
let ids: Awaited<ReturnType<typeof region>>;
let head: number;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await startTestApp();
  ids = await region(t.http);
  await t.http.post('/api/organisations').send({ name: 'Energiecoöperatie Noord', kind: 'other', region: 'Noord-Holland' }).expect(201);
  head = await t.store.headPosition();
});
afterAll(() => t.close());

const get = (path: string, query: Record<string, string>, accept?: string) => {
  // Admin: these tests are about the files, over every school's records (a manager sees only their school's).
  const request = t.as('admin').get(`/api${path}`).query(query).set('X-Min-Position', String(head));
  return (accept ? request.set('Accept', accept) : request).buffer(true).parse(binaryBody);
};
const headerOf = (body: Buffer) => body.toString('utf8').split('\r\n')[0];
const headersOf = (route: keyof typeof EXPORT_COLUMN_SETS) => EXPORT_COLUMN_SETS[route].columns.map((c) => c.header).join(',');

describe('CSV exports', () => {
  it.each([
    ['/organisations', [{}, { kind: 'school' }, { kind: 'company' }, { text: 'bestaat-niet' }]],
    ['/people', [{}, { left: 'true' }, { left: 'false' }]],
    ['/partnerships', [{}, { text: 'nonexistent' }, { stage: 'ended' }]],
    ['/reports/key-person-risk', [{}, { risk: 'low' }, { risk: 'high' }]],
    ['/reports/continuity', [{}, { orphaned: 'true' }]],
    ['/reports/levels', [{}, { region: 'nergens' }]],
  ] as const)('%s has one declared header row, with a BOM, whatever the filter (also with no rows)', async (route, filters) => {
    for (const filter of filters) {
      const response = await get(route, { ...filter, format: 'csv' });
      expect(response.status).toBe(200);
      const body = response.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(headerOf(body)).toBe(`\uFEFF${headersOf(route)}`);
    }
  });

  it('names the file after what it holds and the Dutch day of asOf, and tells the instant', async () => {
    const response = await get('/partnerships', { format: 'csv', asOf: '2026-06-30' });
    expect(response.headers['content-disposition']).toBe('attachment; filename="partnerships-2026-06-30.csv"');
    expect(response.headers['x-as-of']).toBe('2026-06-30T21:59:59.999Z'); // a date as asOf is the end of that Dutch day
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const late = await get('/organisations', { format: 'csv', asOf: '2026-06-30T22:30:00Z' });
    expect(late.headers['content-disposition']).toBe('attachment; filename="organisations-2026-07-01.csv"');
  });

  it('keeps accents readable', async () => {
    const response = await get('/organisations', {}, 'text/csv');
    expect((response.body as Buffer).toString('utf8')).toContain('Energiecoöperatie Noord');
  });
});

describe('xlsx exports', () => {
  async function sheetOf(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  }

  it('answers ?format=xlsx with typed cells under a frozen header', async () => {
    const response = await get('/partnerships', { format: 'xlsx' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="partnerships-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheet = await sheetOf(response.body);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.join(',')).toBe(headersOf('/partnerships'));
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1);
    expect(cell('partnershipId').value).toBe(ids.partnershipId);
    expect(cell('openedAt').type).toBe(ExcelJS.ValueType.Date);
    expect(cell('healthScore').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('levels').value).toBe('vmbo');
  });

  it('answers Accept: the xlsx media type, with the header row also when nothing matches', async () => {
    const response = await get('/reports/continuity', { school: ids.companyId }, XLSX);
    expect(response.headers['content-type']).toBe(XLSX);
    const sheet = await sheetOf(response.body);
    expect(sheet.rowCount).toBe(1);
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(headersOf('/reports/continuity'));
  });

  it('writes numbers as numbers in reports', async () => {
    const sheet = await sheetOf((await get('/reports/levels', { format: 'xlsx' })).body);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const vmbo = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === 'vmbo')!;
    expect(vmbo.getCell(headers.indexOf('partnerships') + 1).value).toBe(1);
  });
});
