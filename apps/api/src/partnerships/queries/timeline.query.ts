import { Inject, Injectable } from '@nestjs/common';
import { eventDate, notFound, personIdsNamedIn as personIdsIn, streamOf } from '@crm/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@crm/event-store';
import { Page } from '../../http/pagination';
import { EventRefs, eventNames } from '../../read-side/event-names';
import { OrganisationRef } from '../../read-side/partnership-names';
import { ReadModels } from '../../read-side/read-models.service';
import { Scope } from '../../scope/scope';

export interface PersonRef {
  personId: string;
  name: string;
}

export interface TimelineEntry {
  position: number;
  revision: number;
  type: string;
  /** The date the event is about; `recordedAt` is when it was recorded, and by whom. */
  at?: string;
  recordedAt: string;
  recordedBy: string;
  /** The name of the person the recording login is (token claim or linked login), when known. */
  recordedByName: string | null;
  data: Record<string, unknown>;
  /** Every person the event names (participants, signatories, the contact, the owner), with their name. */
  people: PersonRef[];
  /** The organisations the event names (the school and partner of an opening), with their name. */
  organisations: OrganisationRef[];
}

/** The person the recording token named (metadata), else the person its login is linked to (looked up). */
const recordedByPerson = (event: RecordedEvent): string | undefined =>
  typeof event.metadata.recordedByPerson === 'string' ? event.metadata.recordedByPerson : undefined;

const organisationIdsIn = (data: Record<string, unknown>): string[] =>
  [data.schoolId, data.partnerId].filter((id): id is string => typeof id === 'string');

const refsOf = (event: RecordedEvent): EventRefs => ({
  recordedBy: String(event.metadata.recordedBy),
  recordedByPerson: recordedByPerson(event),
  personIds: personIdsIn(event.data),
  organisationIds: organisationIdsIn(event.data),
});

/** SPEC §3.6: every event of a partnership, oldest first, with who recorded it. The stream itself is the read model. */
@Injectable()
export class TimelineQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /** `asOf`: only the events about (or, without a date of their own, recorded) on or before it. */
  async timeline(scope: Scope, partnershipId: string, afterRevision: number, limit: number, asOf?: string): Promise<Page<TimelineEntry> & { revision?: number }> {
    // The stream is the read model, but whether the caller may see it is the scope's (as if it did not exist).
    if (!scope.all && !(await this.readModels.partnership(scope, partnershipId))) {
      throw notFound('partnership_not_found', `partnership ${partnershipId} does not exist`);
    }
    const stream = await this.events.readStream(streamOf.partnership(partnershipId), afterRevision + 1);
    const until = asOf === undefined ? undefined : Date.parse(asOf);
    const events = until === undefined ? stream : stream.filter((event) => Date.parse(eventDate(event) ?? String(event.metadata.recordedAt)) <= until);
    if (stream.length === 0 && afterRevision < 0) throw notFound('partnership_not_found', `partnership ${partnershipId} does not exist`);
    const page = events.slice(0, limit);
    const refs = new Map(page.map((event) => [event, refsOf(event)]));
    const names = await eventNames(this.readModels, scope, [...refs.values()]);
    const items = page.map((event) => ({
      position: event.position,
      revision: event.revision,
      type: event.type,
      at: eventDate(event),
      recordedAt: String(event.metadata.recordedAt),
      recordedBy: String(event.metadata.recordedBy),
      recordedByName: names.recorderName(refs.get(event)!),
      data: event.data,
      people: personIdsIn(event.data).map((personId) => ({ personId, name: names.person(personId) })),
      organisations: organisationIdsIn(event.data).map(names.organisation),
    }));
    const nextCursor = events.length > limit ? String(items[items.length - 1].revision) : null;
    // Read to the end of the stream: its last event's revision is the stream's (the ETag).
    const revision = stream.length > 0 ? stream[stream.length - 1].revision : afterRevision >= 0 ? afterRevision : undefined;
    return { items, nextCursor, revision };
  }
}
