import { allWordsIn, containing, equalIgnoringCase, escapeRegex, searchKeysFor, searchKeysOf, searchWords } from './text-filters';

describe('text filters', () => {
  it('match the user’s characters literally, whatever regex syntax they contain', () => {
    const words = 'a.b*(c)[d]$';
    expect(new RegExp(escapeRegex(words)).test(`x${words}y`)).toBe(true);
    expect(new RegExp(escapeRegex(words)).test('aXb')).toBe(false);
  });

  it('contain case-insensitively, or equal case-insensitively, ignoring surrounding spaces', () => {
    expect(containing('  noord ')).toEqual({ $regex: 'noord', $options: 'i' });
    expect(equalIgnoringCase(' Noord-Holland ')).toEqual({ $regex: '^Noord-Holland$', $options: 'i' });
  });
});

describe('search keys', () => {
  it('fold case and accents, so that the words of a name are found in any order', () => {
    const keys = searchKeysOf('Energiecoöperatie Noord');
    for (const word of ['energiecooperatie', 'ENERGIECOÖPERATIE', 'noord', 'Energie', 'noo']) {
      expect(searchKeysFor(word).every((key) => keys.includes(key))).toBe(true);
    }
    expect(allWordsIn('searchKeys', 'noord energiecooperatie')).toEqual({ searchKeys: { $all: ['noord', 'energiecooperatie'] } });
    expect(keys).not.toContain('oord');
  });

  it('split words at punctuation and keep digits', () => {
    expect(searchWords("Groenhorst mbo-Barneveld, 's-Hertogenbosch 2")).toEqual(['groenhorst', 'mbo', 'barneveld', 's', 'hertogenbosch', '2']);
  });

  it('give no filter for a blank text, and one that matches nothing for a text without words', () => {
    expect(allWordsIn('searchKeys', '  ')).toBeUndefined();
    expect(allWordsIn('searchKeys', ' (.*) ')).toEqual({ searchKeys: { $in: [] } });
  });
});
