import type { OpenAPIObject } from '@nestjs/swagger';
import { ROLES_EXTENSION } from '../auth/access.decorators';
import { CSV_EXTENSION, ERROR_CODES_EXTENSION } from '../http/api-doc';
import { XLSX_MEDIA_TYPE } from '../exports/xlsx';

/**
 * What every route of the API shares, written into the OpenAPI document once (http/api-doc.ts documents what is a
 * route's own). Runs over the document Nest builds from the decorators.
 */

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_REF = '#/components/schemas/ErrorResponse';

const STATUS_TEXT: Record<string, string> = {
  400: 'bad input: the body, a query parameter, a path id or a header; `errors` names each field',
  401: 'no bearer token, or one that is malformed, expired or badly signed; `WWW-Authenticate: Bearer`',
  403: 'the token’s roles may not do this',
  404: 'no such record (or one outside the caller’s scope)',
  409: 'the stream has moved on (If-Match) or the id is taken; `currentRevision` says where the stream is',
  413: 'the body is over 1 MiB',
  415: 'the body is not `application/json` (forms and text are refused)',
  422: 'a rule of the domain; `code` says which and `message` why',
  429: 'over the per-user rate limit; `Retry-After` and `retryAfterSeconds` say when to try again',
  503: 'not available now: read models behind X-Min-Position, the identity provider’s keys could not be had, the storage refuses writes (read-only, I/O error, a data file gone; `Retry-After`), or a stored event or key this needs is damaged until an operator repairs it (docs/operations.md, Faults)',
  507: 'the disk is full: nothing was written; `Retry-After`',
};

/** Codes every route can answer (on top of its own): query strings and URLs, the bearer token, the rate limit. */
const EVERY_ROUTE: Record<string, string[]> = { 400: ['invalid_query_parameter', 'validation_failed', 'malformed_url', 'bad_request'] };
const WITH_PATH_ID: Record<string, string[]> = { 400: ['invalid_id'] };
const SECURED_ROUTE: Record<string, string[]> = {
  401: ['unauthenticated'],
  403: ['forbidden'],
  429: ['rate_limited'],
  // storage faults (http/storage-error-body.ts) can meet any route that reads or writes the stores
  503: ['authentication_unavailable', 'storage_read_only', 'storage_io_error', 'storage_unavailable', 'storage_damaged', 'event_damaged', 'key_damaged', 'rebuild_failed'],
  507: ['storage_full'],
};
const WITH_BODY: Record<string, string[]> = { 400: ['malformed_json', 'empty_body', 'body_too_deep'], 413: ['body_too_large'], 415: ['unsupported_media_type'] };

const header = (description: string, schema: Json = { type: 'string' }) => ({ description, schema });
const REQUEST_HEADERS = {
  'X-Request-Id': header('this request’s id (the one sent, or a new one), on its log lines'),
  'X-Correlation-Id': header('the correlation id (X-Correlation-Id sent, else the request id), recorded in the events written'),
};
const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': header('requests per minute for this user', { type: 'integer', minimum: 1 }),
  'X-RateLimit-Remaining': header('requests left in the current window', { type: 'integer', minimum: 0 }),
  'X-RateLimit-Reset': header('seconds until the window frees a request', { type: 'integer', minimum: 0 }),
};
/** What an export (CSV or xlsx) answers beside its file. */
const EXPORT_HEADERS = {
  'Content-Disposition': { description: 'with the CSV or xlsx: `attachment; filename="<what>-<Dutch day of asOf>.csv|xlsx"`', schema: { type: 'string' } },
  'X-As-Of': { description: 'with the CSV or xlsx: the instant its figures are computed for', schema: { type: 'string', format: 'date-time' } },
} as const;

const RETRY_AFTER = { 'Retry-After': header('seconds to wait', { type: 'integer', minimum: 0 }) };
const CHALLENGE = { 'WWW-Authenticate': header('`Bearer realm="partnership-crm"`, with `error="invalid_token"` when a token was sent') };

const TAGS: Record<string, string> = {
  partnerships: 'Partnerships between a school and a partner: commands that record what happened, and health, continuity, key-person risk and the timeline',
  organisations: 'Schools, companies, municipalities and networks',
  people: 'Contact people: register, role, departure, erasure; exposure when they leave',
  worklist: 'The actions due for a school-side contact person',
  reports: 'Management and reporting views over all partnerships',
  admin: 'Operations for administrators',
  ops: 'Readiness and metrics',
};

