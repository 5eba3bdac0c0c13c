import { createHmac } from 'node:crypto';
import { Hs256TokenVerifier, signHs256 } from './hs256';
import { InvalidTokenError } from './token-verifier';

const SECRET = 'unit-test-secret-0123456789abcdef-xyz';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (header: object, payload: object, secret = SECRET) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);

describe('HS256 tokens (node:crypto)', () => {
  const verifier = new Hs256TokenVerifier(SECRET);

  it('accepts what signHs256 issued and answers sub and the known roles', async () => {
    const token = signHs256({ sub: 'u-1', roles: ['connector', 'reporting'], ttlSeconds: 60 }, SECRET);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'u-1', roles: ['connector', 'reporting'] });
  });

  it('answers the person the token names in its person claim (personId, or the claim AUTH_PERSON_CLAIM names)', async () => {
    const person = '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f';
    const token = sign({ alg: 'HS256' }, { sub: 'u-1', roles: ['connector'], personId: person.toUpperCase(), exp: now() + 60 });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'u-1', roles: ['connector'], personId: person });
    const custom = new Hs256TokenVerifier(SECRET, { personClaim: 'https://crm.example/person' });
    const named = sign({ alg: 'HS256' }, { sub: 'u-1', roles: [], 'https://crm.example/person': person, personId: 'ignored', exp: now() + 60 });
    await expect(custom.verify(named)).resolves.toEqual({ sub: 'u-1', roles: [], personId: person });
    const bad = sign({ alg: 'HS256' }, { sub: 'u-1', roles: [], personId: 'lisa', exp: now() + 60 });
    await expect(verifier.verify(bad)).rejects.toThrow(/personId claim must be a person id/);
  });

  it('ignores role names it does not know, keeps the user', async () => {
    const token = sign({ alg: 'HS256' }, { sub: 'u-1', roles: ['superuser', 'manager'], exp: now() + 60 });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'u-1', roles: ['manager'] });
  });

  const refused: [string, () => string, RegExp][] = [
    ['another secret', () => signHs256({ sub: 'u', roles: ['admin'], ttlSeconds: 60 }, `${SECRET}-other`), /signature/],
    ['a tampered payload', () => {
      const [h, , s] = signHs256({ sub: 'u', roles: ['reporting'], ttlSeconds: 60 }, SECRET).split('.');
      return `${h}.${b64({ sub: 'u', roles: ['admin'], exp: now() + 60 })}.${s}`;
    }, /signature/],
    ['alg none', () => `${b64({ alg: 'none' })}.${b64({ sub: 'u', roles: ['admin'], exp: now() + 60 })}.`, /signed JWT|HS256/],
    ['alg none with a signature', () => `${b64({ alg: 'none' })}.${b64({ sub: 'u', roles: ['admin'], exp: now() + 60 })}.AAAA`, /HS256/],
    ['RS256 in the header', () => sign({ alg: 'RS256' }, { sub: 'u', exp: now() + 60 }), /HS256/],
    ['critical headers', () => sign({ alg: 'HS256', crit: ['b64'], b64: false }, { sub: 'u', exp: now() + 60 }), /critical/],
    ['an expired token', () => signHs256({ sub: 'u', roles: ['admin'], ttlSeconds: 60 }, SECRET, Date.now() - 3600_000), /expired/],
    ['no exp', () => sign({ alg: 'HS256' }, { sub: 'u', roles: ['admin'] }), /exp/],
    ['nbf in the future', () => sign({ alg: 'HS256' }, { sub: 'u', exp: now() + 7200, nbf: now() + 3600 }), /not valid yet/],
    ['no sub', () => sign({ alg: 'HS256' }, { roles: ['admin'], exp: now() + 60 }), /sub/],
    ['roles not an array', () => sign({ alg: 'HS256' }, { sub: 'u', roles: 'admin', exp: now() + 60 }), /roles/],
    ['two segments', () => 'abc.def', /signed JWT/],
    ['a payload that is not JSON', () => {
      const input = `${b64({ alg: 'HS256' })}.${Buffer.from('nope').toString('base64url')}`;
      return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
    }, /JSON/],
  ];
  it.each(refused)('refuses %s', async (_, token, message) => {
    const error = await verifier.verify(token()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).toMatch(message);
  });

  it('allows 30 s of clock skew on exp', async () => {
    const token = sign({ alg: 'HS256' }, { sub: 'u', exp: now() - 10 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'u' });
  });

  describe('with issuer and audience configured', () => {
    const strict = new Hs256TokenVerifier(SECRET, { issuer: 'https://crm.example', audience: 'crm-api' });
    const token = (claims: object) => sign({ alg: 'HS256' }, { sub: 'u', roles: ['admin'], exp: now() + 60, ...claims });

    it('accepts the right iss and aud (aud may be an array)', async () => {
      await expect(strict.verify(token({ iss: 'https://crm.example', aud: 'crm-api' }))).resolves.toMatchObject({ sub: 'u' });
      await expect(strict.verify(token({ iss: 'https://crm.example', aud: ['other', 'crm-api'] }))).resolves.toMatchObject({ sub: 'u' });
    });

    it.each([
      ['another issuer', { iss: 'https://evil.example', aud: 'crm-api' }, /issuer/],
      ['no issuer', { aud: 'crm-api' }, /issuer/],
      ['another audience', { iss: 'https://crm.example', aud: 'other-app' }, /audience/],
      ['no audience', { iss: 'https://crm.example' }, /audience/],
    ])('refuses %s', async (_, claims, message) => {
      await expect(strict.verify(token(claims))).rejects.toThrow(message);
    });
  });
});
