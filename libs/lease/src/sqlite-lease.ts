import Database from 'better-sqlite3';
import { ensureDirectory } from '@crm/storage';
import { dirname } from 'node:path';
import { Lease } from './lease.port';

/** Leases in a small SQLite file beside the data, shared by the processes on one machine (embedded mode). */
export class SqliteLease implements Lease {
  private readonly db: Database.Database;
  private readonly take: Database.Statement;
  private readonly drop: Database.Statement;

  constructor(file: string) {
    ensureDirectory(dirname(file));
    this.db = new Database(file);
    // The wait comes first: switching to WAL needs the lock that a standby and the holder may both be reaching for.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)');
    // One statement decides atomically: insert when free, take over when expired, extend when already ours.
    this.take = this.db.prepare(`
      INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`);
    this.drop = this.db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.take.run({ name, holder, now, expiresAt: now + ttlMs }).changes === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    this.drop.run(name, holder);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
