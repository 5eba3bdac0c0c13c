import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiHeader, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponse } from './api-responses';

/**
 * The OpenAPI description of a route in one line (README, "API conventions"):
 *
 *   @QueryDoc({ operationId: 'getPartnershipHealth', summary: '…', ok: PartnershipHealthResponse, errors: { 404: ['partnership_not_found'] }, etag: true })
 *   @CommandDoc({ operationId: 'recordInteraction', summary: '…', records: 'InteractionRecorded', status: 201, errors: { 422: [...] } })
 *
 * What every route shares is added to the document once, in bootstrap/open-api-conventions.ts: 401/403/429/503 of the
 * bearer token and the rate limit, the 400 codes of query strings and URLs, 413/415 of bodies, the response headers
 * (X-Request-Id, X-RateLimit-*), `text/csv` beside JSON for exports. Here only what is the route's own.
 */

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
/** Per status, the error codes the route can answer with (beside the ones every route shares). */
export type ErrorCodes = Partial<Record<ErrorStatus, readonly string[]>>;

/** The extension that carries a response's error codes; the conventions merge and describe them. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';
/** Marks an operation that also answers `text/csv` (CsvExport). */
export const CSV_EXTENSION = 'x-csv-export';

/** Error answers: each status with the shared ErrorResponse schema and the codes this route gives. */
export const ApiErrors = (errors: ErrorCodes) =>
  applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...Object.entries(errors).map(([status, codes]) =>
      ApiResponse({
        status: Number(status),
        description: `codes: ${codes!.join(', ')}`,
        schema: { $ref: getSchemaPath(ErrorResponse) },
        [ERROR_CODES_EXTENSION]: [...codes!],
      } as Parameters<typeof ApiResponse>[0]),
    ),
  );

export const REVISION_HEADER = { schema: { type: 'string', pattern: '^(W/)?"?-?[0-9]{1,15}"?$' } } as const;

/** What queries that read the read models read and answer beside their body. */
const READ_MODEL_HEADERS = {
  'Server-Timing': { description: 'with X-Min-Position: `read-models;dur=<ms>`, how long the query waited', schema: { type: 'string' } },
} as const;

export interface QueryDocOptions {
  operationId: string;
  summary: string;
  description?: string;
  /** The response class of a 200 answer. */
  ok: Type<unknown>;
  errors?: ErrorCodes;
  /** The answer is one aggregate's: it carries `ETag: "<stream revision>"`, to send as If-Match. */
  etag?: boolean;
}

/** A query over the read models: X-Min-Position (read-your-writes), asOf in its query DTO, its answer and errors. */
export const QueryDoc = ({ operationId, summary, description, ok, errors = {}, etag }: QueryDocOptions) =>
  applyDecorators(
    ApiOperation({ operationId, summary, ...(description && { description }) }),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'a command’s `position`: wait (up to 5 s) until the read models include it (read-your-writes), else 503 `read_models_behind`',
      schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
    }),
    ApiResponse({
      status: 200,
      type: ok,
      description: summary,
      headers: {
        ...READ_MODEL_HEADERS,
        ...(etag && { ETag: { description: 'the stream revision of what is answered, e.g. `"3"`: send it as If-Match', ...REVISION_HEADER } }),
      },
    }),
    ApiErrors({ ...errors, 400: ['invalid_as_of', 'invalid_min_position', ...(errors[400] ?? [])], 503: ['read_models_behind', ...(errors[503] ?? [])] }),
  );

/** Marks the operation as answering `text/csv` too (the conventions add the content type to its 200). */
export const ApiCsv = () => ApiExtension(CSV_EXTENSION, true);
