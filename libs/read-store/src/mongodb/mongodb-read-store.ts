import { AnyBulkWriteOperation, BSON, Collection, Db, Filter as MongoFilter, MongoClient, MongoServerError } from 'mongodb';
import { CommitBatch, FencedOutError, Filter, FindOptions, IndexSpec, ReadStore, StoredDocument } from '../read-store.port';
import {
  CHECKPOINTS_COLLECTION,
  checkCheckpoint,
  checkCollectionName,
  checkDocument,
  checkFindOptions,
  checkId,
  META_COLLECTION,
  withIdTieBreak,
} from '../validation';
import { databaseNameOf, redactUrl } from './connection-url';
import { serverFactsOf, serverRequirementProblem } from './server-requirements';
import { transactionParts } from './transaction-parts';

/** Server error code for dropping a collection that does not exist (servers before 7.0 report it; later ones do not). */
const NAMESPACE_NOT_FOUND = 26;

export interface MongoReadStoreOptions {
  /** Created (if missing) before `connect` resolves. */
  indexes?: IndexSpec;
}

interface Checkpoint {
  _id: string;
  position: number;
}

interface MetaEntry {
  _id: string;
  value: string;
}

/**
 * Read models on MongoDB: one collection per read model, documents keyed by `_id`, checkpoints and meta in
 * collections of their own. `commit` is a multi-document transaction, so the server must be a replica set
 * (a single-node one will do) or a sharded cluster, MongoDB 4.4 or later (collections created inside transactions).
 */
