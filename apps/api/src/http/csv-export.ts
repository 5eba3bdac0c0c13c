import { applyDecorators, CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { ApiCsv } from './api-doc';
import { toCsv } from './csv';

export const CSV_ROWS = Symbol('csv-rows');
type RowsOf = (body: any) => object[];

/** SPEC §3.6: every list and report also answers as CSV, to `Accept: text/csv` or `?format=csv`. */
export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as Record<string, unknown> | undefined)?.format;
  return format === 'csv' || /\btext\/csv\b/.test(request.headers.accept ?? '');
}

/** True when the client asked for CSV: lists then export every matching row instead of one page. */
export const WantsCsv = createParamDecorator((_: unknown, ctx: ExecutionContext) => wantsCsv(ctx.switchToHttp().getRequest<FastifyRequest>()));

/**
 * The CSV of a list of rows, encoded: an export asked again of a shared answer (the same list, FiguresCache) is
 * written and encoded once. Answers are never changed after they are made.
 */
const csvByRows = new WeakMap<readonly object[], Buffer>();
function csvOf(rows: readonly object[]): Buffer {
  let csv = csvByRows.get(rows);
  if (!csv) {
    csv = Buffer.from(toCsv(rows), 'utf8');
    csvByRows.set(rows, csv);
  }
  return csv;
}

@Injectable()
export class CsvInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rowsOf = this.reflector.get<RowsOf>(CSV_ROWS, context.getHandler());
    const http = context.switchToHttp();
    if (!rowsOf || !wantsCsv(http.getRequest<FastifyRequest>())) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body) => {
        void reply.header('content-type', 'text/csv; charset=utf-8');
        void reply.header('content-disposition', `attachment; filename="${context.getHandler().name}.csv"`);
        return csvOf(rowsOf(body));
      }),
    );
  }
}

/** Marks a query route as exportable; `rowsOf` picks the rows of its JSON answer. */
export const CsvExport = (rowsOf: RowsOf) =>
  applyDecorators(
    SetMetadata(CSV_ROWS, rowsOf),
    UseInterceptors(CsvInterceptor),
    // `format` is in the route's query DTO (ExportQueryDto); the document adds text/csv to its 200.
    ApiCsv(),
  );
