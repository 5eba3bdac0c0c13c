import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStoreCorruptError } from '../errors';
import { StoredDocument } from '../read-store.port';
import { EmbeddedReadStore } from './embedded-read-store';

/** A collection kept on disk until first read (the audit trail) answers as one loaded at open would. */
describe('EmbeddedReadStore: a collection loaded on first read', () => {
  let dir: string;
  let file: string;
  const onFirstRead = { loadOnFirstRead: (collection: string) => collection === 'trail' };
  const entry = (n: number, by = n % 3 === 0 ? 'anna' : 'bram'): StoredDocument => ({ _id: `e${String(n).padStart(5, '0')}`, n, by });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-first-read-'));
    file = join(dir, 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file);
    // Stored out of id order, so natural order (the order written) differs from the order it is read in by id.
    const upserts = [...Array.from({ length: 5_000 }, (_, i) => 5_000 - i)].map((n) => ({ collection: 'trail', document: entry(n) }));
    await store.commit({ upserts: [...upserts, { collection: 'people', document: { _id: 'p1', name: 'Fatima' } }], checkpoints: { trail: 5_000 } });
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers lookups by id from the file, and queries in stored order with its indexes, once read', async () => {
    const store = await EmbeddedReadStore.open(file, onFirstRead);
    await store.ensureIndexes({ trail: [{ key: { by: 1 } }, { key: { n: -1 }, ordersOnly: true }] });
    expect(await store.get('people', 'p1')).toEqual({ _id: 'p1', name: 'Fatima' });
    expect(await store.get('trail', 'e00042')).toEqual(entry(42));
    expect((await store.getMany('trail', ['e00002', 'e09999', 'e00001'])).map((d) => d._id)).toEqual(['e00002', 'e00001']);
    const first = (await store.find('trail', {}, { limit: 3 })).map((d) => d.n);
    expect(first).toEqual([5_000, 4_999, 4_998]);
    expect(await store.count('trail', { by: 'anna' })).toBe(1_666);
    expect((await store.find('trail', { by: 'anna' }, { sort: { n: -1 }, limit: 2 })).map((d) => d.n)).toEqual([4_998, 4_995]);
    await store.close();
  });

  it('keeps what is committed while it loads: new, changed and deleted documents', async () => {
    const store = await EmbeddedReadStore.open(file, onFirstRead);
    await store.ensureIndexes({ trail: [{ key: { by: 1 } }] });
    const loading = store.find('trail', { by: 'carla' });
    await store.commit({
      upserts: [
        { collection: 'trail', document: { ...entry(7), by: 'carla' } },
        { collection: 'trail', document: entry(6_000, 'carla') },
      ],
      deletes: [{ collection: 'trail', id: 'e00001' }],
      checkpoints: { trail: 5_001 },
    });
    await loading;
    expect((await store.find('trail', { by: 'carla' })).map((d) => d.n).sort()).toEqual([6_000, 7]);
    expect(await store.get('trail', 'e00001')).toBeUndefined();
    expect(await store.count('trail')).toBe(5_000);
    await store.close();
    // And the file holds the same, as a restart shows.
    const again = await EmbeddedReadStore.open(file);
    expect((await again.find('trail', { by: 'carla' })).map((d) => d.n).sort()).toEqual([6_000, 7]);
    await again.close();
  });

  it('writes commits to the file only before the first read, and answers them at that read', async () => {
    const store = await EmbeddedReadStore.open(file, onFirstRead);
    await store.commit({ upserts: [{ collection: 'trail', document: entry(7_000, 'dirk') }], checkpoints: { trail: 5_002 } });
    expect(await store.get('trail', 'e07000')).toEqual(entry(7_000, 'dirk'));
    expect((await store.find('trail', { by: 'dirk' })).map((d) => d._id)).toEqual(['e07000']);
    await store.close();
  });

  it('fails a read on a damaged document, and loads again at the next read once the document is written anew', async () => {
    const db = new Database(file);
    db.prepare("UPDATE documents SET body = '{not json' WHERE collection = 'trail' AND id = 'e00005'").run();
    db.close();
    const store = await EmbeddedReadStore.open(file, onFirstRead);
    await expect(store.find('trail', {})).rejects.toBeInstanceOf(ReadStoreCorruptError);
    await store.commit({ upserts: [{ collection: 'trail', document: entry(5) }], checkpoints: { trail: 5_003 } });
    expect(await store.count('trail')).toBe(5_000);
    await store.close();
  });

  it('holds nothing of a collection dropped while it loads', async () => {
    const store = await EmbeddedReadStore.open(file, onFirstRead);
    const loading = store.find('trail', {});
    await store.drop(['trail'], ['trail']);
    await loading;
    expect(await store.count('trail')).toBe(0);
    await store.close();
  });
});
