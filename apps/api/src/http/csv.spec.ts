import { column } from '../exports/export-column';
import { toCsv, UTF8_BOM } from './csv';

const columns = [column('id', 'text', ''), column('school.name', 'text', ''), column('school.region', 'text', ''), column('levels', 'list', ''), column('score', 'integer', '')];

describe('toCsv', () => {
  it('writes the declared columns in their order, whatever fields the rows have: nested fields by path, lists joined by ;', () => {
    const csv = toCsv(columns, [
      { id: 'a', school: { name: 'Clusius', region: null }, levels: ['vmbo', 'havo'], extra: 'ignored' },
      { score: 71, id: 'b', levels: [] },
    ]);
    expect(csv).toBe(`${UTF8_BOM}id,school.name,school.region,levels,score\r\na,Clusius,,vmbo;havo,\r\nb,,,,71\r\n`);
  });

  it('writes the header row also without rows', () => {
    expect(toCsv(columns, [])).toBe(`${UTF8_BOM}id,school.name,school.region,levels,score\r\n`);
  });

  it('starts with a UTF-8 byte-order mark so Excel reads accents', () => {
    const bytes = Buffer.from(toCsv([column('name', 'text', '')], [{ name: 'Energiecoöperatie' }]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Energiecoöperatie');
  });

  it('gives a list of objects one column per field, joined in the same order', () => {
    const cols = [column('id', 'text', ''), column('backups.personId', 'list', ''), column('backups.name', 'list', '')];
    const csv = toCsv(cols, [
      { id: 'a', backups: [{ personId: 'p1', name: 'Anna' }, { personId: 'p2', name: 'Bram' }] },
      { id: 'b', backups: [] },
    ]);
    expect(csv).toBe(`${UTF8_BOM}id,backups.personId,backups.name\r\na,p1;p2,Anna;Bram\r\nb,,\r\n`);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as a formula', () => {
    const cols = ['name', 'note', 'formula', 'negative', 'dash'].map((h) => column(h, 'text', ''));
    const csv = toCsv(cols, [{ name: 'Smit, "Jan"', note: 'two\nlines', formula: '=HYPERLINK("x")', negative: -3, dash: '-x' }]);
    expect(csv.split('\r\n')[1]).toBe(`"Smit, ""Jan""","two\nlines","'=HYPERLINK(""x"")",-3,'-x`);
  });

  it('gives the same text when the same rows are exported again, alone or among others', () => {
    const shared = { id: 'a', school: { name: 'Clusius' } };
    const first = toCsv(columns, [shared]);
    expect(toCsv(columns, [shared])).toBe(first);
    expect(toCsv(columns, [{ id: 'z' }, shared]).split('\r\n')[2]).toBe(first.split('\r\n')[1]);
  });
});
