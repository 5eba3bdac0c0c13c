import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '../event-store.port';
import { readPagesInWorker } from './read-pages-in-worker';
import { SqliteEventStore } from './sqlite-event-store';

describe('readPagesInWorker: the log read ahead in a worker thread', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-pages-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file);
    // 25 streams of 10 events, appended in turns, with text that JSON has to escape and some that is not ASCII.
    for (let round = 0; round < 10; round++) {
      await store.append(
        Array.from({ length: 25 }, (_, s) => ({
          streamId: `stream-"${s}"`,
          expectedRevision: round === 0 ? ('no_stream' as const) : round - 1,
          events: [{ type: 'Happened', data: { round, text: `a "quoted" \\ line\nand Mozaïek ${s} ✓`, list: [s, null, { deep: true }] }, metadata: { recordedAt: '2026-01-01T00:00:00.000Z' } }],
        })),
      );
    }
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const collect = async (pages: AsyncIterable<RecordedEvent[]>) => {
    const all: RecordedEvent[][] = [];
    for await (const page of pages) all.push(page);
    return all;
  };

  it('gives the pages readAll gives, up to a short last page', async () => {
    const pages = await collect(readPagesInWorker(file, 0, 40));
    expect(pages.map((page) => page.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    expect(pages.flat()).toEqual(await store.readAll(0, 1000));
    expect(await collect(readPagesInWorker(file, 240, 40))).toEqual([await store.readAll(240, 40)]);
    expect(await collect(readPagesInWorker(file, 200, 50))).toEqual([await store.readAll(200, 50), []]);
  });

  it('gives whole pages of large events too (a page crosses the worker in several parts)', async () => {
    // 12 events of ~30,000 characters each: a page of 5 holds about 150,000, more than a part's 48 K.
    await store.append([
      {
        streamId: 'large',
        expectedRevision: 'no_stream',
        events: Array.from({ length: 12 }, (_, i) => ({ type: 'Noted', data: { i, text: `Mozaïek "${i}" `.repeat(2_000) }, metadata: {} })),
      },
    ]);
    const pages = await collect(readPagesInWorker(file, 248, 5));
    expect(pages.map((page) => page.length)).toEqual([5, 5, 4]);
    expect(pages.flat()).toEqual(await store.readAll(248, 100));
  });

  it('stops reading when the reader stops', async () => {
    const pages = readPagesInWorker(file, 0, 10);
    const seen: number[] = [];
    for await (const page of pages) {
      seen.push(page[0].position);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([1, 11, 21]);
    expect(await pages.next()).toEqual({ done: true, value: undefined });
  });

  it('fails the read with what the worker met: a file that is not there, a damaged row (named by position)', async () => {
    await expect(collect(readPagesInWorker(join(dir, 'missing.sqlite'), 0, 10))).rejects.toThrow();
    const db = new Database(file);
    db.prepare("UPDATE events SET data = '{\"broken\": ' WHERE position = 55").run();
    db.close();
    const pages = readPagesInWorker(file, 0, 50);
    expect((await pages.next()).value).toHaveLength(50);
    await expect(pages.next()).rejects.toThrow(/position 55 .*checksum mismatch/);
  });

  it('reports a row written before checksums (none stored) whose JSON does not parse, by position', async () => {
    const db = new Database(file);
    db.prepare("UPDATE events SET data = '{\"broken\": ', checksum = NULL WHERE position = 7").run();
    db.close();
    await expect(collect(readPagesInWorker(file, 0, 50))).rejects.toThrow(expect.objectContaining({ name: 'DamagedEventError', position: 7 }));
  });

  it('is what SqliteEventStore.readPages reads a long log with, after the pages it reads itself while the worker starts', async () => {
    // 250 events in pages of 5: 16 pages read by the store, the other 34 by the worker.
    expect(await collect(store.readPages(0, 5))).toEqual(await collect(readPagesInWorker(file, 0, 5)));
    const pages = store.readPages(0, 5);
    expect((await pages.next()).value).toEqual(await store.readAll(0, 5));
    await pages.return!();
    // A short read is read by the store alone.
    expect(await collect(store.readPages(0, 100))).toEqual([await store.readAll(0, 100), await store.readAll(100, 100), await store.readAll(200, 100)]);
  });
});
