import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiErrors, ErrorCodes, REVISION_HEADER } from './api-doc';
import { CommandResultResponse } from './api-responses';

export interface CommandDocOptions {
  /** The method name of generated clients: a verb and what it acts on (`recordInteraction`). */
  operationId: string;
  summary: string;
  /** The events it records, for the description. */
  records: string;
  status?: 200 | 201;
  /** The route's own codes (404, 422, …); those of every command (If-Match, Idempotency-Key, bodies) are added. */
  errors?: ErrorCodes;
}

/**
 * OpenAPI for a command route: what it records, the headers it reads, `{ id, revision, position }` and its errors.
 * `CommandDoc(summary, records, status)` (without an operationId or codes) is still accepted.
 */
export function CommandDoc(options: CommandDocOptions): MethodDecorator & ClassDecorator;
export function CommandDoc(summary: string, records: string, status?: 200 | 201): MethodDecorator & ClassDecorator;
export function CommandDoc(first: CommandDocOptions | string, records = '', legacyStatus: 200 | 201 = 200) {
  const options: CommandDocOptions = typeof first === 'string' ? { operationId: '', summary: first, records, status: legacyStatus } : first;
  const { operationId, summary, status = 200, errors = {} } = options;
  return applyDecorators(
    HttpCode(status),
    ApiOperation({ ...(operationId && { operationId }), summary, description: `Records ${options.records}. Answers { id, revision, position }.` }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'the expected stream revision (a `revision` or an `ETag` you were given); 409 `revision_mismatch` if the stream has moved on',
      ...REVISION_HEADER,
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a retry with the same key and body answers the first result and writes nothing; the same key with another body is 422',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'recorded in the events’ metadata; default the request’s own',
      schema: { type: 'string', maxLength: 200 },
    }),
    ApiResponse({ status, type: CommandResultResponse, description: `recorded: ${options.records}` }),
    ApiErrors({
      ...errors,
      400: ['invalid_if_match', 'invalid_idempotency_key', 'invalid_correlation_id', ...(errors[400] ?? [])],
      409: ['revision_mismatch', ...(errors[409] ?? [])],
      422: ['idempotency_key_reused', ...(errors[422] ?? [])],
    }),
  );
}
