import type { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * The EventStoreDB adapter, loaded on first use: its gRPC client takes a few hundred milliseconds to load, and the
 * embedded mode (SQLite) never needs it.
 */
export function loadEventStoreDb(): typeof EventStoreDbEventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./eventstoredb-event-store') as typeof import('./eventstoredb-event-store')).EventStoreDbEventStore;
}
