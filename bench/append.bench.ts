import { SqliteEventStore } from '@crm/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const event = (i: number) => ({
  id: randomUUID(),
  type: 'InteractionRecorded',
  data: { partnershipId: 'p', interactionId: randomUUID(), kind: 'call', occurredAt: new Date().toISOString(), initiatedBy: 'school', participantIds: [], n: i },
  metadata: { recordedBy: 'bench', recordedAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID(), schemaVersion: 1 },
});

async function portRate(batchSize: number, events: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const streams = 200;
  const revisions = new Array<number>(streams).fill(-1);
  const started = process.hrtime.bigint();
  for (let written = 0, i = 0; written < events; written += batchSize, i++) {
    const s = i % streams;
    await store.append([
      { streamId: `partnership-${s}`, expectedRevision: revisions[s] < 0 ? 'no_stream' : revisions[s], events: Array.from({ length: batchSize }, (_, k) => event(written + k)) },
    ]);
    revisions[s] += batchSize;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return events / seconds;
}

/** The machine's limit: the same rows inserted with plain better-sqlite3 and the same pragmas, one transaction per batch. */
function rawRate(batchSize: number, events: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE(stream_id, revision)); CREATE INDEX ix_type ON events(type, position);`);
  const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const revisions = new Array<number>(200).fill(-1);
  const batch = db.transaction((rows: ReturnType<typeof event>[], s: number) => {
    for (const row of rows) insert.run(row.id, `partnership-${s}`, ++revisions[s], row.type, JSON.stringify(row.data), JSON.stringify(row.metadata));
  });
  const started = process.hrtime.bigint();
  for (let written = 0, i = 0; written < events; written += batchSize, i++) {
    batch(Array.from({ length: batchSize }, (_, k) => event(written + k)), i % 200);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return events / seconds;
}

export async function appendBench() {
  const single = await portRate(1, 5_000);
  const singleRaw = rawRate(1, 5_000);
  const batched = await portRate(100, 200_000);
  const batchedRaw = rawRate(100, 200_000);
  return {
    'append, single event (events/s)': { port: single, raw: singleRaw, ratio: single / singleRaw },
    'append, batches of 100 (events/s)': { port: batched, raw: batchedRaw, ratio: batched / batchedRaw },
  };
}
