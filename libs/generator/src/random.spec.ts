import { formatUuid, hash128, IdSource, Random, seedKey, UUID_V4 } from './random';

describe('Random (sfc32)', () => {
  const draw = (random: Random, n = 20) => Array.from({ length: n }, () => random.nextUint32());

  it('gives the same sequence for the same seed, another for another seed', () => {
    expect(draw(Random.from(42))).toEqual(draw(Random.from(42)));
    expect(draw(Random.from('42'))).toEqual(draw(Random.from(42)));
    expect(draw(Random.from(43))).not.toEqual(draw(Random.from(42)));
  });

  it('forks independent generators: drawing from one never shifts another', () => {
    const a = Random.from(7);
    const untouched = draw(a.fork('people'));
    const b = Random.from(7);
    draw(b.fork('partnerships'), 1000);
    b.next();
    expect(draw(b.fork('people'))).toEqual(untouched);
    expect(draw(a.fork('x'))).not.toEqual(draw(a.fork('y')));
  });

  it('keeps every helper in range', () => {
    const random = Random.from('range');
    for (let i = 0; i < 5000; i++) {
      const n = random.int(3, 7);
      expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true);
      const x = random.float(-2, 5);
      expect(x >= -2 && x < 5).toBe(true);
      const y = random.clampedNormal(0, 10, -1, 1);
      expect(y >= -1 && y <= 1).toBe(true);
      expect(random.exponential(3)).toBeGreaterThanOrEqual(0);
    }
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('picks by weight, never a zero weight', () => {
    const random = Random.from('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10000; i++) counts[random.weighted<'a' | 'b' | 'c'>([['a', 1], ['b', 3], ['c', 0]])] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
    expect(random.chance(0)).toBe(false);
    expect(random.chance(1)).toBe(true);
  });

  it('has a mean near 0.5 and a normal draw near its mean', () => {
    const random = Random.from('moments');
    let sum = 0;
    let normal = 0;
    for (let i = 0; i < 20000; i++) {
      sum += random.next();
      normal += random.normal(10, 2);
    }
    expect(sum / 20000).toBeCloseTo(0.5, 1);
    expect(normal / 20000).toBeCloseTo(10, 0);
  });

  it('shuffles and samples without losing or repeating items', () => {
    const random = Random.from('shuffle');
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect([...random.shuffle(items)].sort((a, b) => a - b)).toEqual(items);
    const sample = random.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
  });
});

describe('IdSource', () => {
  it('makes lower-case v4-shaped UUIDs, unique, and the same for the same seed, namespace and counter', () => {
    const ids = new IdSource(seedKey(1), 'entity');
    const made = Array.from({ length: 50000 }, () => ids.next());
    expect(made.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    const again = new IdSource(seedKey(1), 'entity');
    expect(Array.from({ length: 100 }, () => again.next())).toEqual(made.slice(0, 100));
    expect(new IdSource(seedKey(2), 'entity').next()).not.toBe(made[0]);
    expect(new IdSource(seedKey(1), 'event').next()).not.toBe(made[0]);
    expect(ids.count).toBe(50000);
  });

  it('makes ordered ids that sort in counter order (for the log index), still v4-shaped and unique', () => {
    const ids = new IdSource(seedKey(1), 'event', { ordered: true });
    const made = Array.from({ length: 70000 }, () => ids.next());
    expect(made.every((id) => UUID_V4.test(id))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    expect(made.every((id, i) => i === 0 || made[i - 1] < id)).toBe(true);
    expect(new IdSource(seedKey(2), 'event', { ordered: true }).next().slice(0, 8)).not.toBe(made[0].slice(0, 8));
  });

  it('formats the version and variant bits whatever the input', () => {
    expect(formatUuid(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(formatUuid(0, 0, 0, 0)).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('hashes strings to four 32-bit words', () => {
    const words = hash128('abc');
    expect(words).toHaveLength(4);
    expect(words.every((word) => Number.isInteger(word) && word >= 0 && word < 2 ** 32)).toBe(true);
    expect(hash128('abc')).toEqual(words);
    expect(hash128('abd')).not.toEqual(words);
  });
});
