import { personIdsNamedIn } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { ProjectionDefinition } from './projection-definition';

/**
 * One entry of the audit trail (SPEC §6 R2, GET /audit): who recorded which event when, from its metadata, and the
 * ids it is about. Never the event's data: no name, no text, so an erasure has nothing to redact here, and names
 * are looked up from the people read model (which shows `[erased]`) when the trail is read.
 */
export interface AuditEntry {
  /** The global position, as text: one entry per event. */
  _id: string;
  position: number;
  type: string;
  recordedAt: string;
  recordedBy: string;
  /** The person the recording token named, when it named one. */
  recordedByPerson?: string;
  correlationId: string;
  /** Only when it differs from correlationId (a command sent on its own has the two equal): half the entries are smaller. */
  causationId?: string;
  /** The people the event is about (the person, participants, signatories, the contact, the owner). */
  personIds: string[];
  partnershipId?: string;
  /** The organisations it is about (an organisation's own events, a person's organisation, a partnership's school and partner). */
  organisationIds: string[];
  [field: string]: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const auditProjection: ProjectionDefinition<AuditEntry> = {
  name: 'audit',
  collection: 'audit',
  version: 1,
  keptOnDisk: true,
  oneDocumentPerEvent: true,
  // `position` orders the trail (newest first) and pages it; the others are its filters.
  indexes: [
    { key: { position: -1 }, ordersOnly: true },
    { key: { recordedBy: 1 } },
    { key: { recordedByPerson: 1 } },
    { key: { personIds: 1 } },
    { key: { partnershipId: 1 } },
    { key: { organisationIds: 1 } },
  ],
  documentId: (event) => String(event.position),
  apply(_draft, event: RecordedEvent) {
    const { data, metadata } = event;
    const correlationId = text(metadata.correlationId) ?? '';
    const causationId = text(metadata.causationId);
    const recordedByPerson = text(metadata.recordedByPerson);
    const partnershipId = text(data.partnershipId);
    const organisationIds = [...new Set([data.organisationId, data.schoolId, data.partnerId].filter((id): id is string => typeof id === 'string'))];
    return {
      _id: String(event.position),
      position: event.position,
      type: event.type,
      recordedAt: text(metadata.recordedAt) ?? '',
      recordedBy: text(metadata.recordedBy) ?? '',
      ...(recordedByPerson !== undefined && { recordedByPerson }),
      correlationId,
      ...(causationId !== undefined && causationId !== correlationId && { causationId }),
      personIds: personIdsNamedIn(data),
      ...(partnershipId !== undefined && { partnershipId }),
      organisationIds,
    };
  },
};