const errorResponse = (status: string, codes: string[]) => ({
  description: `${STATUS_TEXT[status] ?? 'error'}. Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
  [ERROR_CODES_EXTENSION]: codes,
  content: { 'application/json': { schema: { $ref: ERROR_REF }, example: { statusCode: Number(status), code: codes[0], message: STATUS_TEXT[status] ?? 'error' } } },
});

function addErrors(operation: Json, errors: Record<string, string[]>): void {
  for (const [status, codes] of Object.entries(errors)) {
    const existing: string[] = operation.responses[status]?.[ERROR_CODES_EXTENSION] ?? [];
    operation.responses[status] = { ...operation.responses[status], ...errorResponse(status, [...new Set([...existing, ...codes])]) };
  }
}

/** An example body of required fields and the optional ones with an example of their own (no ids or dates the server makes). */
function exampleOf(schema: Json, schemas: Json): Json | undefined {
  const resolved = schema.$ref ? schemas[schema.$ref.split('/').pop()] : schema;
  if (!resolved?.properties) return undefined;
  const required = new Set<string>(resolved.required ?? []);
  const example: Json = {};
  for (const [name, property] of Object.entries<Json>(resolved.properties)) {
    const own = property.example ?? property.items?.example;
    const serverMade = property.format === 'uuid' || property.format === 'date-time';
    if (required.has(name) ? own !== undefined : own !== undefined && !serverMade) example[name] = own;
  }
  return example;
}

/** Request schemas refuse what the server refuses: a body with a field it does not know is 400. */
function closeRequestSchemas(document: Json): void {
  const names = new Set<string>();
  for (const path of Object.values<Json>(document.paths)) {
    for (const method of METHODS) {
      const ref = path[method]?.requestBody?.content?.['application/json']?.schema?.$ref;
      if (ref) names.add(ref.split('/').pop());
    }
  }
  for (const name of names) document.components.schemas[name].additionalProperties = false;
}

export function applyApiConventions(input: OpenAPIObject): OpenAPIObject {
  const document = input as Json;
  const schemas = document.components.schemas;
  const usedTags = new Set<string>();
  for (const path of Object.values<Json>(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (!operation) continue;
      (operation.tags ?? []).forEach((tag: string) => usedTags.add(tag));
      const secured = Array.isArray(operation.security) && operation.security.length > 0;
      // Public (GET /health): said so, rather than left to a default.
      if (!secured) operation.security = [];
      const hasBody = method === 'post' || method === 'patch' || method === 'put' || method === 'delete';
      addErrors(operation, EVERY_ROUTE);
      if ((operation.parameters ?? []).some((parameter: Json) => parameter.in === 'path')) addErrors(operation, WITH_PATH_ID);
      if (secured) {
        addErrors(operation, SECURED_ROUTE);
        const roles: string[] | undefined = operation[ROLES_EXTENSION];
        if (roles) operation.responses['403'].description = `the token’s roles may not do this; allowed: ${roles.join(', ')}. Codes: \`forbidden\`.`;
      }
      if (hasBody) addErrors(operation, WITH_BODY);
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        // The route's own codes (ApiErrors) described like the shared ones.
        if (Number(status) >= 400 && response[ERROR_CODES_EXTENSION] && !response.content?.['application/json']?.example) {
          Object.assign(response, errorResponse(status, response[ERROR_CODES_EXTENSION]));
        }
        response.headers = { ...REQUEST_HEADERS, ...(secured && RATE_LIMIT_HEADERS), ...(status === '429' && RETRY_AFTER), ...(status === '401' && CHALLENGE), ...response.headers };
        if (status.startsWith('2') && operation[CSV_EXTENSION]) {
          response.content = {
            ...response.content,
            'text/csv': { schema: { type: 'string', description: 'RFC 4180, UTF-8 with a BOM: the header row of the declared columns (docs/exports.md), then every matching row' } },
            [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary', description: 'an Excel workbook: the declared columns as a frozen header row, typed cells (numbers, dates), every matching row' } },
          };
          response.headers = { ...response.headers, ...EXPORT_HEADERS };
        }
      }
      for (const parameter of operation.parameters ?? []) {
        // Try-it-out in /docs fills parameters from examples: a list's filters must start empty.
        if (parameter.in === 'query') {
          delete parameter.example;
          delete parameter.schema?.example;
        }
        // Every path parameter of this API is an id, and ids are UUIDs (SPEC §2): anything else is 400 `invalid_id`.
        if (parameter.in === 'path') parameter.schema = { type: 'string', format: 'uuid' };
        parameter.description ??= parameter.in === 'path' ? `the ${parameter.name === 'id' ? 'resource' : parameter.name} id (a UUID)` : parameter.name;
      }
      const body = operation.requestBody?.content?.['application/json'];
      if (body?.schema) {
        const example = exampleOf(body.schema, schemas);
        if (example) body.example = example;
      }
    }
  }
  closeRequestSchemas(document);
  document.info.contact = { name: 'Partnership CRM maintainers' };
  const declared = new Set((document.tags ?? []).map((tag: Json) => tag.name));
  document.tags = [
    ...(document.tags ?? []),
    ...[...usedTags].filter((name) => !declared.has(name)).sort().map((name) => ({ name, description: TAGS[name] ?? name })),
  ];
  return document as OpenAPIObject;
}
