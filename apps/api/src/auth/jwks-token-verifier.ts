import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthenticatedUser, AuthenticationUnavailableError, CLOCK_TOLERANCE_S, InvalidTokenError, TokenVerifier, userFromClaims } from './token-verifier';

/** Production: asymmetric signatures only; a shared-secret (HS*) token is refused whatever its signature. */
export const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** jose's error codes that mean "this token is no good" (401); any other failure means the keys could not be had (503). */
const TOKEN_ERRORS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

export interface JwksOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** How long fetched keys are used before the set is fetched again (default 10 min). */
  cacheMaxAgeMs?: number;
  /**
   * After a fetch, how long a token with an unknown `kid` is refused without fetching again (default 30 s): key
   * rotation is picked up on the first unknown kid after that, and forged kids cannot make us hammer the provider.
   */
  cooldownMs?: number;
  /** The claim naming the caller's person (default `personId`). */
  personClaim?: string;
}

/**
 * Production: RS256/ES256 tokens verified against the identity provider's JSON Web Key Set (jose), which is
 * fetched on first use, cached, and fetched again when a token names a key it does not hold (rotation).
 * Issuer and audience are always checked: a key set is usually shared by every application of the provider.
 */
export class JwksTokenVerifier implements TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly options: JwksOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
      cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
      cooldownDuration: options.cooldownMs ?? 30_000,
      timeoutDuration: 5_000,
    });
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: JWKS_ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'sub'],
      });
      return userFromClaims(payload as Record<string, unknown>, this.options.personClaim);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && TOKEN_ERRORS.has(code)) throw new InvalidTokenError(describe(code, error as Error));
      throw new AuthenticationUnavailableError(
        'the identity provider’s signing keys could not be fetched; try again shortly',
        `could not verify a token against ${this.options.jwksUrl}: ${(error as Error).message ?? error}`,
      );
    }
  }
}

function describe(code: string, error: Error): string {
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the token signature is invalid';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'the token is signed with a key the identity provider does not publish';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return `tokens must be signed with ${JWKS_ALGORITHMS.join(' or ')}`;
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `the token's claims are not valid: ${error.message}`;
    default:
      return 'the token is not a valid signed JWT';
  }
}
