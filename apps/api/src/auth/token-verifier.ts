import { isUUID } from 'class-validator';
import { isRole, Role } from './access-matrix';

/** Who sent the request, from a verified token: `sub` becomes `recordedBy` on every event they cause. */
export interface AuthenticatedUser {
  sub: string;
  roles: Role[];
  /** The person the token says the caller is (claim AUTH_PERSON_CLAIM, default `personId`), when it says so. */
  personId?: string;
}

/** The claim naming the caller's person unless AUTH_PERSON_CLAIM says another (SPEC §6 R2). */
export const DEFAULT_PERSON_CLAIM = 'personId';

/** The port: turns a bearer token into a user, or throws. */
export interface TokenVerifier {
  /** @throws InvalidTokenError (answered 401) or AuthenticationUnavailableError (503). */
  verify(token: string): Promise<AuthenticatedUser>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** The token is malformed, expired, not yet valid, badly signed, for another issuer or audience, or lacks `sub`. */
export class InvalidTokenError extends Error {}

/** The token could not be checked (the identity provider's key set is unreachable or broken): not the client's fault. */
export class AuthenticationUnavailableError extends Error {
  constructor(
    message: string,
    /** What went wrong, for the server's log (the client is told only `message`). */
    readonly reason: string = message,
  ) {
    super(message);
  }
}

/** Seconds of clock skew allowed between the token issuer and this server for `exp` and `nbf`. */
export const CLOCK_TOLERANCE_S = 30;
const MAX_SUB_LENGTH = 256;

/**
 * The claims SPEC §6 names: `sub` and `roles` (an array of role names). Role names this API does not know are
 * ignored (an identity provider may carry other applications' roles); a token with none of ours is authenticated
 * but may do nothing (403).
 */
export function userFromClaims(payload: Record<string, unknown>, personClaim = DEFAULT_PERSON_CLAIM): AuthenticatedUser {
  const { sub, roles } = payload;
  const personId = Object.hasOwn(payload, personClaim) ? payload[personClaim] : undefined;
  if (personId !== undefined && !(typeof personId === 'string' && isUUID(personId))) {
    throw new InvalidTokenError(`the token's ${personClaim} claim must be a person id (a UUID)`);
  }
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > MAX_SUB_LENGTH) {
    throw new InvalidTokenError(`the token's sub must be a non-empty string of at most ${MAX_SUB_LENGTH} characters`);
  }
  if (roles !== undefined && !(Array.isArray(roles) && roles.every((role) => typeof role === 'string'))) {
    throw new InvalidTokenError("the token's roles must be an array of role names");
  }
  return { sub, roles: [...new Set((roles ?? []).filter(isRole))], ...(personId !== undefined && { personId: personId.toLowerCase() }) };
}
