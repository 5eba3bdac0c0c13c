import { asStorageError, ensureDirectory } from '@crm/storage';
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { ReadStoreCorruptError, ReadStoreInUseError } from '../errors';
import { takeCleanCloseMark } from './clean-close-mark';

const SCHEMA_VERSION = 1;

/** How long a write waits for the other connection's (see openReadModelFile) before it fails. */
export const WAIT_FOR_WRITER_MS = 10_000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

/** The read-model file's connection, and the lock that makes it this store's alone (see openReadModelFile). */
export interface ReadModelFile {
  db: Database.Database;
  lock: Database.Database;
}

/**
 * Opens (creating if needed) the read-model file, refusing one that is damaged, not a SQLite database, or already
 * open elsewhere. A file closed cleanly and unchanged since is not read page by page first (see clean-close-mark.ts).
 *
 * The store serves documents from memory, so nobody else may write the file under it: a lock file beside it
 * (`<file>-lock`, a SQLite file held in exclusive locking mode for the store's life) keeps out another process and a
 * second store in this one. The file itself is shared by two connections of this store, this one and the thread that
 * writes the collections kept on disk (KeptOnDiskWriter), so it is opened in normal locking mode, waiting for the other
 * to finish a write rather than failing.
 */
export function openReadModelFile(file: string): ReadModelFile {
  ensureDirectory(dirname(file));
  let lock: Database.Database | undefined;
  let db: Database.Database | undefined;
  try {
    // No busy wait: the lock is held for the life of the store, so waiting would only delay the error.
    lock = new Database(`${file}-lock`, { timeout: 0 });
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
    const closedCleanly = takeCleanCloseMark(file);
    db = new Database(file, { timeout: WAIT_FOR_WRITER_MS });

    if (!closedCleanly) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new ReadStoreCorruptError(file, String(check));
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`read-model store ${file} has schema version ${version}; this build knows ${SCHEMA_VERSION}`);

    db.pragma('journal_mode = WAL');
    // NORMAL, not FULL: a power cut may lose the last commits, but file and checkpoints stay consistent with each
    // other (both are written in one transaction), and read models are rebuilt from the event log past the
    // checkpoint. The event log itself syncs every commit.
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return { db, lock };
  } catch (error) {
    db?.close();
    lock?.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new ReadStoreInUseError(file);
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw new ReadStoreCorruptError(file, (error as Error).message);
    }
    throw asStorageError(error, file);
  }
}
