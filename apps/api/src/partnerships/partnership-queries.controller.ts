import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { CurrentUser } from '../auth/current-user';
import { AuthenticatedUser } from '../auth/token-verifier';
import { Callers } from '../me/callers';
import { QueryDoc } from '../http/api-doc';
import { Settings, SETTINGS } from '../config/settings';
import { AsOf, parseAsOf } from '../http/as-of';
import { withETag } from '../http/etag';
import { AsOfQueryDto } from '../http/list-query.dto';
import { CsvExport, WantsCsv } from '../http/csv-export';
import { UuidParam } from '../http/uuid-param';
import { MinPositionGuard } from '../read-side/min-position.guard';
import {
  PartnershipContinuityResponse,
  PartnershipDetailResponse,
  HealthHistoryResponse,
  PartnershipHealthResponse,
  PartnershipKeyPersonRiskResponse,
  PartnershipListResponse,
  PartnershipRecurringCooperationResponse,
  TimelineResponse,
} from './partnerships.response';
import { HealthHistoryQueryDto } from './queries/health-history.query.dto';
import { ListPartnershipsQueryDto } from './queries/list-partnerships.query.dto';
import { PartnershipQueries } from './queries/partnership-queries.service';
import { TimelineQuery } from './queries/timeline.query';
import { TimelineQueryDto } from './queries/timeline.query.dto';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

@ApiTags('partnerships')
@UseGuards(MinPositionGuard)
@Access('read')
@Controller('partnerships')
export class PartnershipQueriesController {
  constructor(
    private readonly queries: PartnershipQueries,
    private readonly timelines: TimelineQuery,
    private readonly callers: Callers,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  @Get()
  @QueryDoc({
    operationId: 'listPartnerships',
    summary: 'Partnerships with school, partner, levels, stage, intensity, health and school-side key-person risk as of asOf',
    ok: PartnershipListResponse,
    errors: { 400: ['invalid_cursor'], 404: ['login_not_linked'] },
  })
  @CsvExport((body) => body.items)
  async list(@Query() query: ListPartnershipsQueryDto, @AsOf() asOf: string, @WantsCsv() csv: boolean, @CurrentUser() user: AuthenticatedUser, @CallerScope() scope: Scope) {
    const contact = query.contact === 'me' ? await this.callers.requirePersonId(user, 'partnerships') : query.contact;
    return this.queries.list(scope, query, asOf, csv, contact);
  }

  @Get(':id')
  @QueryDoc({ operationId: 'getPartnership', summary: 'One partnership: summary incl. health status', ok: PartnershipDetailResponse, errors: { 404: ['partnership_not_found'] }, etag: true })
  async get(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.summary(scope, id, asOf));
  }

  @Get(':id/health')
  @QueryDoc({
    operationId: 'getPartnershipHealth',
    summary: 'Relationship health: score, status, trend and every component with its reason (SPEC §3.1)',
    ok: PartnershipHealthResponse,
    errors: { 404: ['partnership_not_found'] },
    etag: true,
  })
  async health(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.health(scope, id, asOf));
  }

  @Get(':id/health/history')
  @QueryDoc({
    operationId: 'getPartnershipHealthHistory',
    summary: 'Relationship health at each week or month from `from` to `to`, for charts (SPEC §3.7): score, status, trend and component scores per step',
    ok: HealthHistoryResponse,
    errors: { 400: ['invalid_history_range', 'history_too_long'], 404: ['partnership_not_found'] },
  })
  healthHistory(@UuidParam('id') id: string, @Query() query: HealthHistoryQueryDto, @CallerScope() scope: Scope) {
    return this.queries.healthHistory(scope, id, query);
  }

  @Get(':id/continuity')
  @QueryDoc({
    operationId: 'getPartnershipContinuity',
    summary: 'Contact-person continuity per side: primary, backups, handovers, gaps, orphaned (SPEC §3.2)',
    ok: PartnershipContinuityResponse,
    errors: { 404: ['partnership_not_found'] },
    etag: true,
  })
  async continuity(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.continuity(scope, id, asOf));
  }

  @Get(':id/key-person-risk')
  @QueryDoc({ operationId: 'getPartnershipKeyPersonRisk', summary: 'Key-person dependency per side (SPEC §3.3)', ok: PartnershipKeyPersonRiskResponse, errors: { 404: ['partnership_not_found'] }, etag: true })
  async keyPersonRisk(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.keyPersonRisk(scope, id, asOf));
  }

  @Get(':id/recurring-cooperation')
  @QueryDoc({
    operationId: 'getPartnershipRecurringCooperation',
    summary: 'The activity kinds this partnership held in two or more school years (1 August – 31 July) versus once (SPEC §3.8)',
    ok: PartnershipRecurringCooperationResponse,
    errors: { 404: ['partnership_not_found'] },
    etag: true,
  })
  async recurringCooperation(@UuidParam('id') id: string, @Query() _query: AsOfQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    return withETag(reply, await this.queries.recurringCooperation(scope, id, asOf));
  }

  @Get(':id/timeline')
  @QueryDoc({
    operationId: 'getPartnershipTimeline',
    summary: 'Every event of the partnership, oldest first, with who recorded it',
    ok: TimelineResponse,
    errors: { 404: ['partnership_not_found'] },
    etag: true,
  })
  @CsvExport((body) => body.items)
  async timeline(@UuidParam('id') id: string, @Query() query: TimelineQueryDto, @WantsCsv() csv: boolean, @CallerScope() scope: Scope, @Res({ passthrough: true }) reply: FastifyReply) {
    const after = query.cursor === undefined ? -1 : Number(query.cursor);
    const asOf = query.asOf === undefined ? undefined : parseAsOf(query.asOf, this.settings.timeZone);
    return withETag(reply, await this.timelines.timeline(scope, id, after, csv ? Number.MAX_SAFE_INTEGER : (query.limit ?? 100), asOf));
  }
}
