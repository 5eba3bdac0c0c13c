import { LoginEvent } from './login/login.events';
import { IdentifierClaimEvent } from './identifier/identifier-claim.decider';
import { OrganisationEvent } from './organisation/organisation.events';
import { PartnershipEvent } from './partnership/partnership.events';
import { PersonEvent } from './person/person.events';

export type DomainEvent = OrganisationEvent | PersonEvent | PartnershipEvent | LoginEvent | IdentifierClaimEvent;
export type DomainEventType = DomainEvent['type'];

/** Metadata every stored event carries (SPEC §2). */
export interface EventMetadata {
  recordedBy: string;
  /** The person the recording login is, when its token named one (SPEC §6 R2). */
  recordedByPerson?: string;
  recordedAt: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
}

/**
 * The shape version of each event type written today; upcasters (./upcasters.ts) lift older ones to it.
 * CommitmentMade v2 added `madeAt`, the date the promise was made (v1 had only the recording time).
 */
export const SCHEMA_VERSIONS: Readonly<Partial<Record<DomainEventType, number>>> = { CommitmentMade: 2 };

export const schemaVersionOf = (type: string): number => SCHEMA_VERSIONS[type as DomainEventType] ?? 1;

export const streamOf = {
  organisation: (id: string) => `organisation-${id}`,
  person: (id: string) => `person-${id}`,
  partnership: (id: string) => `partnership-${id}`,
  login: (sub: string) => `login-${sub}`,
};

/** The date an event is about (not when it was recorded); undefined for events without one (registrations, commitments made). */
export function eventDate(event: { type: string; data: Record<string, unknown> }): string | undefined {
  const { data } = event;
  const date = data.at ?? data.occurredAt ?? data.startsAt ?? data.signedAt ?? data.heldAt ?? data.openedAt ?? data.leftAt;
  return typeof date === 'string' ? date : undefined;
}

/** The person ids an event's data names (participants, signatories, the person, the owner), in order, each once. */
export function personIdsNamedIn(data: Record<string, unknown>): string[] {
  // Loops rather than spreads and a Set: the audit projection calls this for every event of a rebuild.
  const ids: string[] = [];
  const add = (id: unknown) => {
    if (typeof id === 'string' && !ids.includes(id)) ids.push(id);
  };
  for (const list of [data.participantIds, data.signatoryIds]) if (Array.isArray(list)) for (const id of list) add(id);
  add(data.personId);
  add(data.ownerId);
  return ids;
}
