export * from './event-store.port';
export { DamagedEventError, EventLogCorruptError } from './errors';
export { deterministicEventId } from './eventstoredb/event-ids';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { EventStoreDbEventStore as EventStoreDbEventStoreClass } from './eventstoredb/eventstoredb-event-store';
import { loadEventStoreDb } from './eventstoredb/load-eventstoredb';
/** The EventStoreDB adapter; its client library is loaded when this is first read (see loadEventStoreDb). */
export type EventStoreDbEventStore = EventStoreDbEventStoreClass;
export declare const EventStoreDbEventStore: typeof EventStoreDbEventStoreClass;
Object.defineProperty(exports, 'EventStoreDbEventStore', { enumerable: true, get: loadEventStoreDb });
export { createEventStore, eventLogFile, type EventStoreSettings } from './create-event-store';
export { checkEventLogInWorker } from './sqlite/integrity-check-in-worker';
export { UpcastingEventStore } from './upcasting-event-store';
export { scanEventChecksumsInWorker, type ChecksumScanReport, type DamagedRow } from './sqlite/checksum-scan-in-worker';
export { quarantineEvent, restoreEvent } from './sqlite/repair-event';
