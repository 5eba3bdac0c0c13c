import { DomainEvent, EventMetadata, schemaVersionOf } from '@crm/domain';
import { EventToAppend } from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { CommandEnvelope } from './command-envelope';

/** Wraps domain events for the log, stamping the metadata of SPEC §2. Event ids are made here so causation can point at them. */
export function toStoredEvents(events: readonly DomainEvent[], envelope: CommandEnvelope, recordedAt: string): EventToAppend[] {
  return events.map((event) => {
    const metadata: EventMetadata = {
      recordedBy: envelope.recordedBy,
      ...(envelope.recordedByPerson !== undefined && { recordedByPerson: envelope.recordedByPerson }),
      recordedAt,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      schemaVersion: schemaVersionOf(event.type),
    };
    return { id: randomUUID(), type: event.type, data: event.data, metadata: { ...metadata } };
  });
}
