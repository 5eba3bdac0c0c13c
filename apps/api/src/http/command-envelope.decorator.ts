import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { userOf } from '../auth/current-user';
import { scopeOf } from '../scope/caller-scope';
import { CommandEnvelope } from '../write-side/command-envelope';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** If-Match carries a stream revision, bare or as an ETag ("3", W/"3"). */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '' || value.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(value.trim());
  if (!match) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'invalid_if_match',
      message: 'If-Match must be a stream revision, e.g. "3"',
      errors: [{ field: 'If-Match', messages: ['must be a stream revision'] }],
    });
  }
  return Number(match[1]);
}

function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < 1 || value.length > 200) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'invalid_idempotency_key',
      message: 'Idempotency-Key must be 1 to 200 characters',
      errors: [{ field: 'Idempotency-Key', messages: ['must be 1 to 200 characters'] }],
    });
  }
  return value;
}

/** Key order does not make two bodies different. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function parseCorrelationId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length > 200) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'invalid_correlation_id',
      message: 'X-Correlation-Id must be at most 200 characters',
      errors: [{ field: 'X-Correlation-Id', messages: ['must be at most 200 characters'] }],
    });
  }
  return value;
}

/**
 * Idempotency keys are the client's, so they are scoped per user: the key looked up and stored is the pair
 * (sub, key). Two users who happen to pick the same key never see each other's answer, are never told the key
 * was used (422), and neither's write is swallowed as a "retry" of the other's.
 */
export function scopedIdempotencyKey(sub: string, key: string): string {
  return JSON.stringify([sub, key]);
}

export function envelopeOf(request: FastifyRequest): CommandEnvelope {
  const requestId = randomUUID();
  const { sub, personId } = userOf(request);
  const key = parseIdempotencyKey(header(request, 'idempotency-key'));
  return {
    recordedBy: sub,
    scope: scopeOf(request),
    ...(personId !== undefined && { recordedByPerson: personId }),
    // Without X-Correlation-Id, the one made for this request (answered as X-Correlation-Id, on its log lines).
    correlationId: parseCorrelationId(header(request, 'x-correlation-id')) ?? (request.correlationId || requestId),
    causationId: requestId,
    expectedRevision: parseIfMatch(header(request, 'if-match')),
    idempotency: key
      ? {
          key: scopedIdempotencyKey(sub, key),
          fingerprint: createHash('sha256')
            .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
            .digest('hex'),
        }
      : undefined,
  };
}

/** The command envelope of the current request: user (the token's `sub`, set by the AuthGuard) and scope, correlation, If-Match and Idempotency-Key. */
export const Envelope = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  envelopeOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
