import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';

const RESULT_EXAMPLE = { id: '3f2b8c1e-5d6a-4e7b-9c0d-1a2b3c4d5e6f', revision: 0, position: 42 };

/** OpenAPI for a command route: what it records, the headers it honours and the errors it answers with. */
export const CommandDoc = (summary: string, records: string, status: 200 | 201 = 200) =>
  applyDecorators(
    HttpCode(status),
    ApiOperation({ summary, description: `Records ${records}. Answers { id, revision, position }.` }),
    ApiHeader({ name: 'If-Match', required: false, description: 'expected stream revision; 409 if the stream has moved on' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body returns the first result' }),
    ApiResponse({ status, description: 'recorded', schema: { example: RESULT_EXAMPLE } }),
    ApiResponse({ status: 400, description: 'malformed JSON, unknown fields or wrong types, per field' }),
    ApiResponse({ status: 404, description: 'an id that does not exist' }),
    ApiResponse({ status: 409, description: 'If-Match does not match the current revision (currentRevision in the body)' }),
    ApiResponse({ status: 413, description: 'body over 1 MiB' }),
    ApiResponse({ status: 422, description: 'a rule of the domain; `code` says which' }),
  );
