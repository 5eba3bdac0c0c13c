import { applyDecorators, CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor, SetMetadata, StreamableFile, UseInterceptors } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough, Readable } from 'node:stream';
import { Observable, switchMap } from 'rxjs';
import { dutchDay } from './dutch-time';
import { ExportDefinition, exportDefinition } from '../exports/export-column-sets';
import { writeXlsx, XLSX_MEDIA_TYPE } from '../exports/xlsx';
import { ApiCsv } from './api-doc';
import { csvChunks, toCsv } from './csv';
import { type ExportRows, isPaged } from '../exports/export-rows';

export const CSV_ROWS = Symbol('csv-rows');
type RowsOf = (body: any) => ExportRows;

export type SheetFormat = 'csv' | 'xlsx';
export const QUERY_FORMATS = ['json', 'csv', 'xlsx'] as const;

/**
 * SPEC §3.6, §8: every list and report also answers as CSV (`Accept: text/csv`, `?format=csv`) or as an Excel
 * workbook (`?format=xlsx`, `Accept: <the xlsx media type>`); undefined for JSON.
 */
export function sheetFormat(request: FastifyRequest): SheetFormat | undefined {
  const format = (request.query as Record<string, unknown> | undefined)?.format;
  if (format === 'csv' || format === 'xlsx') return format;
  if (format !== undefined) return undefined;
  const accept = request.headers.accept ?? '';
  if (accept.includes(XLSX_MEDIA_TYPE)) return 'xlsx';
  return /\btext\/csv\b/.test(accept) ? 'csv' : undefined;
}

/** True when the client asked for a spreadsheet (CSV or xlsx): lists then export every matching row instead of one page. */
export const WantsCsv = createParamDecorator((_: unknown, ctx: ExecutionContext) => sheetFormat(ctx.switchToHttp().getRequest<FastifyRequest>()) !== undefined);

/** The route an export is declared for: the controller's path and the handler's, `/partnerships/:id/timeline`. */
export function exportRouteOf(controller: object, handler: object): string {
  const parts = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)] as (string | undefined)[];
  return `/${parts.flatMap((part) => (part ?? '').split('/')).filter(Boolean).join('/')}`;
}

/** A CSV export's file, written once per shared answer (the same list, FiguresCache): answers are never changed. */
const csvFiles = new WeakMap<readonly object[], Buffer>();

function csvOf(definition: ExportDefinition, rows: readonly object[]): Buffer {
  let file = csvFiles.get(rows);
  if (!file) csvFiles.set(rows, (file = Buffer.from(toCsv(definition.columns, rows), 'utf8')));
  return file;
}

/**
 * An xlsx export streamed to the client as it is written and zipped (SPEC §8), never held whole: the first bytes
 * leave before the last row is written. A failure while writing destroys the stream, which ends the reply there.
 */
function xlsxOf(definition: ExportDefinition, rows: ExportRows): StreamableFile {
  const stream = new PassThrough();
  writeXlsx(stream, definition.file, definition.columns, rows).catch(() => undefined);
  return new StreamableFile(stream, { type: XLSX_MEDIA_TYPE });
}

@Injectable()
export class CsvInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rowsOf = Reflect.getMetadata(CSV_ROWS, context.getHandler()) as RowsOf | undefined;
    const http = context.switchToHttp();
    const format = sheetFormat(http.getRequest<FastifyRequest>());
    if (!rowsOf || !format) return next.handle();
    const route = exportRouteOf(context.getClass(), context.getHandler());
    const definition = exportDefinition(route);
    if (!definition) throw new Error(`no export column set for ${route}`); // ExportsCheck refuses to start like this
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      switchMap((body: { asOf?: string }) => {
        const asOf = body.asOf ?? new Date().toISOString();
        void reply.header('x-as-of', asOf);
        void reply.header('content-disposition', `attachment; filename="${definition.file}-${dutchDay(asOf)}.${format}"`);
        if (format === 'csv') {
          const type = 'text/csv; charset=utf-8; header=present';
          void reply.header('content-type', type);
          const rows = rowsOf(body);
          return [isPaged(rows) ? new StreamableFile(Readable.from(csvChunks(definition.columns, rows)), { type }) : csvOf(definition, rows)];
        }
        void reply.header('content-type', XLSX_MEDIA_TYPE);
        return [xlsxOf(definition, rowsOf(body))];
      }),
    );
  }
}

/**
 * Marks a query route as exportable; `rowsOf` picks the rows of its JSON answer. Its columns are the route's set in
 * exports/export-column-sets.ts.
 */
export const CsvExport = (rowsOf: RowsOf) =>
  applyDecorators(
    SetMetadata(CSV_ROWS, rowsOf),
    UseInterceptors(CsvInterceptor),
    // `format` is in the route's query DTO (ExportQueryDto); the document adds text/csv and xlsx to its 200.
    ApiCsv(),
  );
