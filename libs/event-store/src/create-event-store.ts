import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreSettings {
  /** DATA_DIR: the embedded log lives at `<dataDir>/events.sqlite`. */
  dataDir: string;
  /** EVENTSTORE_URL: when set, the log is on EventStoreDB/KurrentDB instead. */
  eventStoreUrl?: string;
}

export function createEventStore({ dataDir, eventStoreUrl }: EventStoreSettings): EventStore {
  if (eventStoreUrl) return new EventStoreDbEventStore(eventStoreUrl);
  return new SqliteEventStore(join(dataDir, 'events.sqlite'));
}
