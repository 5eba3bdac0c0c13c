import Database from 'better-sqlite3';
import { QUARANTINED_EVENT_TYPE } from '../event-store.port';
import { eventChecksum } from './event-checksum';
import { openEventLog } from './open-event-log';
import type { EventRow } from './sqlite-event-store';

type Row = EventRow;

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, checksum';

function rowAt(db: Database.Database, position: number, file: string): Row {
  const row = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM events WHERE position = ?`).get(position);
  if (!row) throw new Error(`${file} has no event at position ${position}`);
  return row;
}

function rewrite(db: Database.Database, row: Row, type: string, data: string, metadata: string): void {
  const checksum = eventChecksum(row.position, row.id, row.stream_id, row.revision, type, data, metadata);
  db.prepare('UPDATE events SET type = ?, data = ?, metadata = ?, checksum = ? WHERE position = ?').run(type, data, metadata, checksum, row.position);
}

/**
 * Puts a damaged event out of the way, for good: its row becomes a QUARANTINED_EVENT_TYPE marker saying who did it,
 * when and why (same position, id, stream and revision), and the row as it was is kept in `quarantined_events`.
 * What the event recorded is lost to the product (restore it from a backup with restoreEvent if there is one).
 * Run with the API stopped; rebuild the read models afterwards.
 */
export function quarantineEvent(file: string, position: number, { by, reason }: { by: string; reason: string }): { streamId: string; type: string } {
  if (!by.trim() || !reason.trim()) throw new Error('say who quarantines the event (--by) and why (--reason)');
  const db = openEventLog(file);
  try {
    return db.transaction(() => {
      const row = rowAt(db, position, file);
      if (row.type === QUARANTINED_EVENT_TYPE) throw new Error(`the event at position ${position} is already quarantined`);
      db.exec(`CREATE TABLE IF NOT EXISTS quarantined_events (
        position INTEGER PRIMARY KEY, id TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
        data TEXT NOT NULL, metadata TEXT NOT NULL, checksum TEXT, quarantined_at TEXT NOT NULL, quarantined_by TEXT NOT NULL, reason TEXT NOT NULL)`);
      const at = new Date().toISOString();
      db.prepare(`INSERT INTO quarantined_events (${COLUMNS}, quarantined_at, quarantined_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        row.position, row.id, row.stream_id, row.revision, row.type, row.data, row.metadata, row.checksum, at, by, reason,
      );
      const metadata = JSON.stringify({ recordedBy: by, recordedAt: at, quarantined: { type: row.type, reason }, schemaVersion: 1 });
      rewrite(db, row, QUARANTINED_EVENT_TYPE, '{}', metadata);
      return { streamId: row.stream_id, type: row.type };
    })();
  } finally {
    db.close();
  }
}

/**
 * Puts back the event at `position` as a backup of the log file holds it (the same event: same id, stream and
 * revision; ciphertext as written, so the data keys still open it), after checking the backup's row is sound.
 * Run with the API stopped.
 */
export function restoreEvent(file: string, position: number, backupFile: string): { streamId: string; type: string } {
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  let saved: Row;
  try {
    saved = rowAt(backup, position, backupFile);
  } finally {
    backup.close();
  }
  if (saved.checksum !== null && saved.checksum !== eventChecksum(saved.position, saved.id, saved.stream_id, saved.revision, saved.type, saved.data, saved.metadata)) {
    throw new Error(`the backup's event at position ${position} is damaged too`);
  }
  try {
    JSON.parse(saved.data);
    JSON.parse(saved.metadata);
  } catch {
    throw new Error(`the backup's event at position ${position} is not valid JSON either`);
  }
  const db = openEventLog(file);
  try {
    return db.transaction(() => {
      const row = rowAt(db, position, file);
      if (row.id !== saved.id || row.stream_id !== saved.stream_id || row.revision !== saved.revision) {
        throw new Error(`the backup's event at position ${position} is another event (id ${saved.id}, not ${row.id}): not the same log`);
      }
      rewrite(db, row, saved.type, saved.data, saved.metadata);
      return { streamId: row.stream_id, type: saved.type };
    })();
  } finally {
    db.close();
  }
}
