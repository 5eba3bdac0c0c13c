import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore } from '@crm/event-store';
import { EsdbClientOverSqlite } from '../support/esdb-client-over-sqlite';
import { InterruptedEventStoreDb } from '../support/interrupted-event-stores';
import { describeEventStoreContract } from './event-store.contract';

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
  const url = 'esdb://localhost:2113?tls=false';
  const store = onLog(new EventStoreDbEventStore(url), log);
  const opened: EventStoreDbEventStore[] = [store];
  const interrupted = (fault: (store: InterruptedEventStoreDb) => void) => {
    const faulty = onLog(new InterruptedEventStoreDb(url), log);
    fault(faulty);
    opened.push(faulty);
    return faulty;
  };
  return {
    store,
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await log.close();
    },
    faults: {
      outcomeLost: () => interrupted((s) => (s.failOutcomes = 1)),
      stoppedAfterFirstStream: () => interrupted((s) => (s.streamsBeforeStop = 1)),
      racedBeforeStreams: (before) => interrupted((s) => (s.beforeStreamWrite = before)),
    },
  };
});
