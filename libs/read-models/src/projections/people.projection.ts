import { PersonEvent } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { PersonFacts } from '../facts/person-facts';
import { ProjectionDefinition } from './projection-definition';

const ERASED = '[erased]';

/**
 * PersonRegistered has no date of its own (and may be recorded after back-dated role changes), so the role a person
 * was registered with holds from the beginning until their first role change.
 */
const FROM_THE_START = new Date(0).toISOString();

export const peopleProjection: ProjectionDefinition<PersonFacts> = {
  name: 'people',
  collection: 'people',
  // v3: the stream revision (an ETag of the queries).
  version: 3,
  indexes: [{ key: { organisationId: 1 } }],
  documentId: (event) => (event.type.startsWith('Person') ? (event.data.personId as string) : undefined),
  apply(draft, recorded: RecordedEvent) {
    const event = recorded as unknown as PersonEvent;
    const position = recorded.position;
    if (event.type === 'PersonRegistered') {
      const registeredAt = recorded.metadata.recordedAt as string;
      return {
        _id: event.data.personId,
        ...event.data,
        roleHistory: [{ role: event.data.role, tier: event.data.tier, from: FROM_THE_START }],
        registeredAt,
        erased: false,
        position,
        revision: recorded.revision,
      };
    }
    if (!draft) return draft;
    draft.position = position;
    draft.revision = recorded.revision;
    switch (event.type) {
      case 'PersonRoleChanged':
        draft.role = event.data.role;
        draft.tier = event.data.tier;
        draft.roleHistory.push({ role: event.data.role, tier: event.data.tier, from: event.data.at });
        draft.roleHistory.sort((a, b) => a.from.localeCompare(b.from));
        return draft;
      case 'PersonLeftOrganisation':
        draft.leftAt = event.data.leftAt;
        return draft;
      case 'PersonErased':
        draft.erased = true;
        draft.name = ERASED;
        delete draft.email;
        delete draft.phone;
        return draft;
    }
  },
};
