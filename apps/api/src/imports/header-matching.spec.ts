import { HeaderError, matchHeaders } from './header-matching';

const fieldsOf = (headers: string[], mapping?: Record<string, string>) => Object.fromEntries([...matchHeaders(headers, mapping).fields].map(([i, f]) => [headers[i], f]));

describe('matching sheet headers to import fields', () => {
  it('knows Dutch and English headers, whatever their case, accents, spaces or punctuation', () => {
    expect(fieldsOf(['Naam', 'SOORT', 'KvK-nummer', 'brin', 'Regio', 'Contactpersoon', 'Functie', 'E-mail', 'Telefoon', 'Niveau', "Thema's"])).toEqual({
      Naam: 'name',
      SOORT: 'kind',
      'KvK-nummer': 'kvk',
      brin: 'brin',
      Regio: 'region',
      Contactpersoon: 'contactName',
      Functie: 'contactRole',
      'E-mail': 'email',
      Telefoon: 'phone',
      Niveau: 'levels',
      "Thema's": 'themes',
    });
    expect(fieldsOf(['Name', 'Kind', 'Region', 'Contact person', 'Role', 'Email', 'Phone', 'Level'])).toEqual({
      Name: 'name',
      Kind: 'kind',
      Region: 'region',
      'Contact person': 'contactName',
      Role: 'contactRole',
      Email: 'email',
      Phone: 'phone',
      Level: 'levels',
    });
  });

  it('lists the headers it does not read', () => {
    expect(matchHeaders(['Naam', 'Opmerkingen', '']).ignored).toEqual(['Opmerkingen']);
  });

  it('lets the caller map a header, or ignore one with an empty field', () => {
    expect(fieldsOf(['Bedrijfsnaam', 'Naam'], { Bedrijfsnaam: 'name', Naam: 'contactName' })).toEqual({ Bedrijfsnaam: 'name', Naam: 'contactName' });
    expect(fieldsOf(['Naam', 'Type'], { type: '' })).toEqual({ Naam: 'name' });
  });

  it('refuses a mapping to an unknown field, two columns for one field, and a sheet without a name', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as HeaderError).code;
      }
    };
    expect(codeOf(() => matchHeaders(['Naam'], { Naam: 'naam' }))).toBe('unknown_field');
    expect(codeOf(() => matchHeaders(['Naam', 'Name']))).toBe('duplicate_column');
    expect(codeOf(() => matchHeaders(['Bedrijfsnaam', 'Regio']))).toBe('name_column_missing');
  });
});
