import { decodeJson } from './hs256';
import { AuthenticatedUser, CLOCK_TOLERANCE_S, TokenVerifier } from './token-verifier';

/** How long a verified token is taken on trust before its signature is checked again (a JWKS key may be withdrawn). */
export const VERIFIED_TOKEN_MAX_AGE_MS = 60_000;
/** Tokens remembered at most; the oldest is forgotten first. */
export const MAX_VERIFIED_TOKENS = 10_000;

interface Verified {
  user: AuthenticatedUser;
  /** The token's `exp` claim (seconds). */
  exp: number;
  /** When the entry must be verified again (ms). */
  until: number;
}

/**
 * Remembers tokens that passed verification, by their exact text, so a client sending the same token on every request
 * costs one signature check per minute instead of one per request. A remembered token is answered only while its `exp`
 * (with the same clock tolerance) has not passed and for at most VERIFIED_TOKEN_MAX_AGE_MS; after that, and for every
 * token that failed, the inner verifier decides (with its own error). Its `nbf` had passed when it was verified.
 */
export class CachingTokenVerifier implements TokenVerifier {
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<AuthenticatedUser> {
    const now = this.now();
    const hit = this.verified.get(token);
    if (hit) {
      if (now < hit.until && now / 1000 - CLOCK_TOLERANCE_S < hit.exp) return hit.user;
      this.verified.delete(token);
    }
    // Shared by every request that sends this token: nobody may change it.
    const verified = await this.inner.verify(token);
    const user = Object.freeze({
      sub: verified.sub,
      roles: Object.freeze([...verified.roles]) as AuthenticatedUser['roles'],
      ...(verified.personId !== undefined && { personId: verified.personId }),
    });
    this.remember(token, user, now);
    return user;
  }

  private remember(token: string, user: AuthenticatedUser, now: number): void {
    // Verified, so a signed JWT with a numeric exp (both verifiers require one).
    const { exp } = decodeJson(token.split('.')[1], 'payload');
    if (typeof exp !== 'number') return;
    this.verified.set(token, { user, exp, until: now + VERIFIED_TOKEN_MAX_AGE_MS });
    if (this.verified.size > MAX_VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
  }
}
