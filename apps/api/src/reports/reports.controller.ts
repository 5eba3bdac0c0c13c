import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { AsOf } from '../http/as-of';
import { CsvExport } from '../http/csv-export';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { ContinuityReportQueryDto, KeyPersonRiskReportQueryDto, LevelsHistoryQueryDto, ReportQueryDto } from './reports.query.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiHeader({ name: 'X-Min-Position', required: false, description: 'wait until the read models include this log position' })
@UseGuards(MinPositionGuard)
@Access('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('levels')
  @ApiOperation({ summary: 'Commitment to partnerships per school level (SPEC §3.4), optionally for one school or region' })
  @CsvExport((body) => body.levels)
  levels(@Query() query: ReportQueryDto, @AsOf() asOf: string) {
    return this.reports.levels(query, asOf);
  }

  @Get('levels/history')
  @ApiOperation({ summary: 'The levels report at each month from `from` to `to`, for charts (SPEC §3.7); the filters of the levels report' })
  levelsHistory(@Query() query: LevelsHistoryQueryDto) {
    return this.reports.levelsHistory(query);
  }

  @Get('key-person-risk')
  @ApiOperation({ summary: 'Key-person risk of every running partnership, highest school-side risk first' })
  @CsvExport((body) => body.items)
  keyPersonRisk(@Query() query: KeyPersonRiskReportQueryDto, @AsOf() asOf: string) {
    return this.reports.keyPersonRisk(query, asOf);
  }

  @Get('continuity')
  @ApiOperation({ summary: 'Contact-person continuity of every running partnership, orphaned first' })
  @CsvExport((body) => body.items)
  continuity(@Query() query: ContinuityReportQueryDto, @AsOf() asOf: string) {
    return this.reports.continuity(query, asOf);
  }
}
