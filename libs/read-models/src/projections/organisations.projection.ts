import { OrganisationEvent, PartnershipOpened } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { searchKeysOf } from '@crm/read-store';
import { OrganisationFacts } from '../facts/organisation-facts';
import { ProjectionDefinition } from './projection-definition';

/**
 * The schools whose records include this organisation (SPEC §6 R2): itself when it is a school, and every school it is
 * the partner of. What scoped queries filter organisations by (indexed).
 */
function scopeOf(organisation: OrganisationFacts): string[] {
  const own = organisation.kind === 'school' ? [organisation.organisationId] : [];
  return [...new Set([...own, ...(organisation.partnerOf ?? [])])];
}

export const organisationsProjection: ProjectionDefinition<OrganisationFacts> = {
  name: 'organisations',
  collection: 'organisations',
  // v2: the stream revision (an ETag of the queries). v3: searchKeys. v4: schoolIds and partnerOf (access scope).
  version: 4,
  indexes: [{ key: { kind: 1 } }, { key: { searchKeys: 1 } }, { key: { schoolIds: 1 } }],
  documentId: (event) =>
    event.type.startsWith('Organisation')
      ? (event.data.organisationId as string)
      : event.type === 'PartnershipOpened'
        ? (event.data.partnerId as string)
        : undefined,
  apply(draft, recorded: RecordedEvent) {
    if (recorded.type === 'PartnershipOpened') {
      // The partner becomes one of the school's organisations (a shared record: every school it works with sees it).
      if (!draft) return draft;
      const { schoolId } = (recorded as unknown as PartnershipOpened).data;
      if (!(draft.partnerOf ?? []).includes(schoolId)) draft.partnerOf = [...(draft.partnerOf ?? []), schoolId];
      draft.schoolIds = scopeOf(draft);
      draft.position = recorded.position;
      return draft;
    }
    const event = recorded as unknown as OrganisationEvent;
    switch (event.type) {
      case 'OrganisationRegistered':
        return {
          _id: event.data.organisationId,
          ...event.data,
          registeredAt: recorded.metadata.recordedAt as string,
          searchKeys: searchKeysOf(event.data.name),
          partnerOf: [],
          schoolIds: event.data.kind === 'school' ? [event.data.organisationId] : [],
          position: recorded.position,
          revision: recorded.revision,
        };
      case 'OrganisationUpdated':
        if (!draft) return draft;
        Object.assign(draft, event.data, { position: recorded.position, revision: recorded.revision });
        draft.searchKeys = searchKeysOf(draft.name);
        draft.schoolIds = scopeOf(draft);
        return draft;
    }
  },
};
