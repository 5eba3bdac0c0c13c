import { Inject, Injectable } from '@nestjs/common';
import { expandLevels, isDateOnly, SCHOOL_LEVELS, SchoolLevel, startOfLocalDay } from '@crm/domain';
import {
  addDays,
  DEFAULT_PARTNER_LOAD_CONFIG,
  departuresReport,
  partnerLoadReport,
  RULES,
  startUpReport,
} from '@crm/read-models';
import { Settings, SETTINGS } from '../config/settings';
import { asOfInstant, parseAsOf } from '../http/as-of';
import { FiguresCache } from '../read-side/figures-cache';
import { mapInSlices } from '../read-side/map-in-slices';
import { ReadContext } from '../read-side/read-context';
import { ReadModels } from '../read-side/read-models.service';
import { DeparturesQueryDto, PartnerLoadQueryDto, RecurringCooperationQueryDto } from './insights.query.dto';
import { recurringCooperationRow } from './recurring-cooperation-row';
import { Scope } from '../scope/scope';
import { reportScope } from './report-scope';
import { ReportQueryDto } from './reports.query.dto';

/** With `person` and no `from`: the whole history. */
const BEGINNING = '1970-01-01T00:00:00.000Z';

const nameOf = (context: ReadContext, organisationId: string): string | null => context.organisations.get(organisationId)?.name ?? null;

/** Insights from the field (SPEC §3.8): the formulas of libs/read-models over the partnerships of a report's scope. */
@Injectable()
export class InsightsService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cache: FiguresCache,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  partnerLoad(scope: Scope, query: PartnerLoadQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/partner-load ${JSON.stringify(query)}`, asOf, async (at) => {
      const context = await reportScope(this.cache, this.readModels, scope, query, at, true);
      const report = partnerLoadReport(context.partnerships, context.people, (id) => context.organisations.get(id), at, DEFAULT_PARTNER_LOAD_CONFIG);
      if (!query.overAsked) return report;
      const items = report.items.filter((row) => row.overAsked === (query.overAsked === 'true'));
      return { ...report, overAsked: items.filter((row) => row.overAsked).length, items };
    });
  }

  departures(scope: Scope, query: DeparturesQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/departures ${JSON.stringify(query)}`, asOf, async (at) => {
      const context = await reportScope(this.cache, this.readModels, scope, query, at, true);
      const { timeZone } = this.settings;
      // A period of days (SPEC §1 R2): `from` a day is the start of that local day, `to` a day the end of it.
      const from = query.from ? (isDateOnly(query.from) ? startOfLocalDay(query.from, timeZone) : asOfInstant(query.from, timeZone, 'from')) : query.person ? BEGINNING : addDays(at, -RULES.yearDays);
      const to = query.to ? parseAsOf(query.to, timeZone) : at;
      const report = departuresReport(context.partnerships, context.people, at, { from, to, ...(query.person && { personId: query.person }) });
      const items = report.items.map((item) => ({
        ...item,
        organisationName: nameOf(context, item.organisationId),
        relations: item.relations.map((relation) => ({ ...relation, schoolName: nameOf(context, relation.schoolId), partnerName: nameOf(context, relation.partnerId) })),
      }));
      return { ...report, items };
    });
  }

  startUp(scope: Scope, query: ReportQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/start-up ${JSON.stringify(query)}`, asOf, async (at) => {
      const context = await reportScope(this.cache, this.readModels, scope, query, at, true);
      const levels: readonly SchoolLevel[] = query.level ? expandLevels([query.level]) : SCHOOL_LEVELS;
      const report = startUpReport(context.partnerships, at, levels);
      return {
        asOf: report.asOf,
        byLevel: report.byLevel,
        bySchool: report.bySchool.map((group) => ({ ...group, schoolName: nameOf(context, group.schoolId) })),
        items: report.items.map((row) => ({ ...row, schoolName: nameOf(context, row.schoolId), partnerName: nameOf(context, row.partnerId) })),
      };
    });
  }

  recurringCooperation(scope: Scope, query: RecurringCooperationQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/recurring-cooperation ${JSON.stringify(query)}`, asOf, async (at) => {
      const context = await reportScope(this.cache, this.readModels, scope, query, at, true);
      const rows = await mapInSlices(context.partnerships, (facts) => recurringCooperationRow(facts, context, at));
      const items = rows.filter((row) => !query.recurring || row.recurring === (query.recurring === 'true'));
      return { asOf: at, items };
    });
  }
}
