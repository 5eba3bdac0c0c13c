import { EqualityIndexes } from './equality-indexes';

describe('EqualityIndexes', () => {
  it('gives candidates in the order documents first took the value, however often they were rewritten since', () => {
    const index = new EqualityIndexes();
    index.add('schoolId', []);
    const doc = (id: string, schoolId: string, n = 0) => ({ _id: id, schoolId, n });
    index.replace(undefined, doc('a', 's1'));
    index.replace(undefined, doc('b', 's1'));
    index.replace(doc('a', 's1'), doc('a', 's1', 1));
    expect([...index.candidates({ schoolId: 's1' })!]).toEqual(['a', 'b']);

    index.replace(doc('a', 's1', 1), doc('a', 's2'));
    expect([...index.candidates({ schoolId: 's1' })!]).toEqual(['b']);
    expect([...index.candidates({ schoolId: 's2' })!]).toEqual(['a']);
    index.replace(doc('b', 's1'), undefined);
    expect([...index.candidates({ schoolId: { $in: ['s1', 's2'] } })!]).toEqual(['a']);
  });

  it('narrows $all to the documents holding every value', () => {
    const index = new EqualityIndexes();
    index.add('searchKeys', [
      { _id: 'a', searchKeys: ['noord', 'energie'] },
      { _id: 'b', searchKeys: ['noord'] },
    ]);
    expect([...index.candidates({ searchKeys: { $all: ['energie', 'noord'] } })!]).toEqual(['a']);
    expect([...index.candidates({ searchKeys: { $all: ['noord', 'zuid'] } })!]).toEqual([]);
  });
});
