import { hkdfSync, randomBytes } from 'node:crypto';
import { isSealed, seal, unseal, valueKey } from './cipher';

describe('cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips JSON values, with a fresh IV every time', () => {
    const a = seal('Fatima el Amrani', key, ['person:1'], 'aad');
    const b = seal('Fatima el Amrani', key, ['person:1'], 'aad');
    expect(a).toMatchObject({ enc: 'aes-256-gcm', kid: 'person:1' });
    expect(a).not.toHaveProperty('bound');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(unseal(a, key, 'aad')).toBe('Fatima el Amrani');
    expect(unseal(seal({ n: [1, 'ü'] }, key, ['person:1'], 'x'), key, 'x')).toEqual({ n: [1, 'ü'] });
    expect(isSealed(a)).toBe(true);
    expect(isSealed('Fatima')).toBe(false);
    expect(isSealed({ enc: 'aes-256-gcm' })).toBe(false);
  });

  it('never gives two values the same IV, also across draws of random bytes', () => {
    const ivs = new Set(Array.from({ length: 3000 }, () => seal('x', key, ['person:1'], 'aad').iv));
    expect(ivs.size).toBe(3000);
  });

  it('refuses another key, other associated data, and a changed tag', () => {
    const sealed = seal('text', key, ['person:1'], 'aad');
    expect(() => unseal(sealed, randomBytes(32), 'aad')).toThrow();
    expect(() => unseal(sealed, key, 'other')).toThrow();
    const tag = Buffer.from(sealed.tag, 'base64');
    tag[3] ^= 0x80;
    expect(() => unseal({ ...sealed, tag: tag.toString('base64') }, key, 'aad')).toThrow();
  });

  it('mixes every bound subject’s key into a value key, so each of them is needed', () => {
    const [owner, a, b] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const subjects = ['partnership:p', 'person:a', 'person:b'];
    const mixed = valueKey(subjects, [owner, a, b]);
    expect(mixed).toHaveLength(32);
    // Standard HKDF-SHA256 (RFC 5869), empty salt, over the keys in the stored order.
    const reference = Buffer.from(hkdfSync('sha256', Buffer.concat([owner, a, b]), Buffer.alloc(0), `crm value key v1|${subjects.join('|')}`, 32));
    expect(mixed.equals(reference)).toBe(true);
    expect(valueKey(subjects, [owner, a, b]).equals(mixed)).toBe(true);
    expect(valueKey(subjects, [owner, a, randomBytes(32)]).equals(mixed)).toBe(false);
    expect(valueKey(['partnership:p', 'person:b', 'person:a'], [owner, b, a]).equals(mixed)).toBe(false);
    expect(mixed.equals(owner) || mixed.equals(a) || mixed.equals(b)).toBe(false);
    expect(valueKey(['person:a'], [a])).toBe(a);
    expect(() => valueKey(subjects, [owner, a])).toThrow();
    const sealed = seal('Jan promised four places', mixed, subjects, 'aad');
    expect(sealed).toMatchObject({ kid: 'partnership:p', bound: ['person:a', 'person:b'] });
  });
});
