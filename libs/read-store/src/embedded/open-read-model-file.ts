import { asStorageError, ensureDirectory } from '@crm/storage';
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { ReadStoreCorruptError, ReadStoreInUseError } from '../errors';
import { takeCleanCloseMark } from './clean-close-mark';

const SCHEMA_VERSION = 1;

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

/**
 * Opens (creating if needed) the read-model file and takes it for this connection alone, refusing one that is
 * damaged, not a SQLite database, or already open elsewhere. A file closed cleanly and unchanged since is not read
 * page by page first (see clean-close-mark.ts).
 */
export function openReadModelFile(file: string): Database.Database {
  ensureDirectory(dirname(file));
  const closedCleanly = takeCleanCloseMark(file);
  let db: Database.Database | undefined;
  try {
    // No busy wait: the lock below is held for the life of the store, so waiting would only delay the error.
    db = new Database(file, { timeout: 0 });
    // Exclusive for as long as the connection is open: the store serves documents from memory, so nobody else
    // may write the file under it. Set before the first access, so WAL runs without a shared-memory file.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');

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
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new ReadStoreInUseError(file);
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw new ReadStoreCorruptError(file, (error as Error).message);
    }
    throw asStorageError(error, file);
  }
}
