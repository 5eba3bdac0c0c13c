import { Inject, Injectable } from '@nestjs/common';
import { expandLevels } from '@crm/domain';
import {
  KEY_PERSON_RISKS,
  inLevelsFilter,
  levelFigures,
  levelFiguresAtSteps,
  LevelsFilter,
  levelsHistoryOf,
  levelsReportOf,
  levelsSelection,
  partnershipContinuity,
  partnershipKeyPersonRisk,
  SideContinuity,
  SideKeyPersonRisk,
  stageAt,
  withoutReasons,
} from '@crm/read-models';
import { Filter } from '@crm/read-store';
import { Settings, SETTINGS } from '../config/settings';
import { historyRange } from '../http/history-range';
import { FiguresCache } from '../read-side/figures-cache';
import { mapInSlices } from '../read-side/map-in-slices';
import { ReadContext, sharedReadContext } from '../read-side/read-context';
import { ReadModels } from '../read-side/read-models.service';
import { Scope } from '../scope/scope';
import { reportScope } from './report-scope';
import {
  ContinuityReportQueryDto,
  KeyPersonRiskReportQueryDto,
  LevelsHistoryQueryDto,
  MAX_LEVELS_HISTORY_STEPS,
  ReportQueryDto,
  RunningReportQueryDto,
} from './reports.query.dto';

const riskView = ({ risk, topPerson, topShare, activePeople, reason, reasonCode, reasonParams }: SideKeyPersonRisk) => ({ risk, topPerson, topShare, activePeople, reason, reasonCode, reasonParams });

const continuityView = (side: SideContinuity) => ({
  primary: side.primary,
  // The same list as /partnerships/:id/continuity gives: [{ personId, name, since, tenureDays }].
  backups: side.backups,
  handovers: side.handovers,
  warmHandovers: side.warmHandovers,
  coldHandovers: side.coldHandovers,
  gapDays: side.gapDays,
  orphaned: side.orphaned,
  orphanedSince: side.orphanedSince,
  distinctParticipants365: side.distinctParticipants365,
  reason: side.reason,
  reasonCode: side.reasonCode,
  reasonParams: side.reasonParams,
});

/** Query parameters that shape the answer rather than select what it covers. */
const NOT_FILTERS = new Set(['asOf', 'format', 'from', 'to', 'every']);

