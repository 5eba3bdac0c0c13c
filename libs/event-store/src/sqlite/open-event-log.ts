import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { asStorageError, ensureDirectory } from '@crm/storage';
import { EventLogCorruptError } from '../errors';

const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
  CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    result_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL
  );
`;

/**
 * Opens (creating if needed) the event log file, refusing one that is damaged or not a SQLite database. With
 * `checkIntegrity: false` the caller runs the full check itself (checkEventLogInWorker); a file that is not a
 * database at all is still refused here.
 */
export function openEventLog(file: string, { checkIntegrity = true }: { checkIntegrity?: boolean } = {}): Database.Database {
  ensureDirectory(dirname(file));
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    // Reads every page of the file; a log written by an older or newer schema is still a valid log.
    if (checkIntegrity) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new EventLogCorruptError(file, String(check));
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`event log ${file} has schema version ${version}; this build knows ${SCHEMA_VERSION}`);

    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL skips the fsync at commit, so a write already acknowledged to a client
    // could be lost on power failure or an OS crash. The log is the source of truth, so every commit is synced.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    addChecksumColumn(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db?.close();
    if (isCorruption(error)) throw new EventLogCorruptError(file, (error as Error).message);
    // a full or read-only disk, a directory that cannot hold the file: named, with the file
    throw asStorageError(error, file);
  }
}

/**
 * Rows written since checksums exist carry one (see eventChecksum); older rows have none (NULL) and are read
 * unverified. Adding a nullable column keeps the file readable by an older build, so the schema version stays.
 */
function addChecksumColumn(db: Database.Database): void {
  const columns = db.pragma('table_info(events)') as { name: string }[];
  if (!columns.some((column) => column.name === 'checksum')) db.exec('ALTER TABLE events ADD COLUMN checksum TEXT');
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
