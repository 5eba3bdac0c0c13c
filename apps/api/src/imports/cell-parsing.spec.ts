import { CellError, parseContactAssignment, parseDay, parseIntensity, parseKind, parseLevels, parseSize, parseTier, tierOfRole } from './cell-parsing';
import { decodeCsv, parseCsv } from './csv-reader';

describe('dates as Dutch sheets hold them', () => {
  it.each([
    ['15-01-2025', '2025-01-15'],
    ['15/1/2025', '2025-01-15'],
    ['5.3.2024', '2024-03-05'],
    ['2025-01-15', '2025-01-15'],
    ['2025-01-15T10:00:00Z', '2025-01-15'],
    [45672, '2025-01-15'],
    ['45672', '2025-01-15'],
    [new Date(Date.UTC(2025, 0, 15)), '2025-01-15'],
  ])('reads %p as %s', (cell, day) => {
    expect(parseDay(cell)).toBe(day);
  });

  it('reads an empty cell as no date', () => {
    expect(parseDay(null)).toBeUndefined();
    expect(parseDay('  ')).toBeUndefined();
  });

  it.each(['31-02-2025', '01/13/2025', 'morgen', '2025-13-01', '0'])('refuses %p as invalid_date', (cell) => {
    expect(() => parseDay(cell)).toThrow(CellError);
  });
});

describe('vocabularies in Dutch and English', () => {
  it('reads kinds, intensities and tiers', () => {
    expect(['bedrijf', 'Gemeente', 'netwerk', 'school', 'company'].map(parseKind)).toEqual(['company', 'government', 'network', 'school', 'company']);
    expect(['stage', 'Afgestemd', 'uitwisseling', 'innovatie', 'exchange'].map(parseIntensity)).toEqual(['placement', 'aligned', 'exchange', 'innovation', 'exchange']);
    expect(['strategisch', 'Tactisch', 'operationeel'].map(parseTier)).toEqual(['strategic', 'tactical', 'operational']);
    expect(() => parseKind('winkel')).toThrow("'winkel' is not a kind");
  });

  it('refuses an unknown word with its vocabulary\'s code, as the web app words it (invalid_contact_role, not "invalid_contact role")', () => {
    const codeOf = (parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        return error instanceof CellError ? error.code : 'not a CellError';
      }
      return 'accepted';
    };
    expect(codeOf(() => parseContactAssignment('baas'))).toBe('invalid_contact_role');
    expect(codeOf(() => parseKind('winkel'))).toBe('invalid_kind');
    expect(codeOf(() => parseSize('reusachtig'))).toBe('invalid_size');
    expect(codeOf(() => parseIntensity('veel'))).toBe('invalid_intensity');
    expect(codeOf(() => parseTier('baas'))).toBe('invalid_tier');
  });

  it('reads levels separated by , or ; with vo for vmbo, havo and vwo', () => {
    expect(parseLevels('VMBO; havo')).toEqual(['vmbo', 'havo']);
    expect(parseLevels('vo, mbo')).toEqual(['vmbo', 'havo', 'vwo', 'mbo']);
    expect(parseLevels(null)).toEqual([]);
    expect(() => parseLevels('mbo, hbo+')).toThrow(CellError);
  });

  it('takes a tier from the role when the sheet gives none', () => {
    expect(tierOfRole('Directeur')).toBe('strategic');
    expect(tierOfRole('HR-manager')).toBe('tactical');
    expect(tierOfRole('stagecoördinator')).toBe('operational');
  });
});

describe('CSV as spreadsheets write it', () => {
  it('reads ; (Dutch Excel) or , separated records with quotes, doubled quotes and line breaks in quotes', () => {
    expect(parseCsv('Naam;Notitie\r\n"Smit; Jan";"zei ""ja""\nen ging"\r\n', 10)).toEqual([
      ['Naam', 'Notitie'],
      ['Smit; Jan', 'zei "ja"\nen ging'],
    ]);
    expect(parseCsv('a,b\n1,2\n\n', 10)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads UTF-8 with or without a BOM, and Windows-1252 as Dutch Excel saves it', () => {
    expect(decodeCsv(Buffer.from('\uFEFFEnergiecoöperatie', 'utf8'))).toBe('Energiecoöperatie');
    expect(decodeCsv(Buffer.from('Energieco\xf6peratie', 'latin1'))).toBe('Energiecoöperatie');
  });
});
