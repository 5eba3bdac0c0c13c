import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { withETag } from '../http/etag';
import { AsOfQueryDto, ExportQueryDto } from '../http/list-query.dto';
import { PeopleListResponse, PersonDetailResponse, PersonExposureResponse } from './people.response';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { ListPeopleQueryDto } from './queries/list-people.query.dto';
import { PeopleQueries } from './queries/people-queries.service';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('people')
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('people')
export class PeopleQueriesController {
  constructor(private readonly queries: PeopleQueries) {}

  @Get()
  @QueryDoc({ operationId: 'listPeople', summary: 'People with their organisation, role and tier', ok: PeopleListResponse, errors: { 400: ['invalid_cursor'] } })
  @CsvExport((body) => body.items)
  list(@Query() query: ListPeopleQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean, @CallerScope() scope: Scope) {
    return this.queries.list(scope, query, asOf, csv);
  }

  @Get(':id')
  @QueryDoc({ operationId: 'getPerson', summary: 'One person, with the role and tier held at asOf', ok: PersonDetailResponse, errors: { 404: ['person_not_found'] }, etag: true })
  async get(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.get(scope, id, asOf));
  }

  @Get(':id/exposure')
  @QueryDoc({
    operationId: 'getPersonExposure',
    summary: 'Where the relation hangs on this person, and what breaks if they leave (SPEC §3.3)',
    ok: PersonExposureResponse,
    errors: { 404: ['person_not_found'] },
  })
  @CsvExport((body) => body.departureImpact)
  exposure(@UuidParam('id') id: string, @Query() _query: ExportQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.queries.exposure(scope, id, asOf);
  }
}
