import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyInstance, FastifyRequest, FastifyServerOptions, LogController } from 'fastify';
import { Logger } from './logger';

declare module 'fastify' {
  interface FastifyRequest {
    /** X-Correlation-Id of the request, or one made for it; stamped on the events it records and on its log lines. */
    correlationId: string;
  }
}

/** Longest X-Correlation-Id taken from a client (the command envelope refuses longer ones with 400). */
export const MAX_CORRELATION_ID = 200;

/** An X-Request-Id a client or proxy sends is kept when it looks like an id; otherwise the server makes one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Routes polled by machines (orchestrator, scraper): their request lines are debug, not info. */
const QUIET_ROUTES = new Set(['/health', '/metrics']);

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function requestIdOf(raw: IncomingMessage): string {
  const given = header(raw.headers['x-request-id']);
  return given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
}

export function correlationIdOf(request: Pick<FastifyRequest, 'headers'>): string {
  const given = header(request.headers['x-correlation-id']);
  return given !== undefined && given.length > 0 && given.length <= MAX_CORRELATION_ID ? given : randomUUID();
}

/** The correlation id worked out with a request's logger, before any hook runs. */
const CORRELATION_ID = Symbol('correlationId');
type RawWithCorrelation = IncomingMessage & { [CORRELATION_ID]?: string };

/**
 * Fastify server options: its logger is ours, request ids as above, and no built-in request lines (ours follow).
 * Each request gets one child logger carrying both its reqId and its correlationId (pino serialises a child's
 * bindings when it is made, so one child instead of two per request).
 */
export function fastifyLogging(logger: Logger): Pick<FastifyServerOptions, 'loggerInstance' | 'genReqId' | 'logController' | 'childLoggerFactory'> {
  return {
    loggerInstance: logger,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'reqId', disableRequestLogging: true }),
    childLoggerFactory: (parent, bindings, options, raw) => {
      const correlationId = correlationIdOf(raw as IncomingMessage);
      (raw as RawWithCorrelation)[CORRELATION_ID] = correlationId;
      return parent.child({ ...bindings, correlationId }, options);
    },
  };
}

/**
 * One JSON line per request, when it is answered: reqId, correlationId, method, route (the pattern, e.g.
 * `/api/partnerships/:id`, never the URL with its ids and query), status and durationMs. Nothing of the body, the
 * query or the Authorization header is logged. Both ids are answered as X-Request-Id and X-Correlation-Id, and every
 * line logged about the request (with `request.log`) carries them.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as RawWithCorrelation;
    if (raw[CORRELATION_ID] !== undefined) {
      request.correlationId = raw[CORRELATION_ID];
    } else {
      // A logger made elsewhere (not by fastifyLogging's factory): add the id here.
      request.correlationId = correlationIdOf(request);
      request.log = request.log.child({ correlationId: request.correlationId });
      reply.log = request.log;
    }
    void reply.header('x-request-id', request.id).header('x-correlation-id', request.correlationId);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? null;
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : route !== null && QUIET_ROUTES.has(route) ? 'debug' : 'info';
    request.log[level]({ method: request.method, route, status, durationMs: Math.round(reply.elapsedTime * 10) / 10 }, 'request completed');
    done();
  });
}
