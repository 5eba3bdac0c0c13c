/**
 * Where projections keep their documents and checkpoints, queried with MongoDB semantics. Two adapters:
 * embedded (in-process collections queried with mingo, persisted in SQLite under DATA_DIR) and MongoDB.
 * Both pass test/contract/read-store.contract.ts.
 */

/** A MongoDB query document, e.g. `{ levels: 'mbo', stage: { $in: ['agreed', 'active'] } }`. */
export type Filter = Record<string, unknown>;

/** Ties are broken by `_id` ascending (unless `_id` is a key), so pages of a sorted list are stable on both adapters. */
export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
  skip?: number;
}

export interface StoredDocument {
  /** The document's id, unique in its collection. */
  _id: string;
  [field: string]: unknown;
}

/** One projection batch: documents written, documents removed and checkpoints moved, together. */
export interface CommitBatch {
  upserts: { collection: string; document: StoredDocument }[];
  /** Applied after the upserts. */
  deletes?: { collection: string; id: string }[];
  /** Projection name → global position of the last event the batch applied. */
  checkpoints: Record<string, number>;
  /**
   * The caller gives the upserted documents to the store and will not change them again: the embedded store then
   * keeps them, deep-frozen, instead of a copy (half the memory and no parse for a large batch). Without it, the
   * store copies what it is given. MongoDB copies either way.
   */
  handOver?: boolean;
  /**
   * The lease the writer must still hold when the batch commits (the active projector's). MongoDB checks it inside
   * each commit transaction against the server's clock and refuses the batch with FencedOutError when the lease is
   * another holder's or has expired, so a projector paused past its lease cannot write after a standby took over.
   * The embedded store (one machine, one clock) leaves the check to the lease keeper before each commit.
   */
  fence?: { collection: string; name: string; holder: string };
}

/** The batch was refused: the writer no longer holds the lease it named (see CommitBatch.fence). */
export class FencedOutError extends Error {
  constructor(readonly lease: string) {
    super(`lease ${lease} is no longer held by this writer: the batch was not committed`);
    this.name = 'FencedOutError';
  }
}

/** Indexes queries need, per collection, e.g. `{ partnerships: [{ key: { 'contacts.personId': 1 } }] }`. */
/**
 * `ordersOnly`: the index serves sorting and ranges (a trail paged by position), never an equality lookup; the embedded
 * store, whose in-memory indexes answer equality only, leaves it out (one set per document, for nothing).
 */
export type IndexSpec = Record<string, { key: Record<string, 1 | -1>; unique?: boolean; ordersOnly?: boolean }[]>;

/**
 * Documents returned are the caller's to read, not to change: the embedded store hands out deep-frozen shared
 * objects (clone one, e.g. with structuredClone, to build the next version of it).
 */
export interface ReadStore {
  find<T extends StoredDocument = StoredDocument>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  get<T extends StoredDocument = StoredDocument>(collection: string, id: string): Promise<T | undefined>;
  /** In the order of `ids`, each found document once; unknown ids are skipped. */
  getMany<T extends StoredDocument = StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]>;

  /**
   * Applies a batch so that a checkpoint never runs ahead of the writes it covers, and an invalid entry writes
   * nothing. Embedded: one SQLite transaction. MongoDB: transactions of bounded size, the checkpoints moving with
   * the last (see mongodb/transaction-parts.ts): after a failure between them, documents may be ahead of their
   * checkpoint, which projections absorb because each document carries the position of its last event.
   */
  commit(batch: CommitBatch): Promise<void>;
  /** The projection's checkpoint; 0 when it has never run. */
  checkpoint(projection: string): Promise<number>;

  /** Small settings the projection engine keeps beside its data (e.g. which generation of a collection is live). */
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;

  /**
   * Creates missing indexes. MongoDB: real indexes (dropped with their collection). Embedded: in-memory equality
   * indexes on each index's first field, which only speed up equality and `$in` lookups; `unique` is not enforced.
   */
  ensureIndexes(spec: IndexSpec): Promise<void>;

  /** Removes collections entirely, with their documents (and the checkpoints named in `checkpoints`). */
  drop(collections: readonly string[], checkpoints?: readonly string[]): Promise<void>;

  /**
   * Resolves once everything committed before the call is on disk. MongoDB has it there when the commit resolves; the
   * embedded store writes its memory to its file in rounds (see EmbeddedReadStore.commit), and this one now. Rejects
   * with the StorageError of a write refused (what it did not write is tried again).
   */
  saved(): Promise<void>;

  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