export class MongoReadStore implements ReadStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  /** The database is the one named in the URL's path, else `partnership_crm`. */
  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    // Drop undefined fields like JSON (and the embedded store) does, instead of storing them as null.
    const client = new MongoClient(url, { ignoreUndefined: true });
    try {
      await client.connect();
      const db = client.db(databaseNameOf(url));
      const problem = serverRequirementProblem(await serverFactsOf(db));
      if (problem) throw new Error(`MongoDB at ${redactUrl(url)}: ${problem}`);
      const store = new MongoReadStore(client, db);
      if (options.indexes) await store.ensureIndexes(options.indexes);
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async find<T extends StoredDocument = StoredDocument>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    checkFindOptions(options);
    const { sort, skip, limit } = options;
    const cursor = this.collection(collection).find(filter as MongoFilter<StoredDocument>, {
      ...(sort && Object.keys(sort).length > 0 && { sort: withIdTieBreak(sort) }),
      ...(skip && { skip }),
      ...(limit && { limit }),
    });
    return (await cursor.toArray()) as T[];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    return this.collection(collection).countDocuments(filter as MongoFilter<StoredDocument>);
  }

  async get<T extends StoredDocument = StoredDocument>(collection: string, id: string): Promise<T | undefined> {
    return ((await this.collection(collection).findOne({ _id: id })) ?? undefined) as T | undefined;
  }

  async getMany<T extends StoredDocument = StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const found = await this.collection(collection)
      .find({ _id: { $in: unique } })
      .toArray();
    const byId = new Map(found.map((document) => [document._id, document]));
    return unique.flatMap((id) => byId.get(id) ?? []) as T[];
  }

  async commit(batch: CommitBatch): Promise<void> {
    const { upserts, deletes = [], checkpoints } = batch;
    if (upserts.length === 0 && deletes.length === 0 && Object.keys(checkpoints).length === 0) return;

    // Every entry is checked before anything is written, so an invalid one writes nothing, as on the embedded store.
    type Write = { collection: string; size: number; operation: AnyBulkWriteOperation<StoredDocument> };
    const writes: Write[] = [
      ...upserts.map(({ collection, document }) => {
        checkCollectionName(collection);
        checkDocument(collection, document);
        const operation = { replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } };
        return { collection, size: BSON.calculateObjectSize(document), operation };
      }),
      ...deletes.map(({ collection, id }) => {
        checkCollectionName(collection);
        checkId(collection, id);
        return { collection, size: 0, operation: { deleteOne: { filter: { _id: id } } } };
      }),
    ];
    const moves = Object.entries(checkpoints).map(([projection, position]) => {
      checkCheckpoint(projection, position);
      return { updateOne: { filter: { _id: projection }, update: { $set: { position } }, upsert: true } };
    });
    // Bounded transactions (see transaction-parts.ts); the checkpoints move with the last part only.
    const parts = transactionParts(writes, (write) => write.size);
    for (const [i, part] of parts.entries()) {
      await this.commitPart(part, i === parts.length - 1 ? moves : [], batch.fence);
    }
  }

  private async commitPart(
    writes: { collection: string; operation: AnyBulkWriteOperation<StoredDocument> }[],
    moves: AnyBulkWriteOperation<Checkpoint>[],
    fence: CommitBatch['fence'],
  ): Promise<void> {
    // Grouped per collection: a bulkWrite addresses one collection (the cross-collection client bulkWrite needs 8.0).
    const byCollection = new Map<string, AnyBulkWriteOperation<StoredDocument>[]>();
    for (const { collection, operation } of writes) {
      const operations = byCollection.get(collection) ?? [];
      byCollection.set(collection, operations);
      operations.push(operation);
    }
    const session = this.client.startSession();
    try {
      // withTransaction retries the whole callback on transient errors, so it must only read what it is given.
      await session.withTransaction(async () => {
        if (fence) {
          // Writing the lease document in this transaction also makes a standby's concurrent take-over conflict with it.
          const held = await this.db.collection(fence.collection).updateOne(
            { _id: fence.name as never, holder: fence.holder, $expr: { $gt: ['$expiresAt', '$$NOW'] } },
            [{ $set: { fencedAt: '$$NOW' } }],
            { session },
          );
          if (held.matchedCount !== 1) throw new FencedOutError(fence.name);
        }
        for (const [collection, operations] of byCollection) {
          await this.collection(collection).bulkWrite(operations, { session, ordered: true });
        }
        if (moves.length > 0) await this.db.collection<Checkpoint>(CHECKPOINTS_COLLECTION).bulkWrite(moves, { session, ordered: true });
      });
    } finally {
      await session.endSession();
    }
  }

  async checkpoint(projection: string): Promise<number> {
    const checkpoint = await this.db.collection<Checkpoint>(CHECKPOINTS_COLLECTION).findOne({ _id: projection });
    return checkpoint?.position ?? 0;
  }

  async getMeta(key: string): Promise<string | undefined> {
    const entry = await this.db.collection<MetaEntry>(META_COLLECTION).findOne({ _id: key });
    return entry?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.collection<MetaEntry>(META_COLLECTION).updateOne({ _id: key }, { $set: { value } }, { upsert: true });
  }

  async ensureIndexes(spec: IndexSpec): Promise<void> {
    for (const [collection, indexes] of Object.entries(spec)) {
      checkCollectionName(collection);
      if (indexes.length === 0) continue;
      // Creating an index that already exists with the same options is a no-op on the server.
      await this.collection(collection).createIndexes(indexes.map(({ key, unique }) => ({ key, ...(unique && { unique }) })));
    }
  }

  async drop(collections: readonly string[], checkpoints: readonly string[] = []): Promise<void> {
    for (const collection of collections) checkCollectionName(collection);
    // Checkpoints go first: if the drop stops half-way, the projection rebuilds over leftover documents (its
    // upserts and deletes bring them back in line) rather than trusting a checkpoint whose documents are gone.
    if (checkpoints.length > 0) {
      await this.db.collection<Checkpoint>(CHECKPOINTS_COLLECTION).deleteMany({ _id: { $in: [...checkpoints] } });
    }
    for (const collection of collections) {
      try {
        await this.db.dropCollection(collection);
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
      }
    }
  }

  /** A commit is on the server once it resolves. */
  async saved(): Promise<void> {}

  async close(): Promise<void> {
    await this.client.close();
  }

  private collection(name: string): Collection<StoredDocument> {
    return this.db.collection<StoredDocument>(name);
  }
}