/** Management and reporting views over all partnerships (SPEC §3.3, §3.4). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cache: FiguresCache,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  /**
   * The partnerships of the query that had opened by asOf: those running (not ended), or those in the stage asked.
   * Ended partnerships count only when `stage=ended` is asked (SPEC §3.6 R2).
   */
  private running(scope: Scope, query: RunningReportQueryDto, asOf: string): Promise<ReadContext> {
    return reportScope(this.cache, this.readModels, scope, query, asOf);
  }

  private names(context: ReadContext, schoolId: string, partnerId: string) {
    return { schoolName: context.organisations.get(schoolId)?.name ?? null, partnerName: context.organisations.get(partnerId)?.name ?? null };
  }

  levels(scope: Scope, query: ReportQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/levels ${JSON.stringify(query)}`, asOf, (at) => this.computeLevels(scope, query, at));
  }

  keyPersonRisk(scope: Scope, query: KeyPersonRiskReportQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/key-person-risk ${JSON.stringify(query)}`, asOf, (at) => this.computeKeyPersonRisk(scope, query, at));
  }

  continuity(scope: Scope, query: ContinuityReportQueryDto, asOf: string) {
    return this.cache.answerAsOf(scope, `reports/continuity ${JSON.stringify(query)}`, asOf, (at) => this.computeContinuity(scope, query, at));
  }

  /** SPEC §3.7: the levels report at each month (or week) from `from` to `to`, with the filters of the levels report. */
  levelsHistory(scope: Scope, query: LevelsHistoryQueryDto) {
    const limits = { every: 'month', maxSteps: MAX_LEVELS_HISTORY_STEPS } as const;
    const { to } = historyRange(query, this.settings.timeZone, limits);
    return this.cache.answerAsOf(scope, `reports/levels/history ${JSON.stringify(query)}`, to, async (at) => {
      const { steps, ...asked } = historyRange({ ...query, to: at }, this.settings.timeZone, limits);
      const context = await this.levelsContext(scope, query);
      const filter = this.levelsFilter(query);
      // Each partnership across all steps at once (SPEC §3.7 budget), then the report of each step from those figures.
      const covered = context.partnerships.filter((facts) => inLevelsFilter(facts, (id) => context.organisations.get(id), filter));
      const figures = await mapInSlices(covered, (facts) => levelFiguresAtSteps(facts, context.people, steps));
      const history = levelsHistoryOf(covered, figures, steps, filter).map((report) => ({ asOf: report.asOf, levels: report.levels.map(withoutReasons) }));
      return { ...asked, timeZone: this.settings.timeZone, filter: this.echo(query), steps: history };
    });
  }

  private async computeLevels(scope: Scope, query: ReportQueryDto, asOf: string) {
    const report = await this.levelsAt(await this.levelsContext(scope, query), this.levelsFilter(query), asOf);
    return { ...report, filter: this.echo(query) };
  }

  /** The partnerships of the school and levels asked (every date: levelsSelection picks those opened by then). */
  private levelsContext(scope: Scope, query: ReportQueryDto): Promise<ReadContext> {
    const filter: Filter = {};
    if (query.school) filter.schoolId = query.school;
    if (query.level) filter.levels = { $in: expandLevels([query.level]) };
    return sharedReadContext(this.cache, this.readModels, scope, filter);
  }

  private levelsFilter(query: ReportQueryDto): LevelsFilter {
    return { ...(query.region?.trim() && { region: query.region }), ...(query.level && { levels: expandLevels([query.level]) }) };
  }

  /** The filters a report was given, as it was given them (SPEC §3.6 R2: reports echo every filter). */
  private echo(query: object): Record<string, string> {
    return Object.fromEntries(Object.entries(query).filter(([name, value]) => value !== undefined && !NOT_FILTERS.has(name)));
  }

  /** levelsReport, with the figures computed in slices. */
  private async levelsAt(context: ReadContext, filter: LevelsFilter, asOf: string) {
    const selected = levelsSelection(context.partnerships, (id) => context.organisations.get(id), asOf, filter);
    const figures = await mapInSlices(selected, (facts) => levelFigures(facts, context.people, asOf));
    return levelsReportOf(selected, figures, asOf, filter);
  }

  private async computeKeyPersonRisk(scope: Scope, query: KeyPersonRiskReportQueryDto, asOf: string) {
    const context = await this.running(scope, query, asOf);
    const rows = await mapInSlices(context.partnerships, (facts) => {
      const report = partnershipKeyPersonRisk(facts, context.people, asOf);
      return { partnershipId: facts.partnershipId, ...this.names(context, facts.schoolId, facts.partnerId), levels: facts.levels, school: riskView(report.school), partner: riskView(report.partner) };
    });
    const items = rows
      .filter((row) => !query.risk || row.school.risk === query.risk)
      .sort((a, b) => KEY_PERSON_RISKS.indexOf(a.school.risk) - KEY_PERSON_RISKS.indexOf(b.school.risk) || (b.school.topShare ?? 0) - (a.school.topShare ?? 0));
    return { asOf, filter: this.echo(query), items };
  }

  private async computeContinuity(scope: Scope, query: ContinuityReportQueryDto, asOf: string) {
    const context = await this.running(scope, query, asOf);
    const rows = await mapInSlices(context.partnerships, (facts) => {
      const report = partnershipContinuity(facts, context.people, asOf);
      return { partnershipId: facts.partnershipId, ...this.names(context, facts.schoolId, facts.partnerId), levels: facts.levels, school: continuityView(report.school), partner: continuityView(report.partner) };
    });
    const items = rows
      .filter((row) => !query.orphaned || (row.school.orphaned || row.partner.orphaned) === (query.orphaned === 'true'))
      .sort((a, b) => Number(b.school.orphaned) - Number(a.school.orphaned) || b.school.gapDays - a.school.gapDays);
    return { asOf, filter: this.echo(query), items };
  }
}
