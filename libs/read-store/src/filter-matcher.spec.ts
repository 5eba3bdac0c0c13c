import { Query } from 'mingo';
import { matcherOf } from './filter-matcher';

describe('matcherOf', () => {
  const partnership = { _id: 'p1', stage: 'active', commitments: [{ id: 'c1', ownerId: 'anna' }, { id: 'c2' }], levels: ['mbo', 'hbo'] };

  it('tests a document with MongoDB semantics, through arrays of sub-documents', () => {
    expect(matcherOf({ 'commitments.ownerId': 'anna' })(partnership)).toBe(true);
    expect(matcherOf({ 'commitments.ownerId': 'bram' })(partnership)).toBe(false);
    expect(matcherOf({ 'commitments.ownerId': { $in: ['bram', 'anna'] } })(partnership)).toBe(true);
    expect(matcherOf({ levels: 'hbo', stage: { $eq: 'active' } })(partnership)).toBe(true);
    expect(matcherOf({ levels: 'hbo', stage: 'ended' })(partnership)).toBe(false);
    expect(matcherOf({ stage: { $ne: 'ended' } })(partnership)).toBe(true);
    expect(matcherOf({})(partnership)).toBe(true);
  });

  it('decides equalities as mingo does, through arrays, sub-documents and arrays inside arrays', () => {
    const documents = [
      { _id: 'scalar', a: 1, b: 'x' },
      { _id: 'list', a: [2, 1], b: ['y', 'x'] },
      { _id: 'list of lists', a: [[1]], b: [['x'], 'z'] },
      { _id: 'sub-documents', a: [{ b: 1 }, { b: [2, 3] }], b: { c: 'x' } },
      { _id: 'sub-documents in lists', a: [[{ b: 1 }]], b: { c: [['x']] } },
      { _id: 'objects at the leaf', a: { b: { c: 1 } }, b: { x: 1 } },
      { _id: 'missing and null', a: null },
      { _id: 'mixed', a: [1, [2], { b: [[3]] }], b: '1' },
      { _id: 'one array deep', a: [{ b: [3] }], b: [{ c: 'x' }, { c: 'y' }] },
    ];
    const filters = [
      { a: 1 },
      { a: 2 },
      { a: { $eq: 1 } },
      { a: { $in: [2, 3] } },
      { a: { $in: [] } },
      { b: 'x' },
      { b: { $in: ['z', 'x'] } },
      { 'a.b': 1 },
      { 'a.b': 2 },
      { 'a.b': 3 },
      { 'a.b': { $in: [3] } },
      { 'b.c': 'x' },
      { 'a.b.c': 1 },
      { a: 1, b: 'x' },
      { a: { $in: [1, 2] }, b: { $ne: 'x' } },
      { a: 1, 'b.c': { $in: ['x'] } },
    ];
    for (const filter of filters) {
      const expected = documents.filter((document) => new Query(filter).test(document)).map((document) => document._id);
      expect({ filter, matches: documents.filter(matcherOf(filter)).map((document) => document._id) }).toEqual({ filter, matches: expected });
    }
  });

  it('refuses an unknown operator when compiled', () => {
    expect(() => matcherOf({ stage: { $nope: 1 } })).toThrow();
    expect(() => matcherOf({ stage: 'active', level: { $nope: 1 } })).toThrow();
  });
});
