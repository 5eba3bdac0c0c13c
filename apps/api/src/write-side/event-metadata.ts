import { DomainEvent, EventMetadata, schemaVersionOf } from '@crm/domain';
import { deterministicEventId, EventToAppend, ExpectedRevision } from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { CommandEnvelope } from './command-envelope';

/** Where a command's events go: their stream and the revision the command decided on. */
export interface EventPlace {
  streamId: string;
  expectedRevision: ExpectedRevision;
}

/**
 * Wraps domain events for the log, stamping the metadata of SPEC §2. Event ids are made here so causation can point
 * at them. A command with an Idempotency-Key gets ids derived from the key, the stream, the revision it decided on and
 * each event's index: the same request sent again at the same revision (its answer lost after the events committed)
 * carries the same ids, which EventStoreDB recognises as the same write and stores once. A command decided again at
 * a new revision gets new ids; a command without a key gets random ones.
 */
export function toStoredEvents(events: readonly DomainEvent[], envelope: CommandEnvelope, recordedAt: string, place: EventPlace): EventToAppend[] {
  const key = envelope.idempotency?.key;
  return events.map((event, index) => {
    const metadata: EventMetadata = {
      recordedBy: envelope.recordedBy,
      ...(envelope.recordedByPerson !== undefined && { recordedByPerson: envelope.recordedByPerson }),
      recordedAt,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      schemaVersion: schemaVersionOf(event.type),
    };
    const id = key === undefined ? randomUUID() : deterministicEventId(key, place.streamId, place.expectedRevision, index);
    return { id, type: event.type, data: event.data, metadata: { ...metadata } };
  });
}
