import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { ApiAsOf, AsOf } from '../http/as-of';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { ListPeopleQueryDto } from './queries/list-people.query.dto';
import { PeopleQueries } from './queries/people-queries.service';

@ApiTags('people')
@ApiHeader({ name: 'X-Min-Position', required: false, description: 'wait until the read models include this log position' })
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('people')
export class PeopleQueriesController {
  constructor(private readonly queries: PeopleQueries) {}

  @Get()
  @ApiOperation({ summary: 'People with their organisation, role and tier' })
  @CsvExport((body) => body.items)
  list(@Query() query: ListPeopleQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean) {
    return this.queries.list(query, asOf, csv);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person' })
  @ApiAsOf()
  get(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.get(id, asOf);
  }

  @Get(':id/exposure')
  @ApiOperation({ summary: 'Where the relation hangs on this person, and what breaks if they leave (SPEC §3.3)' })
  @CsvExport((body) => body.departureImpact)
  @ApiAsOf()
  exposure(@UuidParam('id') id: string, @AsOf() asOf: string) {
    return this.queries.exposure(id, asOf);
  }
}
