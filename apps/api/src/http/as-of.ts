import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * "Now" as the default asOf, to the whole second and rounded up: anything recorded before the request still counts,
 * and the requests of one second ask the same question, so a dashboard's repeated reports share one computation
 * (FiguresCache). The answer names the asOf it was computed for.
 */
export const currentAsOf = (now = Date.now()): string => new Date(Math.ceil(now / 1000) * 1000).toISOString();

export function parseAsOf(value: unknown): string {
  if (value === undefined || value === '') return currentAsOf();
  const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw new BadRequestException({
      statusCode: 400,
      code: 'invalid_as_of',
      message: 'asOf must be an ISO-8601 date, e.g. 2026-06-01',
      errors: [{ field: 'asOf', messages: ['must be an ISO-8601 date'] }],
    });
  }
  return new Date(time).toISOString();
}

/** `?asOf=<ISO date>`, default now (SPEC §3): the date every time-dependent figure is computed for. */
export const AsOf = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  parseAsOf((ctx.switchToHttp().getRequest<FastifyRequest>().query as Record<string, unknown>).asOf),
);
