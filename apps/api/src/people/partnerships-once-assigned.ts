import { EventStore } from '@crm/event-store';
import { PartnershipFacts, ProjectionsView } from '@crm/read-models';
import { ReadStore } from '@crm/read-store';

/** Where the lookup reads: the partnerships read model up to its committed position, and the log after it. */
export interface AssignmentSources {
  events: EventStore;
  store: ReadStore;
  projections: ProjectionsView;
}

/**
 * The partnerships where a person was ever a contact (the decider tells which still have them assigned): those the
 * partnerships read model knows (an index on contacts.personId, every scope: a departure unassigns everywhere), and
 * those assigned in the log after the position the read models have committed. The position is taken before the
 * documents are read, and a commit writes documents no later than its checkpoint, so the two together miss no
 * assignment; a departure no longer reads every assignment in the log (on EventStoreDB, a scan of all of $all).
 */
export async function partnershipsOnceAssigned(personId: string, { events, store, projections }: AssignmentSources): Promise<string[]> {
  const committed = projections.position;
  const ids = new Set<string>();
  const known = await store.find<PartnershipFacts>(projections.collection('partnerships'), { 'contacts.personId': personId });
  for (const facts of known) ids.add(facts.partnershipId);
  for (const event of await events.readAllOfTypes(['ContactPersonAssigned'], committed)) {
    if (event.data.personId === personId) ids.add(event.data.partnershipId as string);
  }
  return [...ids];
}
