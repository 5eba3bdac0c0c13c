import { CommitBatch, Filter, FindOptions, IndexSpec, ReadStore, StoredDocument } from '@crm/read-store';
import { noted } from '@crm/storage';

/** What better-sqlite3 throws when the disk is full. */
export function sqliteFull(): Error {
  return Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}

/**
 * The real read store with commits that fail, as SQLite fails on a full disk, while `failing` is set (or for the
 * next `failNext` commits): the failed commit changes nothing, and the error reaches the caller as the adapter
 * would throw it (a StorageError naming `file`, remembered for /health).
 */
export class FailingReadStore implements ReadStore {
  failing = false;
  failNext = 0;
  /** Commits refused so far. */
  refused = 0;

  constructor(
    readonly inner: ReadStore,
    readonly file: string,
    private readonly fault: () => Error = sqliteFull,
  ) {}

  async commit(batch: CommitBatch): Promise<void> {
    if (this.failing || this.failNext > 0) {
      this.failNext = Math.max(0, this.failNext - 1);
      this.refused++;
      throw noted(this.fault(), this.file);
    }
    return this.inner.commit(batch);
  }

  find<T extends StoredDocument = StoredDocument>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]> {
    return this.inner.find<T>(collection, filter, options);
  }
  count(collection: string, filter?: Filter): Promise<number> {
    return this.inner.count(collection, filter);
  }
  get<T extends StoredDocument = StoredDocument>(collection: string, id: string): Promise<T | undefined> {
    return this.inner.get<T>(collection, id);
  }
  getMany<T extends StoredDocument = StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    return this.inner.getMany<T>(collection, ids);
  }
  checkpoint(projection: string): Promise<number> {
    return this.inner.checkpoint(projection);
  }
  getMeta(key: string): Promise<string | undefined> {
    return this.inner.getMeta(key);
  }
  setMeta(key: string, value: string): Promise<void> {
    return this.inner.setMeta(key, value);
  }
  ensureIndexes(spec: IndexSpec): Promise<void> {
    return this.inner.ensureIndexes(spec);
  }
  drop(collections: readonly string[], checkpoints?: readonly string[]): Promise<void> {
    return this.inner.drop(collections, checkpoints);
  }
  saved(): Promise<void> {
    return this.inner.saved();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
