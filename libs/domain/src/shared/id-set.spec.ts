import { IdSet } from './id-set';

describe('IdSet', () => {
  it('holds what was added to it, in order, and answers a new set for each addition', () => {
    const empty = IdSet.empty();
    const one = empty.with('a');
    const two = one.with('b');
    expect([...two]).toEqual(['a', 'b']);
    expect(two.has('a') && two.has('b')).toBe(true);
    expect(two.with('a')).toBe(two);
  });

  it('leaves every earlier version as it was', () => {
    const one = IdSet.empty().with('a');
    const two = one.with('b');
    expect(one.has('b')).toBe(false);
    expect(one.size).toBe(1);
    expect([...one]).toEqual(['a']);
    expect(two.size).toBe(2);
  });

  it('keeps two versions made from the same earlier one apart (a command decided again after a conflict)', () => {
    const base = IdSet.empty().with('a');
    const first = base.with('b');
    const second = base.with('c');
    expect([...first]).toEqual(['a', 'b']);
    expect([...second]).toEqual(['a', 'c']);
    expect(second.has('b')).toBe(false);
    expect(first.has('c')).toBe(false);
    expect([...first.with('d')]).toEqual(['a', 'b', 'd']);
    expect([...second.with('b')]).toEqual(['a', 'c', 'b']);
    expect(base.has('b') || base.has('c')).toBe(false);
  });

  it('never shares one empty set between streams', () => {
    const a = IdSet.empty().with('x');
    const b = IdSet.empty();
    expect(b.has('x')).toBe(false);
    expect([...a]).toEqual(['x']);
  });
});
