import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStore, EmbeddedReadStore, ReadStoreCorruptError, ReadStoreInUseError, StoredDocument } from '@crm/read-store';
import { crashEmbeddedStore } from '../support/crash-embedded-store';
import { damagePage } from '../support/sqlite-pages';
import { describeReadStoreContract } from './read-store.contract';

const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-read-store-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeReadStoreContract('embedded (mingo + SQLite)', async () => {
  const store = await EmbeddedReadStore.open(join(tempDir(), 'read-models.sqlite'));
  return { store, cleanup: () => store.close() };
});

// The same contract with every collection kept on disk: queries answered from the file (KeptOnDisk) read as from memory.
describeReadStoreContract('embedded, every collection kept on disk', async () => {
  const store = await EmbeddedReadStore.open(join(tempDir(), 'read-models.sqlite'), { keptOnDisk: () => true });
  return { store, cleanup: () => store.close() };
});

// And with the server's writer: batches of collections kept on disk written by a worker thread (KeptOnDiskWriter).
describeReadStoreContract('embedded, every collection kept on disk and written by a worker', async () => {
  const store = await EmbeddedReadStore.open(join(tempDir(), 'read-models.sqlite'), { keptOnDisk: () => true, writeKeptOnDiskInWorker: true });
  return { store, cleanup: () => store.close() };
});

