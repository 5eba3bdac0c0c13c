import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticatedUser, CLOCK_TOLERANCE_S, InvalidTokenError, TokenVerifier, userFromClaims } from './token-verifier';

/** A JWT segment: base64url without padding. */
const SEGMENT = /^[A-Za-z0-9_-]+$/;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function hmac(secret: string, signingInput: string): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

/** A JWT header or payload segment as a JSON object. */
export function decodeJson(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError(`the token's ${what} is not base64url-encoded JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidTokenError(`the token's ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

export interface Claims {
  sub: string;
  roles: string[];
  /** Lifetime in seconds from now. */
  ttlSeconds: number;
  issuer?: string;
  audience?: string;
  /** Further claims, such as the caller's person (`personId`). */
  extra?: Record<string, string>;
}

/** Signs an HS256 JWT with `sub`, `roles`, `iat`, `exp` (and `iss`, `aud` when given). */
export function signHs256(claims: Claims, secret: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = {
    sub: claims.sub,
    roles: claims.roles,
    iat,
    exp: iat + claims.ttlSeconds,
    ...(claims.issuer && { iss: claims.issuer }),
    ...(claims.audience && { aud: claims.audience }),
    ...claims.extra,
  };
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${signingInput}.${hmac(secret, signingInput)}`;
}

/** Checks the registered claims both verifiers share: `exp` (required), `nbf`, `iss` and `aud` (when configured). */
export function checkRegisteredClaims(payload: Record<string, unknown>, expected: { issuer?: string; audience?: string }, now = Date.now()): void {
  const seconds = now / 1000;
  const { exp, nbf, iss, aud } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new InvalidTokenError('the token has no exp (expiry) claim');
  if (seconds - CLOCK_TOLERANCE_S >= exp) throw new InvalidTokenError('the token has expired');
  if (nbf !== undefined && (typeof nbf !== 'number' || seconds + CLOCK_TOLERANCE_S < nbf)) throw new InvalidTokenError('the token is not valid yet');
  if (expected.issuer !== undefined && iss !== expected.issuer) throw new InvalidTokenError('the token is from another issuer');
  if (expected.audience !== undefined) {
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(expected.audience)) throw new InvalidTokenError('the token is for another audience');
  }
}

/**
 * Embedded mode: HS256 with a shared secret, on node:crypto. Only `alg: HS256` is accepted (never `none`, never
 * an asymmetric algorithm whose public key could be abused as an HMAC secret); the signature is compared in
 * constant time.
 */
export class Hs256TokenVerifier implements TokenVerifier {
  constructor(
    private readonly secret: string,
    private readonly expected: { issuer?: string; audience?: string; personClaim?: string } = {},
  ) {}

  async verify(token: string): Promise<AuthenticatedUser> {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) throw new InvalidTokenError('the token is not a signed JWT (header.payload.signature)');
    const [header, payload, signature] = parts;
    const { alg, crit } = decodeJson(header, 'header');
    if (alg !== 'HS256') throw new InvalidTokenError(`tokens must be signed with HS256, not ${JSON.stringify(alg)}`);
    if (crit !== undefined) throw new InvalidTokenError('the token has critical header parameters this server does not understand');
    const expected = Buffer.from(hmac(this.secret, `${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new InvalidTokenError('the token signature is invalid');
    const claims = decodeJson(payload, 'payload');
    checkRegisteredClaims(claims, this.expected);
    return userFromClaims(claims, this.expected.personClaim);
  }
}
