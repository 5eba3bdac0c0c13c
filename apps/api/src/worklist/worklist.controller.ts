import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { WorklistResponse } from '../people/people.response';
import { CsvExport } from '../http/csv-export';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { PeopleQueries } from '../people/queries/people-queries.service';
import { WorklistQueryDto } from './worklist.query.dto';

@ApiTags('worklist')
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('worklist')
export class WorklistController {
  constructor(private readonly people: PeopleQueries) {}

  @Get()
  @QueryDoc({
    operationId: 'getWorklist',
    summary: 'The actions due on the partnerships where the person is a school-side contact, most urgent first (SPEC §3.5)',
    ok: WorklistResponse,
    errors: { 404: ['person_not_found'] },
  })
  @CsvExport((body) => body.items)
  worklist(@Query() query: WorklistQueryDto, @AsOf() asOf: string) {
    return this.people.worklist(query.personId, asOf);
  }
}
