import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedKeyStore, createKeyStore, SqliteKeyStore } from '@crm/privacy';
import { describeKeyStoreContract } from './key-store.contract';

const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-key-store-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeKeyStoreContract('SQLite', async () => {
  const file = join(tempDir(), 'keys.sqlite');
  const store = new SqliteKeyStore(file);
  return { store, other: async () => new SqliteKeyStore(file), cleanup: () => store.close() };
});

describeKeyStoreContract('SQLite behind the in-memory cache', async () => {
  const file = join(tempDir(), 'keys.sqlite');
  const store = new CachedKeyStore(new SqliteKeyStore(file));
  return { store, other: async () => new CachedKeyStore(new SqliteKeyStore(file)), cleanup: () => store.close() };
});

describe('SqliteKeyStore', () => {
  const opened: SqliteKeyStore[] = [];
  const open = (file: string): SqliteKeyStore => {
    const store = new SqliteKeyStore(file);
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('keeps keys and tombstones across close and reopen, in WAL mode', async () => {
    const file = join(tempDir(), 'keys.sqlite');
    const first = open(file);
    const key = await first.getOrCreate('person:a');
    await first.destroy('person:b');
    await first.close();

    const reopened = open(file);
    expect(await reopened.get('person:a')).toEqual({ status: 'active', key });
    expect((await reopened.get('person:b')).status).toBe('destroyed');
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('leaves no trace of a destroyed key in the database file or its WAL', async () => {
    const file = join(tempDir(), 'keys.sqlite');
    const store = open(file);
    const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => store.getOrCreate(`person:${i}`)));
    const doomed = keys[7];
    const fileHolds = (bytes: Buffer) =>
      [file, `${file}-wal`].some((path) => existsSync(path) && readFileSync(path).includes(bytes));
    expect(fileHolds(doomed)).toBe(true);

    await store.destroy('person:7');

    expect(fileHolds(doomed)).toBe(false);
    expect(fileHolds(keys[8])).toBe(true);
    expect(await store.get('person:8')).toEqual({ status: 'active', key: keys[8] });
  });

  it('refuses a file that is not a SQLite database', () => {
    const file = join(tempDir(), 'keys.sqlite');
    writeFileSync(file, 'not a key store\n'.repeat(300));
    expect(() => open(file)).toThrow();
  });
});

describe('createKeyStore', () => {
  it('uses SQLite at <dataDir>/keys.sqlite without MONGODB_URL', async () => {
    const dataDir = tempDir();
    const store = await createKeyStore({ dataDir });
    try {
      expect(store).toBeInstanceOf(SqliteKeyStore);
      expect(existsSync(join(dataDir, 'keys.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
