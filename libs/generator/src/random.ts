/**
 * Seeded randomness for the generator. Nothing here reads Math.random, the clock or crypto: the same seed gives the
 * same numbers, ids and dates on every machine.
 *
 * - `hash128` (cyrb128) turns a seed key (string) into four 32-bit words;
 * - `Random` is sfc32 seeded from such a key, with the helpers the plan needs;
 * - `IdSource` makes lower-case v4-shaped UUIDs from (seed key, namespace, counter).
 */

/** cyrb128: a fast, well-mixed 128-bit string hash (public domain). */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** murmur3's finaliser: a bijective 32-bit mix. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export type Seed = number | string;

/** The canonical key of a seed: numbers and strings that print alike are the same seed. */
export const seedKey = (seed: Seed): string => `seed:${String(seed)}`;

/** A weighted choice: the value and its (non-negative) weight. */
export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state): passes PractRand, and is cheap in
 * 32-bit JavaScript integer arithmetic. Each instance is identified by its key; `fork(label)` derives an
 * independent generator from the key alone, so that what one part of the plan draws never shifts another part.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly key: string) {
    [this.a, this.b, this.c, this.d] = hash128(key);
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  static from(seed: Seed): Random {
    return new Random(seedKey(seed));
  }

  /** An independent generator for a named part of the plan. */
  fork(label: string | number): Random {
    return new Random(`${this.key}/${label}`);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of entries) total += Math.max(0, weight);
    if (total <= 0) throw new Error('weighted pick without positive weights');
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= Math.max(0, weight);
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Standard normal (Box–Muller), scaled. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal draw clamped to [min, max]: "normal-ish" quantities that must stay in range. */
  clampedNormal(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.normal(mean, sd)));
  }

  /** Exponentially distributed with the given mean (waiting times of a Poisson process). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A new array in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (char) => char.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const UUID_CODES: number[] = new Array<number>(36).fill(DASH);

/** Writes the 8 hex digits of a 32-bit word at `at`, skipping the dash positions. */
function writeWord(word: number, positions: readonly number[]): void {
  for (let i = 0; i < 8; i++) UUID_CODES[positions[i]] = HEX_CODES[(word >>> (28 - 4 * i)) & 0xf];
}

const WORD_POSITIONS: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7],
  [9, 10, 11, 12, 14, 15, 16, 17],
  [19, 20, 21, 22, 24, 25, 26, 27],
  [28, 29, 30, 31, 32, 33, 34, 35],
];

/**
 * Formats 128 bits as a lower-case RFC 4122 version-4 UUID (version nibble 4, variant bits 10). Built from char
 * codes in one go, so the string is flat (a concatenated one would be flattened and hashed on every first lookup).
 */
export function formatUuid(w0: number, w1: number, w2: number, w3: number): string {
  writeWord(w0 >>> 0, WORD_POSITIONS[0]);
  writeWord(((w1 & 0xffff0fff) | 0x00004000) >>> 0, WORD_POSITIONS[1]);
  writeWord(((w2 & 0x3fffffff) | 0x80000000) >>> 0, WORD_POSITIONS[2]);
  writeWord(w3 >>> 0, WORD_POSITIONS[3]);
  return String.fromCharCode.apply(null, UUID_CODES);
}

/**
 * UUIDs derived from a seed key, a namespace and a counter: id n of namespace "event" of seed 42 is always the
 * same string. Different namespaces (or seeds) give unrelated sequences.
 */
export class IdSource {
  private readonly base: [number, number, number, number];
  private counter = 0;
  private readonly interned?: Record<string, 0>;
  private readonly ordered: boolean;

  /**
   * - `intern`: for ids the deciders look up as keys (record, agreement and commitment ids), mostly to find them
   *   absent. V8 answers such a miss for a fresh, non-internalized string through a slow runtime path; storing the
   *   string once as a key of a dictionary-mode object internalizes it, which makes those lookups several times faster.
   * - `ordered`: ids that sort in counter order (a fixed 32-bit prefix per seed and namespace, then the counter, then
   *   mixed bits), still v4-shaped. For event ids: the log's unique index on ids then grows at its end instead of
   *   dirtying a random page per event, which is most of the cost of a large append with synchronous commits.
   */
  constructor(key: string, namespace: string, options: { intern?: boolean; ordered?: boolean } = {}) {
    this.base = hash128(`${key}#${namespace}`);
    if (options.intern) this.interned = Object.create(null) as Record<string, 0>;
    this.ordered = options.ordered ?? false;
  }

  /** How many ids this source has made. */
  get count(): number {
    return this.counter;
  }

  next(): string {
    const n = this.counter++;
    const lo = n >>> 0;
    const hi = Math.floor(n / 4294967296) >>> 0;
    const [b0, b1, b2, b3] = this.base;
    // Four lanes, each a bijective mix of (base word, counter); chained so every lane depends on the whole counter.
    const w0 = fmix32(b0 ^ fmix32(lo ^ 0x9e3779b9) ^ hi);
    const w1 = fmix32(b1 ^ fmix32(w0 + lo + 0x7f4a7c15));
    const w2 = fmix32(b2 ^ fmix32(w1 ^ (lo + 0x94d049bb)) ^ hi);
    const w3 = fmix32(b3 ^ fmix32(w2 + w0 + 0xbf58476d));
    const id = this.ordered ? orderedUuid(b0, hi, lo, w3) : formatUuid(w0, w1, w2, w3);
    if (this.interned) this.interned[id] = 0;
    return id;
  }
}

/**
 * prefix (32 bits) | counter bits 47–32 | 4, counter bits 31–20 | 8, counter bits 19–8 | counter bits 7–0, 40 mixed
 * bits. Lexicographic order is counter order; the version nibble is 4 and the variant nibble 8 (bits 10).
 */
function orderedUuid(prefix: number, hi: number, lo: number, mixed: number): string {
  writeWord(prefix >>> 0, WORD_POSITIONS[0]);
  writeWord((((hi & 0xffff) << 16) | 0x4000 | ((lo >>> 20) & 0xfff)) >>> 0, WORD_POSITIONS[1]);
  writeWord((((0x8000 | ((lo >>> 8) & 0xfff)) << 16) | ((lo & 0xff) << 8) | (mixed >>> 24)) >>> 0, WORD_POSITIONS[2]);
  writeWord(((mixed << 8) | (mixed >>> 24)) >>> 0, WORD_POSITIONS[3]);
  return String.fromCharCode.apply(null, UUID_CODES);
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
