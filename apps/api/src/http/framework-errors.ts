import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyServerOptions } from 'fastify';
import { ErrorBody } from './error-body';

/**
 * Fastify's router refuses some requests before Nest sees them: a path segment that is not valid percent-encoding
 * (`/api/people/%E0%A4%A`) and a path parameter longer than `maxParamLength` (100). By default it answers those in its
 * own shape (`{ error, code: 'FST_ERR_…', message }`, the second with 414). Here they are answered like every other
 * refusal: 400 with `{ statusCode, code, message }`, as a path id that is not a UUID is.
 */
export function frameworkErrorBody(error: Pick<FastifyError, 'code'>): ErrorBody {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return { statusCode: 400, code: 'malformed_url', message: 'the path is not valid percent-encoding' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { statusCode: 400, code: 'invalid_id', message: 'a path parameter is longer than any id (100 characters)' };
    default:
      return { statusCode: 400, code: 'bad_request', message: 'the request could not be routed' };
  }
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (`clientError`): a raw non-ASCII character or a
 * space in the URL, a malformed request line, headers over Node's limit (431). Fastify's default answer to those is
 * `{ error, message: 'Client Error', statusCode }`; here they get the API's error shape like every other refusal.
 */
export function clientErrorBody(error: { code?: string }): ErrorBody {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { statusCode: 431, code: 'headers_too_large', message: 'the request headers are larger than this server accepts' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { statusCode: 408, code: 'request_timeout', message: 'the request was not received in time' };
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_CONSTANT':
      return { statusCode: 400, code: 'malformed_url', message: 'the request line could not be read: percent-encode anything that is not ASCII in the URL' };
    default:
      return { statusCode: 400, code: 'malformed_request', message: 'the request could not be read as HTTP/1.1' };
  }
}

function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const answer = clientErrorBody(error);
    const body = JSON.stringify(answer);
    socket.write(
      `HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Options for the FastifyAdapter: router and HTTP-parser refusals in the API's error shape. */
export const fastifyRouterOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> = {
  clientErrorHandler: answerClientError,
  frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => {
    const body = frameworkErrorBody(error);
    void reply.status(body.statusCode).header('x-content-type-options', 'nosniff').send(body);
  },
} as Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'>;
