import { Inject, Injectable } from '@nestjs/common';
import { eventDate, notFound, streamOf } from '@crm/domain';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { Page } from '../../http/pagination';

export interface TimelineEntry {
  position: number;
  revision: number;
  type: string;
  /** The date the event is about; `recordedAt` is when it was recorded, and by whom. */
  at?: string;
  recordedAt: string;
  recordedBy: string;
  data: Record<string, unknown>;
}

/** SPEC §3.6: every event of a partnership, oldest first, with who recorded it. The stream itself is the read model. */
@Injectable()
export class TimelineQuery {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** `asOf`: only the events about (or, without a date of their own, recorded) on or before it. */
  async timeline(partnershipId: string, afterRevision: number, limit: number, asOf?: string): Promise<Page<TimelineEntry> & { revision?: number }> {
    const stream = await this.events.readStream(streamOf.partnership(partnershipId), afterRevision + 1);
    const until = asOf === undefined ? undefined : Date.parse(asOf);
    const events = until === undefined ? stream : stream.filter((event) => Date.parse(eventDate(event) ?? String(event.metadata.recordedAt)) <= until);
    if (stream.length === 0 && afterRevision < 0) throw notFound('partnership_not_found', `partnership ${partnershipId} does not exist`);
    const items = events.slice(0, limit).map((event) => ({
      position: event.position,
      revision: event.revision,
      type: event.type,
      at: eventDate(event),
      recordedAt: String(event.metadata.recordedAt),
      recordedBy: String(event.metadata.recordedBy),
      data: event.data,
    }));
    const nextCursor = events.length > limit ? String(items[items.length - 1].revision) : null;
    // Read to the end of the stream: its last event's revision is the stream's (the ETag).
    const revision = stream.length > 0 ? stream[stream.length - 1].revision : afterRevision >= 0 ? afterRevision : undefined;
    return { items, nextCursor, revision };
  }
}
