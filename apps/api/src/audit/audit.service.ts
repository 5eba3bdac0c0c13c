import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isDateOnly, startOfLocalDay } from '@crm/domain';
import { AuditEntry } from '@crm/read-models';
import { Filter } from '@crm/read-store';
import { Settings, SETTINGS } from '../config/settings';
import { asOfInstant } from '../http/as-of';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../http/pagination';
import { eventNames } from '../read-side/event-names';
import { withFirstPageRead } from '../exports/export-rows';
import { ReadModels } from '../read-side/read-models.service';
import { Scope } from '../scope/scope';
import { AuditQueryDto } from './audit-query.dto';

/** The trail is read newest first; a cursor is the position of the last entry of the page before. */
const SORT = '-position';
/** Entries read and named at a time for an export. */
const EXPORT_PAGE = 2_000;

/**
 * GET /audit (SPEC §6 R2): who recorded what and when, from the audit read model (one entry per event, holding its
 * metadata and the ids it is about, never its data). Filtered and paged in the read-store query (keyset on the
 * position), so a page costs the same however long the log is; names are looked up for the page only.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'timeZone'>,
  ) {}

  async list(scope: Scope, query: AuditQueryDto, asOf: string, all: boolean) {
    const cursor = decodeCursor(query.cursor, SORT);
    const at = cursor?.asOf ?? asOf;
    const { from, to } = this.period(query, at);
    const recordedAt: Record<string, string> = { $lte: to };
    if (from !== null) recordedAt.$gte = from;
    const filter: Filter = { recordedAt };
    if (query.recordedBy !== undefined) filter.recordedBy = query.recordedBy;
    if (query.recordedByPerson !== undefined) filter.recordedByPerson = query.recordedByPerson;
    if (query.person !== undefined) filter.personIds = query.person;
    if (query.partnership !== undefined) filter.partnershipId = query.partnership;
    if (query.organisation !== undefined) filter.organisationIds = query.organisation;
    if (cursor) filter.position = { $lt: Number(cursor.after[0]) };
    if (all) return { asOf: at, from, to, items: await withFirstPageRead(this.everyPage(scope, filter)), nextCursor: null };
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.readModels.audit(filter, { sort: { position: -1 }, limit: limit + 1 });
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = found.length > limit ? encodeCursor(at, SORT, [last.position, last._id]) : null;
    return { asOf: at, from, to, items: await this.named(scope, page), nextCursor };
  }

  /**
   * Every matching entry, newest first, for an export: read and named a page at a time as the file is written, so a
   * trail of a million entries is never held whole.
   */
  private async *everyPage(scope: Scope, filter: Filter): AsyncGenerator<Awaited<ReturnType<AuditService['named']>>> {
    for (let before = filter.position; ; ) {
      const page = await this.readModels.audit(before === undefined ? filter : { ...filter, position: before }, { sort: { position: -1 }, limit: EXPORT_PAGE });
      if (page.length > 0) yield await this.named(scope, page);
      if (page.length < EXPORT_PAGE) return;
      before = { $lt: page[page.length - 1].position };
      // Other requests go first between pages: promises alone would chain the whole export into one long turn.
      await nextTurn();
    }
  }

  /** The period as instants: a day is its start (`from`) or end (`to`) in TIME_ZONE; `to` never after asOf. */
  private period(query: AuditQueryDto, asOf: string): { from: string | null; to: string } {
    const from = query.from === undefined ? null : isDateOnly(query.from) ? startOfLocalDay(query.from, this.settings.timeZone) : asOfInstant(query.from, this.settings.timeZone, 'from');
    const until = query.to === undefined ? asOf : asOfInstant(query.to, this.settings.timeZone, 'to');
    const to = Date.parse(until) < Date.parse(asOf) ? until : asOf;
    if (from !== null && Date.parse(from) > Date.parse(to)) {
      const message = `from (${from}) is after to (${to})`;
      throw new BadRequestException({ statusCode: 400, code: 'invalid_period', message, errors: [{ field: 'from', messages: [message] }] });
    }
    return { from, to };
  }

  private async named(scope: Scope, page: readonly AuditEntry[]) {
    const ids = [...new Set(page.flatMap((entry) => (entry.partnershipId !== undefined ? [entry.partnershipId] : [])))];
    const partnerships = new Map((ids.length > 0 ? await this.readModels.partnerships(scope, { _id: { $in: ids } }) : []).map((facts) => [facts.partnershipId, facts]));
    const sidesOf = (entry: AuditEntry) => {
      const facts = entry.partnershipId !== undefined ? partnerships.get(entry.partnershipId) : undefined;
      return facts ? [facts.schoolId, facts.partnerId] : [];
    };
    // The partnership's school and partner are looked up with the organisations the entries name.
    const names = await eventNames(this.readModels, scope, page.map((entry) => ({ ...entry, organisationIds: [...entry.organisationIds, ...sidesOf(entry)] })));
    const partnershipOf = (entry: AuditEntry) => {
      const [school, partner] = sidesOf(entry);
      return school === undefined ? null : { partnershipId: entry.partnershipId!, school: names.organisation(school), partner: names.organisation(partner) };
    };
    return page.map((entry) => ({
      position: entry.position,
      type: entry.type,
      recordedAt: entry.recordedAt,
      recordedBy: entry.recordedBy,
      recordedByPersonId: names.recorderOf(entry) ?? null,
      recordedByName: names.recorderName(entry),
      correlationId: entry.correlationId,
      causationId: entry.causationId ?? entry.correlationId,
      partnershipId: entry.partnershipId ?? null,
      partnership: partnershipOf(entry),
      people: entry.personIds.map((personId) => ({ personId, name: names.person(personId) })),
      organisations: entry.organisationIds.map(names.organisation),
    }));
  }
}
