import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore } from '@crm/event-store';
import { EsdbClientOverSqlite } from '../support/esdb-client-over-sqlite';
import { describeEventStoreContract } from './event-store.contract';
import { eventStoreDbFixture } from './eventstoredb-fixture';

/**
 * The EventStoreDB adapter's own logic (write-ahead intents, completion, filtered scans of $all, catch-up and live
 * subscriptions) held to the contract on the embedded log, through a stand-in for the client's calls
 * (EsdbClientOverSqlite). Not a server: the same suite runs against EventStoreDB/KurrentDB in
 * event-store.eventstoredb.spec.ts when EVENTSTORE_URL is set.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function onLog<T extends EventStoreDbEventStore>(store: T, log: SqliteEventStore): T {
  Object.assign(store as unknown as Record<string, unknown>, { client: new EsdbClientOverSqlite(log), supported: Promise.resolve() });
  return store;
}

describeEventStoreContract('EventStoreDB adapter over the embedded log (stand-in client, not a server)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-esdb-over-sqlite-'));
  dirs.push(dir);
  const log = new SqliteEventStore(join(dir, 'events.sqlite'));
  return eventStoreDbFixture('esdb://localhost:2113?tls=false', (store) => onLog(store, log), () => log.close());
});
