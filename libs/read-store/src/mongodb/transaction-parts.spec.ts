import { transactionParts } from './transaction-parts';

describe('MongoDB commits in bounded transactions', () => {
  const size = (n: number) => n;

  it('keeps a small commit in one transaction', () => {
    expect(transactionParts([1, 2, 3], size, { maxWrites: 10, maxBytes: 100 })).toEqual([[1, 2, 3]]);
  });

  it('splits a large catch-up into parts of at most maxWrites, in order', () => {
    const writes = Array.from({ length: 2_500 }, (_, i) => i);
    const parts = transactionParts(writes, () => 1, { maxWrites: 1_000, maxBytes: Infinity });
    expect(parts.map((part) => part.length)).toEqual([1_000, 1_000, 500]);
    expect(parts.flat()).toEqual(writes);
  });

  it('starts a new part before the bytes would pass maxBytes, and gives an oversized document a part of its own', () => {
    expect(transactionParts([40, 40, 40, 500, 10], size, { maxWrites: 100, maxBytes: 100 })).toEqual([[40, 40], [40], [500], [10]]);
  });

  it('gives an empty commit one empty part (the checkpoint alone still moves)', () => {
    expect(transactionParts([], size)).toEqual([[]]);
  });
});
