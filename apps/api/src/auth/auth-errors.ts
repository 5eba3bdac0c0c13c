import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';

export const REALM = 'partnership-crm';

/**
 * 401 `unauthenticated`: no bearer token, or one that is malformed, expired, badly signed or for someone else. The
 * errors filter answers it with `WWW-Authenticate: Bearer …` (RFC 6750 §3): no error code when no token was sent,
 * `invalid_token` when one was.
 */
export class AuthenticationError extends UnauthorizedException {
  readonly challenge: string;

  constructor(message: string, tokenSent: boolean) {
    super({ statusCode: 401, code: 'unauthenticated', message });
    this.challenge = tokenSent ? `Bearer realm="${REALM}", error="invalid_token"` : `Bearer realm="${REALM}"`;
  }
}

/** The `WWW-Authenticate` challenge of a 401 answer. */
export function challengeOf(error: unknown): string {
  return error instanceof AuthenticationError ? error.challenge : `Bearer realm="${REALM}"`;
}

/** 403 `forbidden`: a valid token whose roles may not use this route. */
export const forbidden = (message: string) => new ForbiddenException({ statusCode: 403, code: 'forbidden', message });

/** 503 `authentication_unavailable`: the token could not be checked because the identity provider's keys could not be had. */
export const authenticationUnavailable = (message: string) =>
  new ServiceUnavailableException({ statusCode: 503, code: 'authentication_unavailable', message });
