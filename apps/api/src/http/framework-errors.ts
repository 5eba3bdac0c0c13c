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

/** Options for the FastifyAdapter: router refusals in the API's error shape. */
export const fastifyRouterOptions: Pick<FastifyServerOptions, 'frameworkErrors'> = {
  frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => {
    const body = frameworkErrorBody(error);
    void reply.status(body.statusCode).header('x-content-type-options', 'nosniff').send(body);
  },
} as Pick<FastifyServerOptions, 'frameworkErrors'>;
