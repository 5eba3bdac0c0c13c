import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { AsOf } from '../http/as-of';
import { CsvExport } from '../http/csv-export';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { PeopleQueries } from '../people/queries/people-queries.service';
import { WorklistQueryDto } from './worklist.query.dto';

@ApiTags('worklist')
@ApiHeader({ name: 'X-Min-Position', required: false, description: 'wait until the read models include this log position' })
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('worklist')
export class WorklistController {
  constructor(private readonly people: PeopleQueries) {}

  @Get()
  @ApiOperation({ summary: 'The actions due on the partnerships where the person is a school-side contact, most urgent first (SPEC §3.5)' })
  @CsvExport((body) => body.items)
  worklist(@Query() query: WorklistQueryDto, @AsOf() asOf: string) {
    return this.people.worklist(query.personId, asOf);
  }
}
