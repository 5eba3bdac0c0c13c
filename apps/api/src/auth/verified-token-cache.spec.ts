import { Hs256TokenVerifier, signHs256 } from './hs256';
import { InvalidTokenError, TokenVerifier } from './token-verifier';
import { CachingTokenVerifier, VERIFIED_TOKEN_MAX_AGE_MS } from './verified-token-cache';

const SECRET = 'unit-test-secret-0123456789abcdef-xyz';

describe('CachingTokenVerifier', () => {
  const counting = () => {
    const inner = new Hs256TokenVerifier(SECRET);
    const calls = { n: 0 };
    const verifier: TokenVerifier = { verify: (token) => (calls.n++, inner.verify(token)) };
    return { verifier, calls };
  };

  it('verifies a token once and answers the same (frozen) user for it afterwards', async () => {
    const { verifier, calls } = counting();
    const cached = new CachingTokenVerifier(verifier);
    const token = signHs256({ sub: 'u-1', roles: ['connector'], ttlSeconds: 600 }, SECRET);
    const first = await cached.verify(token);
    expect(await cached.verify(token)).toBe(first);
    expect(first).toEqual({ sub: 'u-1', roles: ['connector'] });
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    expect(calls.n).toBe(1);
  });

  it('never remembers a refused token', async () => {
    const { verifier, calls } = counting();
    const cached = new CachingTokenVerifier(verifier);
    const forged = signHs256({ sub: 'u-1', roles: ['admin'], ttlSeconds: 600 }, `${SECRET}-other`);
    await expect(cached.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(cached.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(calls.n).toBe(2);
  });

  it('asks again once the token has expired (and answers its error), and after the maximum age', async () => {
    let now = Date.now();
    const { verifier, calls } = counting();
    const cached = new CachingTokenVerifier(verifier, () => now);
    const shortLived = signHs256({ sub: 'u-1', roles: ['admin'], ttlSeconds: 5 }, SECRET);
    await cached.verify(shortLived);
    now += 40_000; // past exp plus the 30 s tolerance; the inner verifier reads the real clock, so check the cache decided
    await expect(cached.verify(shortLived)).resolves.toBeDefined();
    expect(calls.n).toBe(2);

    const longLived = signHs256({ sub: 'u-2', roles: ['admin'], ttlSeconds: 3600 }, SECRET);
    await cached.verify(longLived);
    await cached.verify(longLived);
    expect(calls.n).toBe(3);
    now += VERIFIED_TOKEN_MAX_AGE_MS;
    await cached.verify(longLived);
    expect(calls.n).toBe(4);
  });
});
