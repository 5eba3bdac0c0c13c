import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { loadEventStoreDb } from './eventstoredb/load-eventstoredb';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreSettings {
  /** DATA_DIR: the embedded log lives at `<dataDir>/events.sqlite`. */
  dataDir: string;
  /** EVENTSTORE_URL: when set, the log is on EventStoreDB/KurrentDB instead. */
  eventStoreUrl?: string;
  /** Embedded: false when the caller checks the file itself, off the main thread (checkEventLogInWorker). */
  checkIntegrity?: boolean;
}

export const eventLogFile = (dataDir: string): string => join(dataDir, 'events.sqlite');

export function createEventStore({ dataDir, eventStoreUrl, checkIntegrity }: EventStoreSettings): EventStore {
  if (eventStoreUrl) return new (loadEventStoreDb())(eventStoreUrl);
  return new SqliteEventStore(eventLogFile(dataDir), { checkIntegrity, checkpointInWorker: true });
}
