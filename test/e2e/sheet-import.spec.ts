import ExcelJS from 'exceljs';
import { binaryBody } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** SPEC §8: a school's relations list, uploaded as CSV or xlsx, dry run first, then committed all or nothing. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HEADER = 'Naam;Soort;KvK;BRIN;Regio;Niveau;School;Intensiteit;Sinds;Contactpersoon;Functie;E-mail;Telefoon';
const ROWS = [
  'Nova College;school;;25LH;Noord-West;mbo;;;;Fatima el Amrani;stagecoördinator;f.elamrani@nova.example;',
  'Tata Steel;bedrijf;34000001;;Noord-West;;Nova College;stage;15-01-2025;Sanne de Vries;HR-adviseur;sanne@tata.example;06 12345678',
  'Tata Steel;bedrijf;34000001;;Noord-West;;Nova College;stage;15-01-2025;Piet Jansen;praktijkopleider;piet@tata.example;',
  'Energiecoöperatie Noord;anders;;;Noord-West;mbo;25LH;afgestemd;45672;Anna Bakker;directeur;;',
];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

const upload = (file: Buffer, name: string, query: Record<string, string> = {}, mapping?: object) => {
  const req = t.http.post('/api/imports').query(query).attach('file', file, name);
  return mapping ? req.field('mapping', JSON.stringify(mapping)) : req;
};

