import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { withETag } from '../http/etag';
import { AsOfQueryDto } from '../http/list-query.dto';
import { OrganisationDetailResponse, OrganisationListResponse } from './organisations.response';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { ListOrganisationsQueryDto } from './queries/list-organisations.query.dto';
import { OrganisationQueries } from './queries/organisation-queries.service';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('organisations')
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('organisations')
export class OrganisationQueriesController {
  constructor(private readonly queries: OrganisationQueries) {}

  @Get()
  @QueryDoc({ operationId: 'listOrganisations', summary: 'Schools, companies, municipalities and networks', ok: OrganisationListResponse, errors: { 400: ['invalid_cursor'] } })
  @CsvExport((body) => body.items)
  list(@Query() query: ListOrganisationsQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean, @CallerScope() scope: Scope) {
    return this.queries.list(scope, query, asOf, csv);
  }

  @Get(':id')
  @QueryDoc({
    operationId: 'getOrganisation',
    summary: 'One organisation, with counts of its partnerships and people',
    ok: OrganisationDetailResponse,
    errors: { 404: ['organisation_not_found'] },
    etag: true,
  })
  async get(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.get(scope, id, asOf));
  }
}
