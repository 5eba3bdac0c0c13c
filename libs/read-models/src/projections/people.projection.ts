import { PersonEvent } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { searchKeysOf } from '@crm/read-store';
import { PersonFacts } from '../facts/person-facts';
import { ProjectionDefinition } from './projection-definition';

const ERASED = '[erased]';

/** Role history in date order; the registration's entry without a date (unknown: from the start) first. */
const byFrom = (a: { from: string | null }, b: { from: string | null }): number =>
  a.from === null ? (b.from === null ? 0 : -1) : b.from === null ? 1 : a.from.localeCompare(b.from);

export const peopleProjection: ProjectionDefinition<PersonFacts> = {
  name: 'people',
  collection: 'people',
  // v3: the stream revision (an ETag of the queries). v4: joinedAt, roleHistory[0].from is joinedAt or null (was
  // 1970-01-01), searchKeys.
  version: 4,
  indexes: [{ key: { organisationId: 1 } }, { key: { searchKeys: 1 } }],
  documentId: (event) => (event.type.startsWith('Person') ? (event.data.personId as string) : undefined),
  apply(draft, recorded: RecordedEvent) {
    const event = recorded as unknown as PersonEvent;
    const position = recorded.position;
    if (event.type === 'PersonRegistered') {
      const registeredAt = recorded.metadata.recordedAt as string;
      return {
        _id: event.data.personId,
        ...event.data,
        // PersonRegistered has no date of its own (and may be recorded after back-dated role changes): the registered
        // role holds from joinedAt, or from the start when that is unknown, until the first role change.
        roleHistory: [{ role: event.data.role, tier: event.data.tier, from: event.data.joinedAt ?? null }],
        registeredAt,
        erased: false,
        searchKeys: searchKeysOf(event.data.name, event.data.role),
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
        draft.roleHistory.sort(byFrom);
        if (!draft.erased) draft.searchKeys = searchKeysOf(draft.name, draft.role);
        return draft;
      case 'PersonLeftOrganisation':
        draft.leftAt = event.data.leftAt;
        return draft;
      case 'PersonErased':
        draft.erased = true;
        draft.name = ERASED;
        delete draft.email;
        delete draft.phone;
        // Not findable by their old name, nor by anything else.
        draft.searchKeys = [];
        return draft;
    }
  },
};
