export * from './event-store.port';
export { EventLogCorruptError } from './errors';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export { createEventStore, type EventStoreSettings } from './create-event-store';
export { UpcastingEventStore } from './upcasting-event-store';
