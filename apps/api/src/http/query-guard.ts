import { BadRequestException, CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { FastifyRequest } from 'fastify';

/**
 * The query surface (and the shape of bodies), hardened in three layers:
 *
 * 1. Here, for every route: query parameter names are plain words and values are text. Fastify's query-string
 *    parser does not build objects from brackets (`?status[$ne]=x` is a parameter literally named `status[$ne]`),
 *    but this check does not rely on that: a name with `$`, brackets or dots, a prototype name, or a value that is
 *    not text (as another parser would make of `a[b]=c`) is refused with 400 `invalid_query_parameter`.
 * 2. The query DTOs (ValidationPipe, whitelist + forbidNonWhitelisted): only documented parameters, enums for
 *    `sort` and every closed vocabulary, `limit` capped at MAX_PAGE_SIZE, a repeated parameter is an array and fails
 *    its string or enum check. Free text is matched literally (escaped for regular expressions, or compared with
 *    `includes`).
 * 3. `assertPlainFilter`, where filters enter the read store: only the operators the services use.
 */

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const refuse = (field: string, message: string) =>
  new BadRequestException({
    statusCode: 400,
    code: 'invalid_query_parameter',
    message,
    errors: [{ field, messages: [message] }],
  });

export function checkQueryParameters(query: unknown): void {
  if (query === undefined || query === null) return;
  if (typeof query !== 'object') throw refuse('query', 'the query string could not be read');
  for (const name of Object.keys(query)) {
    if (!NAME.test(name) || PROTOTYPE_NAMES.has(name)) {
      throw refuse(name.slice(0, 100), `query parameter "${name.slice(0, 100)}" is not one this API knows: names are plain words (no operators, brackets or dots)`);
    }
    const value = (query as Record<string, unknown>)[name];
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string')) throw refuse(name, `query parameter ${name} must be text`);
  }
}

/** No command body nests deeper than 2 (an object of lists); 16 leaves room for any reasonable client. */
export const MAX_BODY_DEPTH = 16;

/**
 * Refuses a JSON body nested deeper than MAX_BODY_DEPTH with 400 `body_too_deep`. JSON.parse copes with deep nesting,
 * but validation and transformation walk bodies recursively: `{"name":[[[…]]]}` ten thousand levels deep (20 KB)
 * overflowed the stack there and was answered 500. Walks the body with its own stack, so this check cannot overflow.
 */
export function checkBodyDepth(body: unknown, max = MAX_BODY_DEPTH): void {
  if (typeof body !== 'object' || body === null) return;
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > max) {
      throw new BadRequestException({ statusCode: 400, code: 'body_too_deep', message: `request body nests deeper than ${max} levels` });
    }
    for (const inner of Object.values(value as object)) if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
  }
}

/**
 * Layer 1 above for every route, and the nesting of JSON bodies. Installed as the last global guard: it runs after
 * the AuthGuard and the rate limit, before the pipes and parameter decorators that read query and body. (A guard, not
 * an interceptor: with no interceptor on a route, Nest answers it without wrapping the handler in observables.)
 */
/**
 * Whether a handler reads its query string through a DTO (`@Query() query: SomeDto`), which the ValidationPipe
 * whitelists. A handler without one takes no query parameters at all, so any is refused here (SPEC §4: every route
 * refuses unknown query parameters).
 */
const takesQueryDto = new WeakMap<object, boolean>();
function hasQueryDto(context: ExecutionContext): boolean {
  const handler = context.getHandler();
  let known = takesQueryDto.get(handler);
  if (known === undefined) {
    const args: Record<string, { data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {};
    known = Object.entries(args).some(([key, arg]) => key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined);
    takesQueryDto.set(handler, known);
  }
  return known;
}

@Injectable()
export class RequestShapeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      checkQueryParameters(request.query);
      const names = Object.keys((request.query as object | undefined) ?? {});
      if (names.length > 0 && !hasQueryDto(context)) {
        const name = names[0].slice(0, 100);
        throw refuse(name, `query parameter "${name}" is not one this route takes: it takes none`);
      }
      checkBodyDepth(request.body);
    }
    return true;
  }
}

/** The operators the query services put in read-store filters; anything else never reaches the store. */
const OPERATORS = new Set(['$in', '$all', '$regex', '$options', '$or', '$gt', '$gte', '$lt', '$lte']);
/** Range operators (the audit trail's period and its pages), each with one value. */
const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

const invalid = (message: string) =>
  new BadRequestException({ statusCode: 400, code: 'invalid_query', message: `query refused: ${message}` });

function checkCondition(field: string, condition: unknown): void {
  if (isScalar(condition)) return;
  if (typeof condition !== 'object' || Array.isArray(condition) || Object.getPrototypeOf(condition) !== Object.prototype) {
    throw invalid(`${field} must be compared with a value`);
  }
  for (const [operator, operand] of Object.entries(condition as object)) {
    if (!OPERATORS.has(operator) || operator === '$or') throw invalid(`operator ${operator} is not allowed`);
    if (operator === '$in' && !(Array.isArray(operand) && operand.every(isScalar))) throw invalid(`$in on ${field} takes a list of values`);
    if (operator === '$all' && !(Array.isArray(operand) && operand.length > 0 && operand.every(isScalar))) throw invalid(`$all on ${field} takes a list of values`);
    if (operator === '$regex' && typeof operand !== 'string') throw invalid(`$regex on ${field} takes text`);
    if (RANGE.has(operator) && !(typeof operand === 'string' || (typeof operand === 'number' && Number.isFinite(operand)))) {
      throw invalid(`${operator} on ${field} takes one text or number`);
    }
    if (operator === '$options' && operand !== 'i') throw invalid(`$options on ${field} may only be "i"`);
  }
}

/**
 * Throws 400 `invalid_query` unless `filter` is a plain MongoDB equality/`$in`/`$all`/`$regex`/`$or`/range filter over
 * ordinary field names: no `$where`, `$function`, `$expr`, `$accumulator` or other operator, no `$`-field, no
 * object where a value belongs. The services build filters only from validated parameters; this makes sure a
 * later mistake there cannot hand the store an operator.
 */
export function assertPlainFilter(filter: unknown, depth = 0): void {
  if (depth > 4) throw invalid('filter nested too deeply');
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter) || Object.getPrototypeOf(filter) !== Object.prototype) {
    throw invalid('a filter is an object of fields');
  }
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$or') {
      if (!Array.isArray(condition) || condition.length === 0) throw invalid('$or takes a list of filters');
      condition.forEach((inner) => assertPlainFilter(inner, depth + 1));
    } else if (FIELD.test(key)) {
      checkCondition(key, condition);
    } else {
      throw invalid(`${key.startsWith('$') ? 'operator' : 'field'} ${key} is not allowed`);
    }
  }
}

/** `filter`, after assertPlainFilter. */
export function plainFilter<F>(filter: F): F {
  assertPlainFilter(filter);
  return filter;
}
