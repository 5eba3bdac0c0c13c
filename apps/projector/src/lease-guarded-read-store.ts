import { CommitBatch, FencedOutError, Filter, FindOptions, IndexSpec, ReadStore, StoredDocument } from '@crm/read-store';

export class LeaseLostError extends Error {
  constructor() {
    super('the projector lease is lost: this process no longer writes the read models');
    this.name = 'LeaseLostError';
  }
}

/**
 * The read store as the active projector writes it: every write first checks that the lease still certainly holds
 * (`assertHeld` throws LeaseLostError otherwise), so a projector that lost its lease — or was paused past its
 * expiry — never commits documents or checkpoints after a standby may have taken over. Reads pass through. (The
 * embedded store writes what was committed to its file later, in rounds; it holds the file locked for as long as the
 * process lives, so a standby cannot open it before then.)
 */
export class LeaseGuardedReadStore implements ReadStore {
  constructor(
    private readonly inner: ReadStore,
    private readonly assertHeld: () => void,
    /** The lease checked again inside each commit (MongoDB, on the server's clock; see CommitBatch.fence). */
    private readonly fence?: CommitBatch['fence'],
  ) {}

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

  async commit(batch: CommitBatch): Promise<void> {
    this.assertHeld();
    try {
      await this.inner.commit(this.fence ? { ...batch, fence: this.fence } : batch);
    } catch (error) {
      if (error instanceof FencedOutError) throw new LeaseLostError();
      throw error;
    }
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertHeld();
    await this.inner.setMeta(key, value);
  }

  async ensureIndexes(spec: IndexSpec): Promise<void> {
    this.assertHeld();
    await this.inner.ensureIndexes(spec);
  }

  async drop(collections: readonly string[], checkpoints?: readonly string[]): Promise<void> {
    this.assertHeld();
    await this.inner.drop(collections, checkpoints);
  }

  saved(): Promise<void> {
    return this.inner.saved();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
