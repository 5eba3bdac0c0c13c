import { OrganisationEvent } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { OrganisationFacts } from '../facts/organisation-facts';
import { ProjectionDefinition } from './projection-definition';

export const organisationsProjection: ProjectionDefinition<OrganisationFacts> = {
  name: 'organisations',
  collection: 'organisations',
  // v2: the stream revision (an ETag of the queries).
  version: 2,
  indexes: [{ key: { kind: 1 } }],
  documentId: (event) => (event.type.startsWith('Organisation') ? (event.data.organisationId as string) : undefined),
  apply(draft, recorded: RecordedEvent) {
    const event = recorded as unknown as OrganisationEvent;
    switch (event.type) {
      case 'OrganisationRegistered':
        return {
          _id: event.data.organisationId,
          ...event.data,
          registeredAt: recorded.metadata.recordedAt as string,
          position: recorded.position,
          revision: recorded.revision,
        };
      case 'OrganisationUpdated':
        if (!draft) return draft;
        return Object.assign(draft, event.data, { position: recorded.position, revision: recorded.revision });
    }
  },
};
