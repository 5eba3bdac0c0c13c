import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { ApiAsOf, AsOf } from '../http/as-of';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { HealthHistoryQueryDto } from './queries/health-history.query.dto';
import { ListPartnershipsQueryDto } from './queries/list-partnerships.query.dto';
import { PartnershipQueries } from './queries/partnership-queries.service';
import { TimelineQuery } from './queries/timeline.query';
import { TimelineQueryDto } from './queries/timeline.query.dto';

@ApiTags('partnerships')
@ApiHeader({ name: 'X-Min-Position', required: false, description: 'wait until the read models include this log position (read-your-writes)' })
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('partnerships')
export class PartnershipQueriesController {
  constructor(
    private readonly queries: PartnershipQueries,
    private readonly timelines: TimelineQuery,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Partnerships with school, partner, levels, stage, intensity, health and school-side key-person risk as of asOf' })
  @CsvExport((body) => body.items)
  list(@Query() query: ListPartnershipsQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean) {
    return this.queries.list(query, asOf, csv);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership: summary incl. health status' })
  @ApiAsOf()
  get(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.summary(id, asOf);
  }

  @Get(':id/health')
  @ApiOperation({ summary: 'Relationship health: score, status, trend and every component with its reason (SPEC §3.1)' })
  @ApiAsOf()
  health(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.health(id, asOf);
  }

  @Get(':id/health/history')
  @ApiOperation({
    summary: 'Relationship health at each week or month from `from` to `to`, for charts (SPEC §3.7): score, status, trend and component scores per step',
  })
  healthHistory(@UuidParam('id') id: string, @Query() query: HealthHistoryQueryDto) {
    return this.queries.healthHistory(id, query);
  }

  @Get(':id/continuity')
  @ApiOperation({ summary: 'Contact-person continuity per side: primary, backups, handovers, gaps, orphaned (SPEC §3.2)' })
  @ApiAsOf()
  continuity(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.continuity(id, asOf);
  }

  @Get(':id/key-person-risk')
  @ApiOperation({ summary: 'Key-person dependency per side (SPEC §3.3)' })
  @ApiAsOf()
  keyPersonRisk(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.keyPersonRisk(id, asOf);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every event of the partnership, oldest first, with who recorded it' })
  @CsvExport((body) => body.items)
  timeline(@UuidParam('id') id: string, @Query() query: TimelineQueryDto, @WantsCsv() csv: boolean) {
    const after = query.cursor === undefined ? -1 : Number(query.cursor);
    return this.timelines.timeline(id, after, csv ? Number.MAX_SAFE_INTEGER : (query.limit ?? 100));
  }
}