describe('EmbeddedReadStore', () => {
  const opened: EmbeddedReadStore[] = [];
  const open = async (file: string): Promise<EmbeddedReadStore> => {
    const store = await EmbeddedReadStore.open(file);
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('keeps documents, checkpoints, meta and natural order across close and reopen, without replaying anything', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const first = await open(file);
    await first.commit({
      upserts: ['c', 'a', 'b'].map((id) => ({ collection: 'partnerships', document: { _id: id, levels: ['mbo'], nested: { id } } })),
      checkpoints: { partnerships: 120 },
    });
    await first.commit({
      upserts: [{ collection: 'partnerships', document: { _id: 'c', levels: ['vo'], nested: { id: 'c' } } }],
      deletes: [{ collection: 'partnerships', id: 'b' }],
      checkpoints: { partnerships: 130, people: 7 },
    });
    await first.setMeta('partnerships.live', 'partnerships_v2');
    const before = await first.find('partnerships');
    await first.close();

    const reopened = await open(file);
    expect(await reopened.find('partnerships')).toEqual(before);
    expect((await reopened.find('partnerships')).map((d) => d._id)).toEqual(['c', 'a']);
    expect(await reopened.find('partnerships', { levels: 'vo' })).toEqual([{ _id: 'c', levels: ['vo'], nested: { id: 'c' } }]);
    expect(await reopened.checkpoint('partnerships')).toBe(130);
    expect(await reopened.checkpoint('people')).toBe(7);
    expect(await reopened.getMeta('partnerships.live')).toBe('partnerships_v2');
  });

  it('reloads megabytes of documents whole and in order, and refuses a broken one among them, naming it', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const first = await open(file);
    const ids = Array.from({ length: 12 }, (_, n) => `p${(n * 7) % 12}`);
    await first.commit({
      upserts: ids.map((id) => ({ collection: 'partnerships', document: { _id: id, notes: Array.from({ length: 2000 }, (_, i) => ({ i, text: `${id}-${'x'.repeat(100)}` })) } })),
      checkpoints: { partnerships: 12 },
    });
    await first.commit({ upserts: [{ collection: 'people', document: { _id: 'last', name: 'Ada' } }], checkpoints: { people: 13 } });
    const before = await first.find('partnerships');
    await first.close();

    const reopened = await open(file);
    expect((await reopened.find('partnerships')).map((d) => d._id)).toEqual(ids);
    expect(await reopened.find('partnerships')).toEqual(before);
    expect(await reopened.get('people', 'last')).toEqual({ _id: 'last', name: 'Ada' });
    await reopened.close();

    const db = new Database(file);
    db.prepare("UPDATE documents SET body = '{\"_id\": \"last\", broken' WHERE id = 'last'").run();
    db.close();
    await expect(open(file)).rejects.toThrow(/people\/last/);
    // refused without keeping the file: it opens again once repaired
    const repair = new Database(file);
    repair.prepare('UPDATE documents SET body = \'{"_id":"last"}\' WHERE id = \'last\'').run();
    repair.close();
    expect(await (await open(file)).get('people', 'last')).toEqual({ _id: 'last' });
  });

  it('does not persist a rejected batch', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const first = await open(file);
    await first.commit({ upserts: [{ collection: 'a', document: { _id: 'x', v: 1 } }], checkpoints: { a: 1 } });
    await expect(
      first.commit({
        upserts: [
          { collection: 'a', document: { _id: 'x', v: 2 } },
          { collection: 'a', document: { v: 3 } as unknown as StoredDocument },
        ],
        checkpoints: { a: 2 },
      }),
    ).rejects.toThrow();
    await first.close();

    const reopened = await open(file);
    expect(await reopened.find('a')).toEqual([{ _id: 'x', v: 1 }]);
    expect(await reopened.checkpoint('a')).toBe(1);
  });

  it('hands out frozen documents', async () => {
    const store = await open(join(tempDir(), 'read-models.sqlite'));
    await store.commit({ upserts: [{ collection: 'a', document: { _id: 'x', list: [{ n: 1 }] } }], checkpoints: {} });
    const document = (await store.get('a', 'x'))!;

    expect(Object.isFrozen(document)).toBe(true);
    expect(Object.isFrozen((document.list as object[])[0])).toBe(true);
    expect(() => ((document.list as { n: number }[])[0].n = 2)).toThrow(TypeError);
  });

  it('creates the parent directory of its file', async () => {
    const file = join(tempDir(), 'nested', 'data', 'read-models.sqlite');
    await open(file);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a file that is not a SQLite database, naming it', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    writeFileSync(file, 'this is a spreadsheet export, not a read-model store\n'.repeat(200));

    await expect(open(file)).rejects.toThrow(ReadStoreCorruptError);
    await expect(open(file)).rejects.toThrow(file);
  });

  it('refuses a truncated file', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await open(file);
    for (let batch = 0; batch < 20; batch++) {
      const upserts = Array.from({ length: 50 }, (_, n) => ({
        collection: 'filler',
        document: { _id: `${batch}-${n}`, text: 'x'.repeat(400) },
      }));
      await store.commit({ upserts, checkpoints: { filler: batch + 1 } });
    }
    await store.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));

    let error: unknown;
    try {
      await open(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReadStoreCorruptError);
    expect((error as ReadStoreCorruptError).file).toBe(file);
  });

  it('refuses a stored document that is not valid JSON, naming the file', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await open(file);
    await store.commit({ upserts: [{ collection: 'a', document: { _id: 'x' } }], checkpoints: {} });
    await store.close();
    const db = new Database(file);
    db.prepare("UPDATE documents SET body = '{\"_id\": \"x\", broken' WHERE id = 'x'").run();
    db.close();

    await expect(open(file)).rejects.toThrow(ReadStoreCorruptError);
    await expect(open(file)).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*a/x`));
  });

  it('refuses a second store on the same file while the first is open', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const first = await open(file);

    await expect(open(file)).rejects.toThrow(ReadStoreInUseError);
    await expect(open(file)).rejects.toThrow(file);

    await first.close();
    await expect(open(file)).resolves.toBeInstanceOf(EmbeddedReadStore);
  });

  it('marks a clean close beside the file, and takes the mark away when it opens the file again', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await open(file);
    await store.commit({ upserts: [{ collection: 'a', document: { _id: 'x' } }], checkpoints: { a: 1 } });
    expect(existsSync(`${file}.closed-cleanly`)).toBe(false);
    await store.close();
    expect(existsSync(`${file}.closed-cleanly`)).toBe(true);
    // Open until the process ends: a crash or a kill now leaves no mark, so the next start checks every page.
    await open(file);
    expect(existsSync(`${file}.closed-cleanly`)).toBe(false);
  });

  it('checks every page of a file changed after its clean close, and refuses it when a page is damaged', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file, { keptOnDisk: (collection) => collection === 'trail' });
    const upserts = Array.from({ length: 3_000 }, (_, n) => ({ collection: 'trail', document: { _id: `e${n}`, n } }));
    await store.commit({ upserts, checkpoints: { trail: 3_000 } });
    await store.ensureIndexes({ trail: [{ key: { n: -1 }, ordersOnly: true }] });
    await store.close();
    // Garbage in the trail's order index: a page that opening and loading the documents never read.
    damagePage(file, "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name LIKE 'kept_order%'");

    await expect(open(file)).rejects.toThrow(ReadStoreCorruptError);
  });

  /** Ends a store as a crash would: its connection closed with nothing more written (no round, no clean close). */
  const crash = crashEmbeddedStore;
  const writableOf = (store: EmbeddedReadStore) => (store as unknown as { db: Database.Database }).db;

  it('answers a commit at once and writes it to the file in a later round: a crash before that leaves the file at its last round, never a checkpoint ahead of its documents', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const first = await open(file);
    await first.commit({ upserts: [{ collection: 'a', document: { _id: 'x', v: 1 } }], checkpoints: { a: 1 } });
    await first.close();

    const second = await EmbeddedReadStore.open(file, { persistAfterMs: 60_000 });
    await second.commit({
      upserts: [{ collection: 'a', document: { _id: 'x', v: 2 } }, { collection: 'a', document: { _id: 'y', v: 1 } }],
      checkpoints: { a: 2 },
    });
    expect(await second.find('a')).toEqual([{ _id: 'x', v: 2 }, { _id: 'y', v: 1 }]);
    expect(await second.checkpoint('a')).toBe(2);
    crash(second);

    const restarted = await open(file);
    expect(await restarted.find('a')).toEqual([{ _id: 'x', v: 1 }]);
    expect(await restarted.checkpoint('a')).toBe(1);
  });

  it('a round writes every document as committed last, with the removals and the checkpoints', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file, { persistAfterMs: 60_000 });
    const text = 'x'.repeat(20_000);
    for (let batch = 0; batch < 10; batch++) {
      const upserts = Array.from({ length: 100 }, (_, n) => ({ collection: 'big', document: { _id: `d${n}`, batch, text } }));
      await store.commit({ upserts, deletes: batch === 9 ? [{ collection: 'big', id: 'd0' }] : [], checkpoints: { big: batch + 1 } });
    }
    await store.saved();
    crash(store);

    const restarted = await open(file);
    const documents = await restarted.find('big');
    expect(documents.map((d) => d._id)).toEqual(Array.from({ length: 99 }, (_, n) => `d${n + 1}`));
    expect(documents.every((d) => d.batch === 9)).toBe(true);
    expect(await restarted.checkpoint('big')).toBe(10);
  });

  it('a round the disk refuses is answered with the storage error and tried again; memory answers meanwhile, and the file gets everything once writable', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file, { persistAfterMs: 60_000 });
    await store.commit({ upserts: [{ collection: 'a', document: { _id: 'x', v: 1 } }], checkpoints: { a: 1 } });
    writableOf(store).pragma('query_only = 1');
    await expect(store.saved()).rejects.toMatchObject({ name: 'StorageError', fault: 'read_only', file });
    expect(await store.get('a', 'x')).toEqual({ _id: 'x', v: 1 });

    writableOf(store).pragma('query_only = 0');
    await store.commit({ upserts: [{ collection: 'a', document: { _id: 'y', v: 1 } }], checkpoints: { a: 2 } });
    await store.saved();
    crash(store);
    const restarted = await open(file);
    expect(await restarted.find('a')).toEqual([{ _id: 'x', v: 1 }, { _id: 'y', v: 1 }]);
    expect(await restarted.checkpoint('a')).toBe(2);
  });

  describe('while a round is under way (one document per transaction, commits between them)', () => {
    const stepwise = { persistAfterMs: 60_000, persistPartMs: 0 };
    const doc = (id: string, v: number) => ({ collection: 'a', document: { _id: id, v } });

    /** A file holding x (v1) at checkpoint 1, opened again. */
    async function withX(): Promise<{ file: string; store: EmbeddedReadStore }> {
      const file = join(tempDir(), 'read-models.sqlite');
      const first = await EmbeddedReadStore.open(file, stepwise);
      await first.commit({ upserts: [doc('x', 1)], checkpoints: { a: 1 } });
      await first.close();
      return { file, store: await EmbeddedReadStore.open(file, stepwise) };
    }

    it('a document removed before its turn and made again before the round ends is in the file as made again', async () => {
      const { file, store } = await withX();
      await store.commit({ upserts: [], deletes: [{ collection: 'a', id: 'x' }], checkpoints: { a: 2 } });
      await store.commit({ upserts: [doc('b', 1), doc('c', 1)], checkpoints: { a: 3 } });
      const saving = store.saved(); // x's turn comes first: it is missing then
      await store.commit({ upserts: [doc('x', 3)], checkpoints: { a: 4 } });
      await saving;
      crash(store);

      const restarted = await open(file);
      expect(await restarted.find('a', {}, { sort: { _id: 1 } })).toEqual([{ _id: 'b', v: 1 }, { _id: 'c', v: 1 }, { _id: 'x', v: 3 }]);
      expect(await restarted.checkpoint('a')).toBe(3);
    });

    it('a close in the middle of a round writes its removals too', async () => {
      const { file, store } = await withX();
      await store.commit({ upserts: [], deletes: [{ collection: 'a', id: 'x' }], checkpoints: { a: 2 } });
      await store.commit({ upserts: [doc('b', 1), doc('c', 1)], checkpoints: { a: 3 } });
      void store.saved().catch(() => undefined);
      await store.close();

      const reopened = await open(file);
      expect(await reopened.find('a', {}, { sort: { _id: 1 } })).toEqual([{ _id: 'b', v: 1 }, { _id: 'c', v: 1 }]);
      expect(await reopened.checkpoint('a')).toBe(3);
    });

    it('saved() waits for every round that holds what was committed before it, whoever else is waiting', async () => {
      const { file, store } = await withX();
      await store.commit({ upserts: [doc('b', 1), doc('c', 1)], checkpoints: { a: 2 } });
      const first = store.saved();
      await store.commit({ upserts: [doc('d', 1), doc('e', 1)], checkpoints: { a: 3 } });
      const [second, third] = [store.saved(), store.saved()];
      await Promise.all([first, third]);
      crash(store);
      await second.catch(() => undefined);

      const restarted = await open(file);
      expect((await restarted.find('a', {}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['b', 'c', 'd', 'e', 'x']);
      expect(await restarted.checkpoint('a')).toBe(3);
    });

    it('a checkpoint written at once (a batch kept on disk) is not moved back by a round', async () => {
      const file = join(tempDir(), 'read-models.sqlite');
      const store = await EmbeddedReadStore.open(file, { ...stepwise, keptOnDisk: (collection) => collection === 'trail' });
      await store.commit({ upserts: [], checkpoints: { trail: 40 } });
      await store.commit({ upserts: [{ collection: 'trail', document: { _id: 'e50', n: 50 } }], checkpoints: { trail: 50 } });
      await store.saved();
      crash(store);

      const restarted = await open(file);
      expect(await restarted.checkpoint('trail')).toBe(50);
    });
  });

  it('with a writer thread, a batch kept on disk is in the file, checkpoint and all, once its commit resolves', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file, { keptOnDisk: (collection) => collection === 'trail', writeKeptOnDiskInWorker: true });
    opened.push(store);
    const entries = Array.from({ length: 500 }, (_, i) => ({ collection: 'trail', document: { _id: `e${i}`, n: i, text: 'line\nbreak "quoted"' } }));
    await store.commit({ upserts: entries, checkpoints: { trail: 500 } });
    await store.commit({ upserts: [], deletes: [{ collection: 'trail', id: 'e7' }], checkpoints: { trail: 501 } });

    // Read by another connection while the store is open: what the file holds, not what memory does.
    const reader = new Database(file, { readonly: true });
    const rows = reader.prepare("SELECT id, body FROM documents WHERE collection = 'trail'").all() as { id: string; body: string }[];
    const checkpoint = reader.prepare("SELECT position FROM checkpoints WHERE projection = 'trail'").pluck().get();
    reader.close();
    expect(rows).toHaveLength(499);
    expect(JSON.parse(rows.find((row) => row.id === 'e42')!.body)).toEqual({ _id: 'e42', n: 42, text: 'line\nbreak "quoted"' });
    expect(checkpoint).toBe(501);
    expect(await store.count('trail', { n: { $gte: 490 } })).toBe(10);
  });

  it('with a writer thread that has ended, batches kept on disk (the one under way too) are written on the store\'s own connection', async () => {
    const file = join(tempDir(), 'read-models.sqlite');
    const store = await EmbeddedReadStore.open(file, { keptOnDisk: (collection) => collection === 'trail', writeKeptOnDiskInWorker: true });
    opened.push(store);
    await store.commit({ upserts: [{ collection: 'trail', document: { _id: 'before', n: 1 } }], checkpoints: { trail: 1 } });
    // The thread fails (out of memory, say) with a batch sent to it: its end is what the store learns of it.
    const underWay = store.commit({ upserts: [{ collection: 'trail', document: { _id: 'under way', n: 2 } }], checkpoints: { trail: 2 } });
    const { writer } = store as unknown as { writer: { worker: { worker: { terminate(): Promise<number> } } } };
    await writer.worker.worker.terminate();
    await underWay;

    await store.commit({ upserts: [{ collection: 'trail', document: { _id: 'after', n: 3 } }], checkpoints: { trail: 3 } });
    expect((await store.find('trail', {}, { sort: { n: 1 } })).map((entry) => entry._id)).toEqual(['before', 'under way', 'after']);
    expect(await store.checkpoint('trail')).toBe(3);
  });

  it('rejects calls once closed', async () => {
    const store = await open(join(tempDir(), 'read-models.sqlite'));
    await store.close();
    await expect(store.find('a')).rejects.toThrow(/closed/);
    await expect(store.commit({ upserts: [], checkpoints: {} })).rejects.toThrow(/closed/);
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe('createReadStore', () => {
  it('uses the embedded store at <dataDir>/read-models.sqlite without MONGODB_URL', async () => {
    const dataDir = tempDir();
    const store = await createReadStore({ dataDir });
    try {
      expect(store).toBeInstanceOf(EmbeddedReadStore);
      expect(existsSync(join(dataDir, 'read-models.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
