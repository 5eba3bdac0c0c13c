import type Database from 'better-sqlite3';

/**
 * The SQLite connection under a store and its decorators (each keeps the store it wraps as `inner`), for tests that
 * make SQLite itself fail, e.g. `PRAGMA query_only` (every write then fails with SQLITE_READONLY, as on a file system
 * turned read-only) where the machine cannot remount one.
 */
export function rawSqliteOf(store: object): Database.Database {
  let at = store as { inner?: object; db?: Database.Database };
  while (!at.db) {
    if (!at.inner) throw new Error(`no SQLite connection under ${store.constructor.name}`);
    at = at.inner as typeof at;
  }
  return at.db;
}
