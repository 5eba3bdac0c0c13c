import { toCsv } from './csv';

describe('toCsv', () => {
  it('flattens nested fields into dotted columns, joins arrays, and takes the union of columns in first-seen order', () => {
    const csv = toCsv([
      { id: 'a', school: { name: 'Clusius', region: null }, levels: ['vmbo', 'havo'] },
      { id: 'b', school: { name: 'Regius', region: 'Noord' }, levels: [], extra: 1 },
    ]);
    expect(csv).toBe('id,school.name,school.region,levels,extra\r\na,Clusius,,vmbo;havo,\r\nb,Regius,Noord,,1\r\n');
  });

  it('gives a list of objects one column per field, joined in the same order', () => {
    const csv = toCsv([
      { id: 'a', backups: [{ personId: 'p1', name: 'Anna' }, { personId: 'p2', name: 'Bram' }] },
      { id: 'b', backups: [] },
    ]);
    expect(csv).toBe('id,backups.personId,backups.name,backups\r\na,p1;p2,Anna;Bram,\r\nb,,,\r\n');
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as a formula', () => {
    const csv = toCsv([{ name: 'Smit, "Jan"', note: 'two\nlines', formula: '=HYPERLINK("x")', negative: -3, dash: '-x' }]);
    expect(csv.split('\r\n')[1]).toBe(`"Smit, ""Jan""","two\nlines","'=HYPERLINK(""x"")",-3,'-x`);
  });

  it('gives the same text when the same rows are exported again, alone or among others', () => {
    const shared = { id: 'a', school: { name: 'Clusius' } };
    const first = toCsv([shared]);
    expect(toCsv([shared])).toBe(first);
    expect(toCsv([{ id: 'z', other: 'x' }, shared])).toBe('id,other,school.name\r\nz,x,\r\na,,Clusius\r\n');
  });
});
