import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-doc';
import { ImportReportResponse } from './imports.response';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../auth/access.decorators';
import { Envelope } from '../http/command-envelope.decorator';
import { CommandEnvelope } from '../write-side/command-envelope';
import { XLSX_MEDIA_TYPE } from '../exports/xlsx';
import { IMPORT_FIELDS } from './import-columns';
import { ImportQueryDto, TemplateQueryDto } from './import-query.dto';
import { csvTemplate, xlsxTemplate } from './import-templates';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, SheetError } from './sheet-errors';
import { SheetImports } from './sheet-imports.service';
import { readUpload } from './sheet-upload';

function parseMapping(raw: string | undefined): Record<string, string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let mapping: unknown;
  try {
    mapping = JSON.parse(raw);
  } catch {
    throw new SheetError(400, 'invalid_mapping', 'mapping must be a JSON object of sheet header → field, e.g. {"Bedrijfsnaam": "name"}');
  }
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping) || Object.values(mapping).some((v) => typeof v !== 'string')) {
    throw new SheetError(400, 'invalid_mapping', 'mapping must be a JSON object of sheet header → field, e.g. {"Bedrijfsnaam": "name"}');
  }
  return mapping as Record<string, string>;
}

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: SheetImports) {}

  @Post()
  @Access('organisations')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'importSheet',
    summary: 'Import organisations, people and partnerships with their contacts from a CSV or xlsx sheet (SPEC §8)',
    description: `A dry run (default) reports per row what would be created, matched or refused; dryRun=false writes every row or none. At most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB and ${MAX_IMPORT_ROWS} rows (413). Columns and headers: docs/imports.md.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'the sheet: .xlsx or .csv' },
        mapping: { type: 'string', description: `JSON object, sheet header → field (${IMPORT_FIELDS.join(', ')}; '' ignores a column)`, example: '{"Bedrijfsnaam":"name"}' },
      },
    },
  })
  @ApiResponse({ status: 200, type: ImportReportResponse, description: 'the row report (dry run, or a commit that wrote nothing new)' })
  @ApiResponse({ status: 201, type: ImportReportResponse, description: 'committed: every row written; the report names the log position' })
  @ApiErrors({
    400: ['file_missing', 'invalid_mapping', 'malformed_upload', 'invalid_query_parameter'],
    413: ['file_too_large', 'too_many_rows', 'too_many_parts'],
    415: ['not_a_spreadsheet', 'unsupported_spreadsheet', 'multipart_required'],
    // import_refused: some rows were refused and nothing was written; the row report (ImportReport) is under `report`.
    422: ['import_refused', 'empty_sheet', 'merged_cells', 'name_column_missing', 'duplicate_column', 'unknown_field', 'malformed_csv'],
    503: ['read_models_behind'],
  })
  async import(@Query() query: ImportQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Envelope() envelope: CommandEnvelope) {
    const { file, fields } = await readUpload(request);
    const dryRun = query.dryRun !== 'false';
    const report = await this.imports.import(file, { dryRun, mapping: parseMapping(fields.mapping) }, envelope);
    if (!dryRun && !report.committed) {
      void reply.status(422);
      return { statusCode: 422, code: 'import_refused', message: `${report.summary.refused} of ${report.summary.rows} rows refused; nothing was written`, report };
    }
    if (report.position !== null) void reply.status(201);
    return report;
  }

  @Get('template')
  @Access('read')
  @ApiOperation({ operationId: 'getImportTemplate', summary: 'An import template with every column and an example school and company row' })
  @ApiResponse({
    status: 200,
    description: 'the template (Content-Disposition: attachment)',
    content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async template(@Query() query: TemplateQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = query.format ?? 'xlsx';
    void reply.header('content-disposition', `attachment; filename="import-template.${format}"`);
    void reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8; header=present' : XLSX_MEDIA_TYPE);
    return format === 'csv' ? csvTemplate() : await xlsxTemplate();
  }
}
