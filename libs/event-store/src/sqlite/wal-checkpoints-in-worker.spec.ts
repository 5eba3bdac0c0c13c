import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const KB = 1024;
const note = 'x'.repeat(KB);
const batch = (stream: number) => [{ streamId: `s-${stream}`, expectedRevision: 'no_stream' as const, events: Array.from({ length: 100 }, (_, n) => ({ type: 'Noted', data: { n, note }, metadata: {} })) }];

describe('SqliteEventStore with checkpoints in a worker thread', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-checkpoints-'));
    file = join(dir, 'events.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the write-ahead file small: what is checkpointed is written over by the next appends', async () => {
    const store = new SqliteEventStore(file, { checkpointInWorker: true });
    try {
      // 3,000 events of 1 KB each: about 3 MB of log, which without checkpoints would all be in the write-ahead file.
      for (let stream = 0; stream < 30; stream++) {
        await store.append(batch(stream));
        await store.checkpointNow();
      }
      expect(statSync(`${file}-wal`).size).toBeLessThan(600 * KB);
      expect(statSync(file).size).toBeGreaterThan(3000 * KB);
    } finally {
      await store.close();
    }
  });

  it('leaves every acknowledged event in the file once closed, readable by another connection', async () => {
    const store = new SqliteEventStore(file, { checkpointInWorker: true });
    for (let stream = 0; stream < 3; stream++) await store.append(batch(stream));
    await store.close();
    const other = new Database(file, { readonly: true });
    try {
      expect(other.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 300 });
    } finally {
      other.close();
    }
  });
});