describe('sheet import', () => {
  it('a dry run reports per row what would be created or matched, and writes nothing', async () => {
    const before = await t.store.headPosition();
    const response = await upload(csv(ROWS), 'relaties.csv');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ dryRun: true, committed: false, position: null, errors: [] });
    expect(response.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created', 'created', 'created']);
    expect(response.body.rows[2]).toMatchObject({ organisation: { outcome: 'matched' }, person: { outcome: 'created' }, partnership: { outcome: 'matched' }, contact: { role: 'backup', outcome: 'created' } });
    expect(response.body.summary).toMatchObject({ rows: 4, organisations: { created: 3, matched: 1 }, people: { created: 4 }, partnerships: { created: 2 } });
    expect(await t.store.headPosition()).toBe(before);
  });

  it('commits every row, and the same sheet again writes nothing new', async () => {
    const first = await upload(csv(ROWS), 'relaties.csv', { dryRun: 'false' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ committed: true, position: expect.any(Number) });
    const head = await t.store.headPosition();
    expect(first.body.position).toBe(head);

    const companies = await t.http.get('/api/organisations').query({ kvk: '34000001' }).set('X-Min-Position', String(head));
    expect(companies.body.items).toEqual([expect.objectContaining({ name: 'Tata Steel', kvk: '34000001', kind: 'company' })]);
    const partnerships = await t.http.get('/api/partnerships').set('X-Min-Position', String(head));
    const tata = partnerships.body.items.find((p: { partner: { name: string } }) => p.partner.name === 'Tata Steel');
    expect(tata).toMatchObject({ school: { name: 'Nova College' }, levels: ['mbo'], intensity: 'placement', openedAt: '2025-01-14T23:00:00.000Z' });
    const energy = partnerships.body.items.find((p: { partner: { name: string } }) => p.partner.name === 'Energiecoöperatie Noord');
    expect(energy).toMatchObject({ intensity: 'aligned', openedAt: '2025-01-14T23:00:00.000Z' }); // Excel serial 45672

    const again = await upload(csv(ROWS), 'relaties.csv', { dryRun: 'false' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ committed: true, position: null, summary: { matched: 4, created: 0 } });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('refuses a commit with any bad row and writes none of the rows, naming row, column, code and message', async () => {
    const before = await t.store.headPosition();
    const rows = [
      'Nieuw Bedrijf BV;bedrijf;1234;;Noord-West;;;;;;;;',
      'Ander Bedrijf BV;bedrijf;;;Noord-West;;Nova College;;31-02-2025;Kees;;kees@ander.example;',
      'Vierde Bedrijf BV;bedrijf;;;Noord-West;;Onbekende School;;;;;;',
      'Derde Bedrijf BV;bedrijf;;;Noord-West;;;;;;;;',
      'Derde Bedrijf BV;bedrijf;;;Noord-West;;;;;;;;',
    ];
    const response = await upload(csv(rows), 'fouten.csv', { dryRun: 'false' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ statusCode: 422, code: 'import_refused' });
    expect(response.body.report.errors).toEqual([
      { row: 2, column: 'KvK', code: 'invalid_kvk', message: expect.stringContaining('8 digits'), params: { field: 'kvk' } },
      { row: 3, column: 'Sinds', code: 'invalid_date', message: expect.any(String), params: { value: '31-02-2025' } },
      { row: 4, column: 'School', code: 'school_not_found', message: expect.stringContaining('Onbekende School'), params: { name: 'Onbekende School' } },
      { row: 6, column: null, code: 'duplicate_row', message: 'row 6 repeats row 5', params: { first: 5 } },
    ]);
    expect(response.body.report.rows[3].outcome).toBe('created');
    expect(await t.store.headPosition()).toBe(before);
  });

  it('reads an xlsx workbook: typed cells, formulas by their stored value, merged cells refused per row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Relaties');
    sheet.addRow(['Organisatie', 'Soort', 'KvK', 'Regio', 'School', 'Startdatum', 'Contactpersoon', 'E-mail']);
    sheet.addRow(['Heijmans', 'company', 34000002, 'Zuid-Oost', '25LH', new Date(Date.UTC(2024, 8, 1)), 'Joost Smit', 'joost@heijmans.example']);
    sheet.addRow([{ formula: 'CONCAT("Bouw","Groep")', result: 'BouwGroep' }, 'company', { formula: 'A1*0', result: 34000003 }, 'Zuid-Oost', '', '', '', '']);
    sheet.addRow(['Merged BV', 'company', '', 'Zuid-Oost', '', '', 'Iemand', '']);
    sheet.addRow(['', 'company', '', 'Zuid-Oost', '', '', 'Ander', '']);
    sheet.mergeCells('A4:A5');
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(file, 'relaties.xlsx');
    expect(response.status).toBe(200);
    expect(response.body.rows[0]).toMatchObject({ outcome: 'created', organisation: { name: 'Heijmans' }, partnership: { outcome: 'created' } });
    expect(response.body.rows[1]).toMatchObject({ outcome: 'created', organisation: { name: 'BouwGroep', outcome: 'created' } });
    expect(response.body.errors).toEqual([
      { row: 4, column: 'Organisatie', code: 'merged_cells', message: expect.stringContaining('A4:A5'), params: { range: 'A4:A5' } },
      { row: 5, column: 'Organisatie', code: 'merged_cells', message: expect.stringContaining('A4:A5'), params: { range: 'A4:A5' } },
    ]);
  });

  it('matches a person by name only when no e-mail says it is someone else', async () => {
    const rows = [
      'Twee Jannen BV;bedrijf;;;Oost;;;;;Jan de Jong;monteur;jan@twee.example;',
      'Twee Jannen BV;bedrijf;;;Oost;;;;;Jan de Jong;planner;jan.dejong@twee.example;',
      'Twee Jannen BV;bedrijf;;;Oost;;;;;Jan de Jong;;;',
    ];
    const response = await upload(csv(rows), 'jannen.csv');
    expect(response.body.rows.map((r: { person: { outcome: string } }) => r.person.outcome)).toEqual(['created', 'created', 'matched']);
  });

  it('takes a mapping for headers it does not know', async () => {
    const file = Buffer.from('Bedrijfsnaam,Plaats\r\nVan Oord,Noord-West\r\n', 'utf8');
    const unmapped = await upload(file, 'eigen.csv');
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.code).toBe('name_column_missing');
    const mapped = await upload(file, 'eigen.csv', {}, { Bedrijfsnaam: 'name', Plaats: 'region' });
    expect(mapped.status).toBe(200);
    expect(mapped.body.rows[0]).toMatchObject({ outcome: 'created', organisation: { name: 'Van Oord' } });
  });

  it.each([
    ['not a spreadsheet', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), 'x.bin', 415, 'not_a_spreadsheet'],
    ['a zip that is no workbook', Buffer.from('PK\u0003\u0004garbage', 'latin1'), 'x.xlsx', 415, 'not_a_spreadsheet'],
    ['an empty file', Buffer.alloc(0), 'x.csv', 422, 'empty_sheet'],
    ['a header without rows', Buffer.from('Naam;Soort\r\n'), 'x.csv', 422, 'empty_sheet'],
    ['an unclosed quote', Buffer.from('Naam\r\n"Open'), 'x.csv', 422, 'malformed_csv'],
  ])('refuses %s with a 4xx and writes nothing', async (_what, file, name, status, code) => {
    const before = await t.store.headPosition();
    const response = await upload(file, name, { dryRun: 'false' });
    expect(response.body).toMatchObject({ statusCode: status, code });
    expect(response.status).toBe(status);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('refuses a sheet over the row limit with 413', async () => {
    const rows = Array.from({ length: 50_001 }, (_, i) => `Bedrijf ${i}`);
    const response = await upload(Buffer.from(`Naam\n${rows.join('\n')}\n`), 'groot.csv');
    expect(response.body).toMatchObject({ statusCode: 413, code: 'too_many_rows' });
  });

  it('refuses a file over the size limit with 413', async () => {
    const line = `${'Bedrijf met een lange naam '.repeat(40)}\n`;
    const file = Buffer.from(`Naam\n${line.repeat(Math.ceil((21 * 2 ** 20) / line.length))}`);
    const response = await upload(file, 'te-groot.csv');
    expect(response.body).toMatchObject({ statusCode: 413, code: 'file_too_large' });
  });

  it('refuses an upload that is not multipart with 415, and only admins may import', async () => {
    expect((await t.http.post('/api/imports').send({ file: 'x' })).body).toMatchObject({ statusCode: 415 });
    expect((await t.as('connector').post('/api/imports').attach('file', csv(ROWS), 'r.csv')).status).toBe(403);
  });

  it('still refuses a form on every other route', async () => {
    const response = await t.http.post('/api/organisations').field('name', 'X').field('kind', 'company');
    expect(response.body).toMatchObject({ statusCode: 415, code: 'unsupported_media_type' });
  });

  it('serves templates that import as they are', async () => {
    for (const format of ['xlsx', 'csv']) {
      const template = await t.as('connector').get('/api/imports/template').query({ format }).buffer(true).parse(binaryBody);
      expect(template.status).toBe(200);
      expect(template.headers['content-disposition']).toBe(`attachment; filename="import-template.${format}"`);
      const dryRun = await upload(template.body as Buffer, `template.${format}`);
      expect(dryRun.status).toBe(200);
      expect(dryRun.body.errors).toEqual([]);
      // The example school and company were imported above: matched now, by BRIN and KvK.
      expect(dryRun.body.summary).toMatchObject({ rows: 2, refused: 0, organisations: { matched: 2 }, partnerships: { matched: 1 } });
    }
  });
});
