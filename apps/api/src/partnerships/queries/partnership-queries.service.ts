import { Inject, Injectable } from '@nestjs/common';
import { expandLevels, notFound } from '@crm/domain';
import {
  contactsAt,
  isOpenedBy,
  partnershipContinuity,
  partnershipHealth,
  partnershipHealthHistory,
  partnershipKeyPersonRisk,
  PartnershipFacts,
} from '@crm/read-models';
import { Filter } from '@crm/read-store';
import { Settings, SETTINGS } from '../../config/settings';
import { historyRange } from '../../http/history-range';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, paginate } from '../../http/pagination';
import { FiguresCache } from '../../read-side/figures-cache';
import { mapInSlices } from '../../read-side/map-in-slices';
import { readContext, ReadContext, sharedReadContext } from '../../read-side/read-context';
import { ReadModels } from '../../read-side/read-models.service';
import { Scope } from '../../scope/scope';
import { TextSearch } from '../../read-side/text-search';
import { recurringCooperationRow } from '../../reports/recurring-cooperation-row';
import { HealthHistoryQueryDto, MAX_HEALTH_HISTORY_STEPS } from './health-history.query.dto';
import { ListPartnershipsQueryDto } from './list-partnerships.query.dto';
import { partnershipSummary, PartnershipSummary } from './partnership-summary';

/**
 * Every row of a shared answer in one order, as exports (CSV) ask for it again and again: sorted once per answer
 * and sort, and the same list each time, so the CSV written of it is kept too (http/csv-export.ts).
 */
const fullExports = new WeakMap<readonly PartnershipSummary[], Map<string, Page<PartnershipSummary>>>();
function everyRow(rows: readonly PartnershipSummary[], sort: string, pageOf: () => Page<PartnershipSummary>): Page<PartnershipSummary> {
  let bySort = fullExports.get(rows);
  if (!bySort) fullExports.set(rows, (bySort = new Map()));
  let page = bySort.get(sort);
  if (!page) bySort.set(sort, (page = pageOf()));
  return page;
}

