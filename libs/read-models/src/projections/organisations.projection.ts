import { OrganisationEvent } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { searchKeysOf } from '@crm/read-store';
import { OrganisationFacts } from '../facts/organisation-facts';
import { ProjectionDefinition } from './projection-definition';

export const organisationsProjection: ProjectionDefinition<OrganisationFacts> = {
  name: 'organisations',
  collection: 'organisations',
  // v2: the stream revision (an ETag of the queries). v3: searchKeys.
  version: 3,
  indexes: [{ key: { kind: 1 } }, { key: { searchKeys: 1 } }],
  documentId: (event) => (event.type.startsWith('Organisation') ? (event.data.organisationId as string) : undefined),
  apply(draft, recorded: RecordedEvent) {
    const event = recorded as unknown as OrganisationEvent;
    switch (event.type) {
      case 'OrganisationRegistered':
        return {
          _id: event.data.organisationId,
          ...event.data,
          registeredAt: recorded.metadata.recordedAt as string,
          searchKeys: searchKeysOf(event.data.name),
          position: recorded.position,
          revision: recorded.revision,
        };
      case 'OrganisationUpdated':
        if (!draft) return draft;
        Object.assign(draft, event.data, { position: recorded.position, revision: recorded.revision });
        draft.searchKeys = searchKeysOf(draft.name);
        return draft;
    }
  },
};
