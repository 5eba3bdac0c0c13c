import Database from 'better-sqlite3';
import { asStorageError, ensureDirectory, FileIdentity, writing } from '@crm/storage';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { checkSubjectId, KEY_BYTES, KeyLookup, KeyStore, SubjectErasedError } from '../key-store.port';

interface KeyRow {
  key: Buffer | null;
  destroyed_at: string | null;
  checksum: string | null;
}

/** CRC-32 of the subject and its key, stored with the key: a key damaged on disk is named, not used. */
function keyChecksum(subjectId: string, key: Buffer): string {
  return crc32(key, crc32(subjectId)).toString(16).padStart(8, '0');
}

/** A stored data key does not match its checksum: what it encrypted cannot be read until it is restored. */
export class DamagedKeyError extends Error {
  constructor(
    readonly file: string,
    readonly subjectId: string,
  ) {
    super(`the data key of ${subjectId} in ${file} is damaged (checksum mismatch); restore ${file} from the backup taken with the log`);
    this.name = 'DamagedKeyError';
  }
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_keys (
    subject TEXT PRIMARY KEY,
    key BLOB,
    created_at TEXT NOT NULL,
    destroyed_at TEXT,
    CHECK ((key IS NULL) = (destroyed_at IS NOT NULL))
  );
`;

/** The key-store SQLite file is damaged or is not a SQLite database; the store refuses to open it. */
export class KeyStoreCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`key store ${file} is corrupt or not a SQLite database (${detail}); restore it from a backup (without it nothing personal in the log can be read)`);
    this.name = 'KeyStoreCorruptError';
  }
}

/**
 * Data keys in their own SQLite file beside the log (`<DATA_DIR>/keys.sqlite`), never inside it: a backup or copy
 * of the log alone reveals nothing, and destroying a key does not rewrite the log.
 *
 * - WAL with synchronous = FULL, like the log: a key is on disk before the event encrypted with it is appended,
 *   and a key lost is data lost.
 * - secure_delete = ON, and a TRUNCATE checkpoint after each destruction: the key's bytes are overwritten in the
 *   database file and the WAL that still held them is cut to zero, so the file no longer contains them. (What the
 *   file system or SSD keeps of freed blocks, and backups of this file, are outside what SQLite can wipe: keep
 *   backups of keys.sqlite short-lived, or a restore brings erased people back.)
 */
export class SqliteKeyStore implements KeyStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly identity: FileIdentity;
  private readonly select: Database.Statement<[string], KeyRow>;
  private readonly insertKey: Database.Statement<[string, Buffer, string, string]>;
  private readonly tombstone: Database.Statement<[string, string, string]>;
  private readonly getOrCreateTx: Database.Transaction<(subjectId: string) => Buffer>;
  private readonly getOrCreateManyTx: Database.Transaction<(subjectIds: readonly string[]) => Buffer[]>;
  /** Keys asked for in one turn of the event loop, made in one transaction (one fsync): see getOrCreate. */
  private pending: { subjectId: string; resolve: (key: Buffer) => void; reject: (error: unknown) => void }[] = [];
  private readonly destroyTx: Database.Transaction<(subjectId: string) => boolean>;

  constructor(file: string) {
    this.file = resolve(file);
    let db: Database.Database;
    try {
      ensureDirectory(dirname(this.file));
      db = new Database(this.file);
    } catch (error) {
      throw asStorageError(error, this.file);
    }
    try {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new KeyStoreCorruptError(this.file, String(check));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
      // Keys stored before checksums existed have none and are used unverified.
      const columns = db.pragma('table_info(data_keys)') as { name: string }[];
      if (!columns.some((column) => column.name === 'checksum')) db.exec('ALTER TABLE data_keys ADD COLUMN checksum TEXT');
    } catch (error) {
      db.close();
      const code = (error as { code?: unknown }).code;
      // SQLite's own messages ("file is not a database") name no file: say which one, like the log and read store do.
      if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) throw new KeyStoreCorruptError(this.file, (error as Error).message);
      throw asStorageError(error, this.file);
    }
    this.db = db;
    this.identity = new FileIdentity(this.file);
    this.select = db.prepare('SELECT key, destroyed_at, checksum FROM data_keys WHERE subject = ?');
    this.insertKey = db.prepare('INSERT INTO data_keys (subject, key, created_at, checksum) VALUES (?, ?, ?, ?)');
    // The row is deleted and written anew (not updated in place), so secure_delete zeroes the cell that held the key.
    this.tombstone = db.prepare('INSERT INTO data_keys (subject, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?)');
    const deleteRow = db.prepare<[string], { created_at: string }>('DELETE FROM data_keys WHERE subject = ? RETURNING created_at');

    this.getOrCreateTx = db.transaction((subjectId: string) => {
      const row = this.select.get(subjectId);
      if (row?.key) return this.verified(subjectId, row.key, row.checksum);
      if (row) throw new SubjectErasedError(subjectId);
      const key = randomBytes(KEY_BYTES);
      this.insertKey.run(subjectId, key, new Date().toISOString(), keyChecksum(subjectId, key));
      return key;
    });
    this.getOrCreateManyTx = db.transaction((subjectIds: readonly string[]) => subjectIds.map((subjectId) => this.getOrCreateTx(subjectId)));
    this.destroyTx = db.transaction((subjectId: string) => {
      const row = this.select.get(subjectId);
      if (row && !row.key) return false;
      const now = new Date().toISOString();
      const createdAt = deleteRow.get(subjectId)?.created_at ?? now;
      this.tombstone.run(subjectId, createdAt, now);
      return true;
    });
  }

  /**
   * The keys asked for together (an append that seals the events of many people at once asks for all of them in one
   * turn of the event loop) are made in one IMMEDIATE transaction: one fsync for an import of 20,000 people instead
   * of 20,000. IMMEDIATE: two processes creating a key for one subject serialise, and the second reads the first's key.
   */
  async getOrCreate(subjectId: string): Promise<Buffer> {
    checkSubjectId(subjectId);
    return new Promise((resolve, reject) => {
      this.pending.push({ subjectId, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => this.createPending());
    });
  }

  private createPending(): void {
    const batch = this.pending;
    this.pending = [];
    const create = <T>(make: () => T): T =>
      writing(this.file, () => {
        this.identity.check();
        return make();
      });
    try {
      const keys = create(() => this.getOrCreateManyTx.immediate(batch.map((asked) => asked.subjectId)));
      batch.forEach((asked, i) => asked.resolve(keys[i]));
    } catch {
      // One erased subject (or a storage fault) fails only the callers it concerns: the batch is made again one by one.
      for (const asked of batch) {
        try {
          asked.resolve(create(() => this.getOrCreateTx.immediate(asked.subjectId)));
        } catch (error) {
          asked.reject(error);
        }
      }
    }
  }

  private verified(subjectId: string, key: Buffer, checksum: string | null): Buffer {
    if (checksum !== null && checksum !== keyChecksum(subjectId, key)) throw new DamagedKeyError(this.file, subjectId);
    return key;
  }

  async get(subjectId: string): Promise<KeyLookup> {
    checkSubjectId(subjectId);
    const row = this.select.get(subjectId);
    if (!row) return { status: 'absent' };
    return row.key ? { status: 'active', key: this.verified(subjectId, row.key, row.checksum) } : { status: 'destroyed', destroyedAt: row.destroyed_at! };
  }

  async destroy(subjectId: string): Promise<void> {
    checkSubjectId(subjectId);
    if (!writing(this.file, () => this.destroyTx.immediate(subjectId))) return;
    // Moves the zeroed page into the database file and cuts the WAL (which still holds the page with the key) to
    // zero bytes. If another connection is reading, the WAL cannot be cut now; a later checkpoint or the last
    // connection's close does it.
    // The wait for readers is kept short: this runs on the event loop.
    this.db.pragma('busy_timeout = 200');
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.pragma('busy_timeout = 5000');
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