/** The partnership read models of SPEC §3.1–3.3 and §3.6, computed from the stored facts for the asked date. */
@Injectable()
export class PartnershipQueries {
  constructor(
    private readonly readModels: ReadModels,
    private readonly cache: FiguresCache,
    private readonly search: TextSearch,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  private async one(scope: Scope, partnershipId: string): Promise<{ facts: PartnershipFacts; context: ReadContext }> {
    const facts = await this.readModels.partnership(scope, partnershipId);
    if (!facts) throw notFound('partnership_not_found', `partnership ${partnershipId} does not exist`);
    return { facts, context: await readContext(this.readModels, scope, [facts]) };
  }

  async summary(scope: Scope, partnershipId: string, asOf: string) {
    const { facts, context } = await this.one(scope, partnershipId);
    const health = partnershipHealth(facts, context.people, asOf);
    return { ...partnershipSummary(facts, context, asOf), asOf, reason: health.reason, reasonCode: health.reasonCode, reasonParams: health.reasonParams, endedAt: facts.endedAt ?? null, revision: facts.revision };
  }

  async health(scope: Scope, partnershipId: string, asOf: string) {
    const { facts, context } = await this.one(scope, partnershipId);
    return { ...partnershipHealth(facts, context.people, asOf), revision: facts.revision };
  }

  /** SPEC §3.7: health (score, status, trend, components) at each step from `from` to `to`. */
  async healthHistory(scope: Scope, partnershipId: string, query: HealthHistoryQueryDto) {
    const range = historyRange(query, this.settings.timeZone, { every: 'week', maxSteps: MAX_HEALTH_HISTORY_STEPS });
    const { facts, context } = await this.one(scope, partnershipId);
    const { steps, ...asked } = range;
    return { partnershipId, ...asked, timeZone: this.settings.timeZone, steps: partnershipHealthHistory(facts, context.people, steps) };
  }

  async continuity(scope: Scope, partnershipId: string, asOf: string) {
    const { facts, context } = await this.one(scope, partnershipId);
    return { ...partnershipContinuity(facts, context.people, asOf), revision: facts.revision };
  }

  async keyPersonRisk(scope: Scope, partnershipId: string, asOf: string) {
    const { facts, context } = await this.one(scope, partnershipId);
    return { ...partnershipKeyPersonRisk(facts, context.people, asOf), revision: facts.revision };
  }

  /** The activity kinds held in two or more school years versus once (SPEC §3.8), for this partnership alone. */
  async recurringCooperation(scope: Scope, partnershipId: string, asOf: string) {
    const { facts, context } = await this.one(scope, partnershipId);
    return { ...recurringCooperationRow(facts, context, asOf), asOf, revision: facts.revision };
  }

  /** `contactPersonId`: the person `contact` names (`me` resolved to the caller's person by the controller). */
  async list(scope: Scope, query: ListPartnershipsQueryDto, asOf: string, all: boolean, contactPersonId?: string): Promise<Page<PartnershipSummary> & { asOf: string }> {
    const sort = query.sort ?? 'healthScore';
    const cursor = decodeCursor(query.cursor, sort);
    const at = cursor?.asOf ?? asOf;
    const { level, school, partner, stage, status, risk, region, sector, text, intensity } = query;
    const question = `partnerships ${JSON.stringify({ level, school, partner, stage, status, risk, region, sector, text, intensity, contact: contactPersonId })}`;
    const rows = await this.cache.answerAsOf(scope, question, at, (asOfAt) => this.rows(scope, query, asOfAt, contactPersonId));
    const pageOf = () =>
      paginate(rows, {
        sort,
        cursor,
        asOf: at,
        limit: all ? Number.MAX_SAFE_INTEGER : (query.limit ?? DEFAULT_PAGE_SIZE),
        idOf: (row) => row.partnershipId,
        valueOf: (row, field) => {
          if (field === 'school') return row.school.name ?? null;
          if (field === 'partner') return row.partner.name ?? null;
          if (field === 'openedAt') return row.openedAt;
          // Ended partnerships are not weak or declining: they sort after every running one (missing values go last).
          if (row.stage === 'ended') return null;
          return field === 'trend' ? row.trend : row.healthScore;
        },
      });
    return { asOf: at, ...(all && !cursor ? everyRow(rows, sort, pageOf) : pageOf()) };
  }

  /** Stored fields are filtered by the read store; figures that depend on asOf are filtered after computing them. */
  private async rows(scope: Scope, query: ListPartnershipsQueryDto, at: string, contactPersonId?: string): Promise<PartnershipSummary[]> {
    const filter: Filter = {};
    if (query.level) filter.levels = { $in: expandLevels([query.level]) };
    if (query.school) filter.schoolId = query.school;
    if (query.partner) filter.partnerId = query.partner;
    if (contactPersonId) filter['contacts.personId'] = contactPersonId;
    const matching = query.text?.trim() ? await this.search.partnershipIds(scope, query.text) : undefined;
    if (matching) filter._id = { $in: matching };
    // A contact's or a search's few partnerships are read for this question alone; whole-region reads are shared.
    const context =
      contactPersonId || matching
        ? await readContext(this.readModels, scope, await this.readModels.partnerships(scope, filter))
        : await sharedReadContext(this.cache, this.readModels, scope, filter);
    const isContact = (f: PartnershipFacts) =>
      !contactPersonId || [...contactsAt(f, 'school', at), ...contactsAt(f, 'partner', at)].some((period) => period.personId === contactPersonId);
    const facts = context.partnerships.filter((f) => isOpenedBy(f, at) && isContact(f));
    const region = query.region?.trim().toLowerCase();
    const sector = query.sector?.trim().toLowerCase();
    const summaries = await mapInSlices(facts, (f) => ({ row: partnershipSummary(f, context, at) }));
    return summaries
      .filter(({ row }) =>
        (!query.stage || row.stage === query.stage) &&
        (!query.status || row.status === query.status) &&
        (!query.intensity || row.intensity === query.intensity) &&
        // Ended partnerships count in risk lists only when stage=ended is asked (SPEC §3.6 R2).
        (!query.risk || (row.schoolKeyPersonRisk === query.risk && (row.stage !== 'ended' || query.stage === 'ended'))) &&
        (!region || (row.school.region ?? '').toLowerCase() === region) &&
        (!sector || (row.partner.sector ?? '').toLowerCase() === sector),
      )
      .map(({ row }) => row);
  }
}
