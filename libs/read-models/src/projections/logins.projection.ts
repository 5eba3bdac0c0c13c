import { LoginEvent } from '@crm/domain';
import { RecordedEvent } from '@crm/event-store';
import { ProjectionDefinition } from './projection-definition';

/** A login (token `sub`) linked by an admin to the person it is: found by its id, once per request. */
export interface LoginFacts {
  _id: string;
  sub: string;
  personId: string;
  position: number;
  [field: string]: unknown;
}

export const loginsProjection: ProjectionDefinition<LoginFacts> = {
  name: 'logins',
  collection: 'logins',
  version: 1,
  documentId: (event) => (event.type === 'LoginLinked' ? (event.data.sub as string) : undefined),
  apply(_draft, recorded: RecordedEvent) {
    const event = recorded as unknown as LoginEvent;
    return { _id: event.data.sub, sub: event.data.sub, personId: event.data.personId, position: recorded.position };
  },
};
