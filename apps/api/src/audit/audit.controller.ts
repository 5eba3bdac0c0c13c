import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { AuditQueryDto } from './audit-query.dto';
import { AuditResponse } from './audit.response';
import { AuditService } from './audit.service';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('audit')
@UseGuards(MinPositionGuard)
@Access('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @QueryDoc({
    operationId: 'listAudit',
    summary: 'Who recorded what and when (admin), newest first',
    description:
      'One entry per recorded event, from its metadata: the login (`sub`) and the person it is, when, the correlation ' +
      'and causation ids, and the ids the event is about with their names. Never the event’s contents: an erasure is ' +
      'listed as `PersonErased` with the person’s id and the name `[erased]`.',
    ok: AuditResponse,
    errors: { 400: ['invalid_cursor', 'invalid_from', 'invalid_to', 'invalid_period'] },
  })
  @CsvExport((body) => body.items)
  list(@Query() query: AuditQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean, @CallerScope() scope: Scope) {
    return this.audit.list(scope, query, asOf, csv);
  }
}
