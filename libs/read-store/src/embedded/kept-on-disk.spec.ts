import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStoreCorruptError } from '../errors';
import { StoredDocument } from '../read-store.port';
import { damagePage } from '../../../../test/support/sqlite-pages';
import { markClosedCleanly } from './clean-close-mark';
import { EmbeddedReadStore } from './embedded-read-store';

/**
 * A collection kept on disk (the audit trail) answers from the file as one in memory would; the read-store contract
 * runs whole against a store that keeps every collection on disk. These are what only the file shows.
 */
describe('EmbeddedReadStore: a collection kept on disk', () => {
  let dir: string;
  let file: string;
  const onDisk = { keptOnDisk: (collection: string) => collection === 'trail' };
  const entry = (n: number, by = n % 3 === 0 ? 'anna' : 'bram'): StoredDocument => ({ _id: `e${String(n).padStart(5, '0')}`, n, by });
  const ordered = { trail: [{ key: { n: -1 as const }, ordersOnly: true }] };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-kept-on-disk-'));
    file = join(dir, 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file);
    const upserts = Array.from({ length: 5_000 }, (_, i) => ({ collection: 'trail', document: entry(i + 1) }));
    await store.commit({ upserts: [...upserts, { collection: 'people', document: { _id: 'p1', name: 'Fatima' } }], checkpoints: { trail: 5_000 } });
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const damage = (id: string, body: string) => {
    const db = new Database(file);
    db.prepare("UPDATE documents SET body = ? WHERE collection = 'trail' AND id = ?").run(body, id);
    db.close();
  };

  it('answers lookups, queries and commits from the file, beside collections in memory', async () => {
    const store = await EmbeddedReadStore.open(file, onDisk);
    await store.ensureIndexes(ordered);
    expect(await store.get('people', 'p1')).toEqual({ _id: 'p1', name: 'Fatima' });
    expect(await store.get('trail', 'e00042')).toEqual(entry(42));
    expect((await store.getMany('trail', ['e00002', 'e09999', 'e00001', 'e00002'])).map((d) => d._id)).toEqual(['e00002', 'e00001']);
    expect((await store.find('trail', {}, { limit: 3 })).map((d) => d.n)).toEqual([1, 2, 3]);
    expect(await store.count('trail', { by: 'anna' })).toBe(1_666);

    await store.commit({
      upserts: [{ collection: 'trail', document: entry(6_000, 'carla') }, { collection: 'trail', document: { ...entry(7), by: 'carla' } }],
      deletes: [{ collection: 'trail', id: 'e00001' }],
      checkpoints: { trail: 5_001 },
    });
    expect((await store.find('trail', { by: 'carla' }, { sort: { n: -1 } })).map((d) => d.n)).toEqual([6_000, 7]);
    expect(await store.get('trail', 'e00001')).toBeUndefined();
    expect(await store.count('trail')).toBe(5_000);
    await store.close();
  });

  it('reads a newest-first page without reading the older entries, which a query reaching them does read', async () => {
    // JSON with the wrong _id: SQLite reads its n, the store refuses it once it reads the row.
    damage('e00010', '{"_id":"e99999","n":10,"by":"bram"}');
    const store = await EmbeddedReadStore.open(file, onDisk);
    await store.ensureIndexes(ordered);
    expect((await store.find('trail', { by: 'bram' }, { sort: { n: -1 }, limit: 3 })).map((d) => d.n)).toEqual([5_000, 4_999, 4_997]);
    expect((await store.find('trail', { n: { $lt: 12 } }, { sort: { n: -1 }, limit: 1 })).map((d) => d.n)).toEqual([11]);
    await expect(store.find('trail', { n: { $lt: 12 } }, { sort: { n: -1 }, limit: 2 })).rejects.toBeInstanceOf(ReadStoreCorruptError);
    await expect(store.count('trail', { by: 'bram' })).rejects.toThrow(/trail\/e00010/);
    await store.close();
  });

  it('names a damaged document when a query meets it, and indexes the collection all the same', async () => {
    damage('e00010', '{not json');
    const store = await EmbeddedReadStore.open(file, onDisk);
    await store.ensureIndexes(ordered);
    await expect(store.find('trail', {}, { sort: { n: -1 }, limit: 2 })).rejects.toThrow(ReadStoreCorruptError);
    await expect(store.get('trail', 'e00010')).rejects.toThrow(/trail\/e00010/);
    expect(await store.get('trail', 'e00011')).toEqual(entry(11));
    await store.close();
  });

  it('names a malformed page a query meets as the file’s damage, and leaves no clean-close mark after it', async () => {
    const first = await EmbeddedReadStore.open(file, onDisk);
    await first.ensureIndexes(ordered);
    await first.close();
    // Garbage over the order index's root page, with the clean-close mark kept true to the file (as damage that
    // changes neither size nor time would leave it): the store opens without reading that page.
    damagePage(file, "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name LIKE 'kept_order%'");
    markClosedCleanly(file);

    const store = await EmbeddedReadStore.open(file, onDisk);
    await store.ensureIndexes(ordered);
    await expect(store.find('trail', {}, { sort: { n: -1 }, limit: 2 })).rejects.toBeInstanceOf(ReadStoreCorruptError);
    await store.close();
    expect(existsSync(`${file}.closed-cleanly`)).toBe(false);
  });

  it('leaves no clean-close mark after a session that met a damaged document', async () => {
    damage('e00010', '{"_id":"e99999","n":10,"by":"bram"}');
    const store = await EmbeddedReadStore.open(file, onDisk);
    await expect(store.get('trail', 'e00010')).rejects.toBeInstanceOf(ReadStoreCorruptError);
    await store.close();
    expect(existsSync(`${file}.closed-cleanly`)).toBe(false);
  });

  it('answers text bounds and long $in lists as a collection in memory does, whatever the values hold, and names a damaged row it meets', async () => {
    const values: unknown[] = ['2024-05-01', '2025-01-01', '2026-02-03T10:00:00Z', ['2023-01-01', '2027-01-01'], ['2028-01-01'], 5, null, { at: '2024' }, 'Ørsted', 'zzz', '𝒳'];
    const documents = values.map((t, n) => ({ _id: `d${n}`, t }));
    const inMemory = await EmbeddedReadStore.open(join(dir, 'memory.sqlite'));
    const onDiskToo = await EmbeddedReadStore.open(join(dir, 'disk.sqlite'), { keptOnDisk: () => true });
    for (const store of [inMemory, onDiskToo]) await store.commit({ upserts: [...documents, { _id: 'none' }].map((document) => ({ collection: 'c', document })), checkpoints: {} });
    // The last: an $in too long for SQL, tested on each row's text instead.
    const longIn = { t: { $in: [...Array.from({ length: 60 }, (_, n) => `miss-${n}`), '2024-05-01', 'Ørsted'] } };
    const filters = [{ t: { $lte: '2025-01-01' } }, { t: { $gt: '2025-01-01', $lt: '2027' } }, { t: { $gte: 'Z' } }, { t: { $lt: '\uFFFF' } }, longIn];
    for (const filter of filters) expect((await onDiskToo.find('c', filter)).map((d) => d._id)).toEqual((await inMemory.find('c', filter)).map((d) => d._id));
    await Promise.all([inMemory.close(), onDiskToo.close()]);

    damage('e00010', '{not json');
    const store = await EmbeddedReadStore.open(file, onDisk);
    await expect(store.find('trail', { by: { $gte: 'a' } })).rejects.toThrow(/trail\/e00010/);
    await store.close();
  });

  it('fails a query its collection is dropped under, rather than answer part of it', async () => {
    const store = await EmbeddedReadStore.open(file, onDisk);
    await store.ensureIndexes(ordered);
    const reading = [store.find('trail', { by: 'anna' }, { sort: { n: -1 } }), store.count('trail', { by: 'bram' })];
    await store.drop(['trail'], ['trail']);
    for (const query of reading) await expect(query).rejects.toThrow(/dropped while a query read it/);
    await store.close();
  });

  it('refuses a file whose pages it loads are damaged, and leaves no clean-close mark after a write that met one', async () => {
    const first = await EmbeddedReadStore.open(file, onDisk);
    await first.close();
    // Garbage over a page of the trail's rows, with the mark kept true to the file (as damage that changes neither
    // size nor time would leave it): opening does not read those rows, indexing them does.
    const aTrailPage = "SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20";
    damagePage(file, aTrailPage);
    markClosedCleanly(file);

    const store = await EmbeddedReadStore.open(file, onDisk);
    await expect(store.ensureIndexes(ordered)).rejects.toThrow(/damaged/);
    await store.close();
    expect(existsSync(`${file}.closed-cleanly`)).toBe(false);

    // Loaded at open (not kept on disk), the same damage refuses the file, named.
    damagePage(file, aTrailPage);
    markClosedCleanly(file);
    await expect(EmbeddedReadStore.open(file)).rejects.toBeInstanceOf(ReadStoreCorruptError);
  });

  it('drops its order index with the collection', async () => {
    const store = await EmbeddedReadStore.open(file, onDisk);
    await store.ensureIndexes(ordered);
    await store.drop(['trail'], ['trail']);
    expect(await store.count('trail')).toBe(0);
    await store.commit({ upserts: [{ collection: 'trail', document: { _id: 'x', n: 'text' } }, { collection: 'trail', document: entry(3) }], checkpoints: {} });
    expect((await store.find('trail', {}, { sort: { n: -1 } })).map((d) => d._id)).toEqual(['x', 'e00003']);
    await store.close();
    const db = new Database(file);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'kept_order%'").pluck().all();
    db.close();
    expect(indexes).toEqual([]);
  });
});
