import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { ContinuityReportResponse, KeyPersonRiskReportResponse, LevelsHistoryResponse, LevelsReportResponse } from './reports.response';
import { CsvExport } from '../http/csv-export';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { ContinuityReportQueryDto, KeyPersonRiskReportQueryDto, LevelsHistoryQueryDto, ReportQueryDto } from './reports.query.dto';
import { ReportsService } from './reports.service';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('reports')
@UseGuards(MinPositionGuard)
@Access('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('levels')
  @Access('aggregates')
  @QueryDoc({
    operationId: 'getLevelsReport',
    summary: 'Commitment to partnerships per school level (SPEC §3.4), optionally for one school or region',
    ok: LevelsReportResponse,
  })
  @CsvExport((body) => body.levels)
  levels(@Query() query: ReportQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.reports.levels(scope, query, asOf);
  }

  @Get('levels/history')
  @Access('aggregates')
  @QueryDoc({
    operationId: 'getLevelsHistory',
    summary: 'The levels report at each month from `from` to `to`, for charts (SPEC §3.7); the filters of the levels report',
    ok: LevelsHistoryResponse,
    errors: { 400: ['invalid_history_range', 'history_too_long'] },
  })
  levelsHistory(@Query() query: LevelsHistoryQueryDto, @CallerScope() scope: Scope) {
    return this.reports.levelsHistory(scope, query);
  }

  @Get('key-person-risk')
  @QueryDoc({
    operationId: 'getKeyPersonRiskReport',
    summary: 'Key-person risk of every running partnership, highest school-side risk first',
    ok: KeyPersonRiskReportResponse,
  })
  @CsvExport((body) => body.items)
  keyPersonRisk(@Query() query: KeyPersonRiskReportQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.reports.keyPersonRisk(scope, query, asOf);
  }

  @Get('continuity')
  @QueryDoc({ operationId: 'getContinuityReport', summary: 'Contact-person continuity of every running partnership, orphaned first', ok: ContinuityReportResponse })
  @CsvExport((body) => body.items)
  continuity(@Query() query: ContinuityReportQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.reports.continuity(scope, query, asOf);
  }
}
