import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { CurrentUser } from '../auth/current-user';
import { AuthenticatedUser } from '../auth/token-verifier';
import { Callers } from '../me/callers';
import { AsOf } from '../http/as-of';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
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
    private readonly callers: Callers,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Partnerships with school, partner, levels, stage, intensity, health and school-side key-person risk as of asOf' })
  @CsvExport((body) => body.items)
  async list(@Query() query: ListPartnershipsQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean, @CurrentUser() user: AuthenticatedUser) {
    const contact = query.contact === 'me' ? await this.callers.requirePersonId(user, 'partnerships') : query.contact;
    return this.queries.list(query, asOf, csv, contact);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership: summary incl. health status' })
  get(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.summary(id, asOf);
  }

  @Get(':id/health')
  @ApiOperation({ summary: 'Relationship health: score, status, trend and every component with its reason (SPEC §3.1)' })
  health(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.health(id, asOf);
  }

  @Get(':id/continuity')
  @ApiOperation({ summary: 'Contact-person continuity per side: primary, backups, handovers, gaps, orphaned (SPEC §3.2)' })
  continuity(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.continuity(id, asOf);
  }

  @Get(':id/key-person-risk')
  @ApiOperation({ summary: 'Key-person dependency per side (SPEC §3.3)' })
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
