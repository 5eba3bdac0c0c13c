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

  it('refuses an unknown operator when compiled', () => {
    expect(() => matcherOf({ stage: { $nope: 1 } })).toThrow();
  });
});
