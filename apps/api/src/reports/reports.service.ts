import { Injectable } from '@nestjs/common';
import { expandLevels } from '@crm/domain';
import {
  KEY_PERSON_RISKS,
  levelFigures,
  levelsReportOf,
  levelsSelection,
  partnershipContinuity,
  partnershipKeyPersonRisk,
  SideContinuity,
  SideKeyPersonRisk,
} from '@crm/read-models';
import { FiguresCache } from '../read-side/figures-cache';
import { mapInSlices } from '../read-side/map-in-slices';
import { ReadContext } from '../read-side/read-context';
import { ReadModels } from '../read-side/read-models.service';
import { reportScope } from './report-scope';
import { ReportQueryDto } from './reports.query.dto';

const riskView = ({ risk, topPerson, topShare, activePeople, reason }: SideKeyPersonRisk) => ({ risk, topPerson, topShare, activePeople, reason });

const continuityView = (side: SideContinuity) => ({
  primary: side.primary,
  backups: side.backups.length,
  handovers: side.handovers,
  warmHandovers: side.warmHandovers,
  coldHandovers: side.coldHandovers,
  gapDays: side.gapDays,
  orphaned: side.orphaned,
  orphanedSince: side.orphanedSince,
  distinctParticipants365: side.distinctParticipants365,
});

/** Management and reporting views over all partnerships (SPEC §3.3, §3.4). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cache: FiguresCache,
  ) {}

  /** Running partnerships (opened, not ended at asOf) in the scope of the query, with their people and organisations. */
  private scope(query: ReportQueryDto, asOf: string, includeEnded = false): Promise<ReadContext> {
    return reportScope(this.cache, this.readModels, query, asOf, includeEnded);
  }

  private names(context: ReadContext, schoolId: string, partnerId: string) {
    return { schoolName: context.organisations.get(schoolId)?.name ?? null, partnerName: context.organisations.get(partnerId)?.name ?? null };
  }

  levels(query: ReportQueryDto, asOf: string) {
    return this.cache.answerAsOf(`reports/levels ${JSON.stringify(query)}`, asOf, (at) => this.computeLevels(query, at));
  }

  keyPersonRisk(query: ReportQueryDto & { risk?: string }, asOf: string) {
    return this.cache.answerAsOf(`reports/key-person-risk ${JSON.stringify(query)}`, asOf, (at) => this.computeKeyPersonRisk(query, at));
  }

  continuity(query: ReportQueryDto & { orphaned?: string }, asOf: string) {
    return this.cache.answerAsOf(`reports/continuity ${JSON.stringify(query)}`, asOf, (at) => this.computeContinuity(query, at));
  }

  private async computeLevels(query: ReportQueryDto, asOf: string) {
    const context = await this.scope(query, asOf, true);
    const filter = { ...(query.level && { levels: expandLevels([query.level]) }) };
    // levelsReport, with the figures computed in slices.
    const selected = levelsSelection(context.partnerships, (id) => context.organisations.get(id), asOf, filter);
    const figures = await mapInSlices(selected, (facts) => levelFigures(facts, context.people, asOf));
    return levelsReportOf(selected, figures, asOf, filter);
  }

  private async computeKeyPersonRisk(query: ReportQueryDto & { risk?: string }, asOf: string) {
    const context = await this.scope(query, asOf);
    const rows = await mapInSlices(context.partnerships, (facts) => {
      const report = partnershipKeyPersonRisk(facts, context.people, asOf);
      return { partnershipId: facts.partnershipId, ...this.names(context, facts.schoolId, facts.partnerId), levels: facts.levels, school: riskView(report.school), partner: riskView(report.partner) };
    });
    const items = rows
      .filter((row) => !query.risk || row.school.risk === query.risk)
      .sort((a, b) => KEY_PERSON_RISKS.indexOf(a.school.risk) - KEY_PERSON_RISKS.indexOf(b.school.risk) || (b.school.topShare ?? 0) - (a.school.topShare ?? 0));
    return { asOf, items };
  }

  private async computeContinuity(query: ReportQueryDto & { orphaned?: string }, asOf: string) {
    const context = await this.scope(query, asOf);
    const rows = await mapInSlices(context.partnerships, (facts) => {
      const report = partnershipContinuity(facts, context.people, asOf);
      return { partnershipId: facts.partnershipId, ...this.names(context, facts.schoolId, facts.partnerId), levels: facts.levels, school: continuityView(report.school), partner: continuityView(report.partner) };
    });
    const items = rows
      .filter((row) => !query.orphaned || (row.school.orphaned || row.partner.orphaned) === (query.orphaned === 'true'))
      .sort((a, b) => Number(b.school.orphaned) - Number(a.school.orphaned) || b.school.gapDays - a.school.gapDays);
    return { asOf, items };
  }
}
