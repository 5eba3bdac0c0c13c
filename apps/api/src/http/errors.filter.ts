import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { DomainError } from '@crm/domain';
import { WrongExpectedRevisionError } from '@crm/event-store';
import { errorCodes, type FastifyReply, type FastifyRequest } from 'fastify';
import { challengeOf } from '../auth/auth-errors';
import { ErrorBody } from './error-body';
import type { KnownRoutes } from './known-routes';
import { retryAfterOf, storageErrorBody } from './storage-error-body';

const STATUS_OF_KIND = { rule: 422, not_found: 404, conflict: 409 } as const;

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return { statusCode: STATUS_OF_KIND[error.kind], code: error.code, message: error.message, ...error.details };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return {
      statusCode: 409,
      code: 'revision_mismatch',
      message: `the stream is at revision ${error.actual}, not ${error.expected}`,
      currentRevision: error.actual === 'no_stream' ? -1 : error.actual,
    };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'code' in response) return response as ErrorBody;
    const parsing = typeof response === 'string' ? BODY_PARSING_ERRORS.get(response) : undefined;
    if (parsing) return parsing;
    const status = error.getStatus();
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? error.message);
    return {
      statusCode: status,
      code: status === 404 ? 'route_not_found' : `http_${status}`,
      message: Array.isArray(message) ? message.join('; ') : String(message),
    };
  }
  return storageErrorBody(error) ?? { statusCode: 500, code: 'internal_error', message: 'internal error' };
}

/**
 * Fastify's body-parsing errors reach Nest as a plain HttpException carrying only Fastify's message,
 * so they are recognised by that message and answered in the API's own words.
 */
const BODY_PARSING_ERRORS = new Map<string, ErrorBody>(
  (
    [
      ['FST_ERR_CTP_BODY_TOO_LARGE', { statusCode: 413, code: 'body_too_large', message: 'request body exceeds 1 MiB' }],
      ['FST_ERR_CTP_INVALID_JSON_BODY', { statusCode: 400, code: 'malformed_json', message: 'request body is not valid JSON' }],
      ['FST_ERR_CTP_EMPTY_JSON_BODY', { statusCode: 400, code: 'empty_body', message: 'request body is empty' }],
      ['FST_ERR_CTP_INVALID_MEDIA_TYPE', { statusCode: 415, code: 'unsupported_media_type', message: 'send application/json' }],
    ] as const
  ).map(([code, body]) => [new errorCodes[code]().message, body]),
);

@Catch()
export class ErrorsFilter implements ExceptionFilter {
  /** `routes`: to answer a known path asked with another method 405 with `Allow`, not 404. */
  constructor(private readonly routes?: KnownRoutes) {}

  catch(error: unknown, host: ArgumentsHost): void {
    let body = toErrorBody(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (body.code === 'route_not_found' && this.routes) {
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      const allowed = this.routes.allowedMethods(request.url);
      // A method the path answers was not routed for another reason: that is a 404, never "not answered here".
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        body = { statusCode: 405, code: 'method_not_allowed', message: `${request.method} is not answered here; allowed: ${allowed.join(', ')}` };
        void reply.header('allow', allowed.join(', '));
      }
    }
    if (body.statusCode >= 500) {
      // With the request's logger: the line carries its reqId and correlationId.
      host.switchToHttp().getRequest<FastifyRequest>().log.error({ context: 'Errors' }, error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (body.statusCode === 401) void reply.header('www-authenticate', challengeOf(error));
    const retryAfter = retryAfterOf(body);
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}
