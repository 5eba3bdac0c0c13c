import { StorageError } from '@crm/storage';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DamagedEventError } from '../errors';
import { SqliteEventStore } from './sqlite-event-store';

const big = (n: number) => ({ type: 'Happened', data: { n, text: 'x'.repeat(3000) }, metadata: {} });

describe('SqliteEventStore: storage faults and damaged rows', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-log-faults-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full file refuses the append as StorageError `full` naming it, writes nothing, and takes appends again once there is room', async () => {
    await store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [big(0)] }]);
    // SQLite's own page limit: the file is "full" exactly as on a full disk (SQLITE_FULL), for this connection.
    const db = (store as unknown as { db: Database.Database }).db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const refused = store.append([{ streamId: 's-1', expectedRevision: 0, events: [big(1), big(2), big(3)] }]);
    await expect(refused).rejects.toThrow(StorageError);
    await expect(refused).rejects.toMatchObject({ fault: 'full', file, message: expect.stringContaining(`${file}: disk full (SQLITE_FULL`) });
    expect(await store.headPosition()).toBe(1);
    db.pragma(`max_page_count = ${pages * 100}`);
    expect(await store.append([{ streamId: 's-1', expectedRevision: 0, events: [big(1)] }])).toEqual({ streams: [{ streamId: 's-1', revision: 1 }], position: 2 });
  });

  it('a digit changed inside a stored event is found on read, naming file, stream and position', async () => {
    await store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [{ type: 'Happened', data: { year: 2026 }, metadata: {} }] }]);
    const raw = new Database(file);
    raw.prepare("UPDATE events SET data = replace(data, '2026', '2126')").run();
    raw.close();
    await expect(store.readStream('s-1')).rejects.toThrow(DamagedEventError);
    await expect(store.readAll(0, 10)).rejects.toMatchObject({ file, position: 1, streamId: 's-1' });
  });

  it('a row written before checksums (none stored) is read unverified, unless its JSON is broken', async () => {
    await store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [{ type: 'Happened', data: { year: 2026 }, metadata: {} }] }]);
    const raw = new Database(file);
    raw.prepare("UPDATE events SET data = replace(data, '2026', '2126'), checksum = NULL").run();
    raw.close();
    expect((await store.readStream('s-1'))[0].data).toEqual({ year: 2126 });
    const again = new Database(file);
    again.prepare("UPDATE events SET data = '{\"year\": '").run();
    again.close();
    await expect(store.readStream('s-1')).rejects.toThrow(/position 1 of stream s-1 .* is damaged \(not valid JSON/);
  });
});
