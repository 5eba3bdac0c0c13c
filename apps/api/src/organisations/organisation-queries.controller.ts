import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { ApiAsOf, AsOf } from '../http/as-of';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { ListOrganisationsQueryDto } from './queries/list-organisations.query.dto';
import { OrganisationQueries } from './queries/organisation-queries.service';

@ApiTags('organisations')
@ApiHeader({ name: 'X-Min-Position', required: false, description: 'wait until the read models include this log position' })
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('organisations')
export class OrganisationQueriesController {
  constructor(private readonly queries: OrganisationQueries) {}

  @Get()
  @ApiOperation({ summary: 'Schools, companies, municipalities and networks' })
  @CsvExport((body) => body.items)
  list(@Query() query: ListOrganisationsQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean) {
    return this.queries.list(query, asOf, csv);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organisation, with counts of its partnerships and people' })
  @ApiAsOf()
  get(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.get(id, asOf);
  }
}
