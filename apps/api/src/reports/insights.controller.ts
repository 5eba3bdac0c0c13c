import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorators';
import { QueryDoc } from '../http/api-doc';
import { AsOf } from '../http/as-of';
import { CsvExport } from '../http/csv-export';
import { MinPositionGuard } from '../read-side/min-position.guard';
import { DeparturesQueryDto, PartnerLoadQueryDto, RecurringCooperationQueryDto } from './insights.query.dto';
import { DeparturesReportResponse, PartnerLoadReportResponse, RecurringCooperationReportResponse, StartUpReportResponse } from './insights.response';
import { InsightsService } from './insights.service';
import { ReportQueryDto } from './reports.query.dto';
import { CallerScope } from '../scope/caller-scope';
import { Scope } from '../scope/scope';

type DeparturesBody = Awaited<ReturnType<InsightsService['departures']>>;

/** CSV of the departures report: one row per relation a departed person carried. */
const departureRows = (body: DeparturesBody) =>
  body.items.flatMap(({ relations, ...person }) => relations.map((relation) => ({ personId: person.personId, name: person.name, organisationId: person.organisationId, organisationName: person.organisationName, leftAt: person.leftAt, ...relation })));

/** Insights from the field (SPEC §3.8): what no generic CRM measures. */
@ApiTags('reports')
@UseGuards(MinPositionGuard)
@Access('reports')
@Controller('reports')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('partner-load')
  @Access('aggregates')
  @QueryDoc({
    operationId: 'getPartnerLoadReport',
    summary: 'Per partner organisation, across all schools, what was asked of it in the last 365 days; overAsked when far above its size (README, "Partner load"); most loaded first',
    ok: PartnerLoadReportResponse,
  })
  @CsvExport((body) => body.items)
  partnerLoad(@Query() query: PartnerLoadQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.insights.partnerLoad(scope, query, asOf);
  }

  @Get('departures')
  @QueryDoc({
    operationId: 'getDeparturesReport',
    summary: 'What happened to the partnerships of the people who left in a period (default the last 365 days): touchpoints 180 days before and after, days to a new primary, warm or cold handover; `person` gives one person’s aftermath',
    ok: DeparturesReportResponse,
  })
  @CsvExport(departureRows)
  departures(@Query() query: DeparturesQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.insights.departures(scope, query, asOf);
  }

  @Get('start-up')
  @Access('aggregates')
  @QueryDoc({
    operationId: 'getStartUpReport',
    summary: 'Days from opening to the first activity and the first formal agreement, per partnership and as medians per level and school',
    ok: StartUpReportResponse,
  })
  @CsvExport((body) => body.items)
  startUp(@Query() query: ReportQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.insights.startUp(scope, query, asOf);
  }

  @Get('recurring-cooperation')
  @Access('aggregates')
  @QueryDoc({
    operationId: 'getRecurringCooperationReport',
    summary: 'Per partnership, the activity kinds held in two or more school years (1 August – 31 July) versus once only',
    ok: RecurringCooperationReportResponse,
  })
  @CsvExport((body) => body.items)
  recurringCooperation(@Query() query: RecurringCooperationQueryDto, @AsOf() asOf: string, @CallerScope() scope: Scope) {
    return this.insights.recurringCooperation(scope, query, asOf);
  }
}
