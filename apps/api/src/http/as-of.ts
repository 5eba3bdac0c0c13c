import { BadRequestException, createParamDecorator, ExecutionContext, Inject, Injectable, PipeTransform } from '@nestjs/common';
import { endOfLocalDay, isDateOnly, localDayOf } from '@crm/domain';
import type { FastifyRequest } from 'fastify';
import { Settings, SETTINGS } from '../config/settings';

/**
 * "Now" as the default asOf, to the whole second and rounded up: anything recorded before the request still counts,
 * and the requests of one second ask the same question, so a dashboard's repeated reports share one computation
 * (FiguresCache). The answer names the asOf it was computed for.
 */
export const currentAsOf = (now = Date.now()): string => new Date(Math.ceil(now / 1000) * 1000).toISOString();

const invalidDate = (field: string, problem = 'must be an ISO-8601 date', example = ', e.g. 2026-06-01') =>
  new BadRequestException({
    statusCode: 400,
    code: `invalid_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`,
    message: `${field} ${problem}${example}`,
    errors: [{ field, messages: [problem] }],
  });

/**
 * A date as an asOf (SPEC §1 R2): a day is the end of that day in the time zone, an instant as given; a full UTC ISO
 * string. An instant whose day in the time zone is not in the years 0000–9999 (9999-12-31T23:30Z is in 10000 in
 * Amsterdam) is refused like a malformed date: the formulas count in such days.
 */
export function asOfInstant(value: string, timeZone: string, field = 'asOf'): string {
  const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw invalidDate(field);
  const instant = isDateOnly(value) ? endOfLocalDay(value, timeZone) : new Date(time).toISOString();
  if (!isDateOnly(localDayOf(instant, timeZone))) throw invalidDate(field, `must fall on a day from 0000-01-01 to 9999-12-31 in ${timeZone}`, '');
  return instant;
}

export function parseAsOf(value: unknown, timeZone: string): string {
  if (value === undefined || value === '') return currentAsOf();
  if (typeof value !== 'string') throw invalidDate('asOf');
  return asOfInstant(value, timeZone);
}

/** Resolves `?asOf` with the configured TIME_ZONE. */
@Injectable()
export class AsOfPipe implements PipeTransform<unknown, string> {
  constructor(@Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>) {}

  transform(value: unknown): string {
    return parseAsOf(value, this.settings.timeZone);
  }
}

const asOfParameter = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => (ctx.switchToHttp().getRequest<FastifyRequest>().query as Record<string, unknown>).asOf,
);

/** `?asOf=<ISO date>`, default now (SPEC §3): the moment every time-dependent figure is computed for. */
export const AsOf = (): ParameterDecorator => asOfParameter(AsOfPipe);
