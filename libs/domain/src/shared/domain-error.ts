import type { DomainErrorCode } from './error-codes';

/**
 * A command the domain refuses. `code` is machine-readable and stable; `message` is for people.
 * `kind` tells the shell which HTTP class it is: a broken rule (422), an unknown id (404) or a conflict (409).
 */
export type DomainErrorKind = 'rule' | 'not_found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const ruleViolation = (code: DomainErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 'rule', details);

export const notFound = (code: DomainErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 'not_found', details);

export const conflict = (code: DomainErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 'conflict', details);
