import { FileIdentity, noted, storageFaultOf, storageHealth, writing } from '@crm/storage';
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { ReadStoreCorruptError } from '../errors';
import { matcherOf } from '../filter-matcher';
import { CommitBatch, Filter, FindOptions, IndexSpec, ReadStore, StoredDocument } from '../read-store.port';
import {
  checkCheckpoint,
  checkCollectionName,
  checkDocument,
  checkFindOptions,
  checkId,
  withIdTieBreak,
} from '../validation';
import { markClosedCleanly } from './clean-close-mark';
import { EqualityIndexes } from './equality-indexes';
import { idsSelectedBy } from './ids-selected-by';
import { KeptOnDisk } from './kept-on-disk';
import { KeptOnDiskRows, KeptOnDiskWriter, KeptOnDiskWriterEndedError } from './kept-on-disk-writer';
import { sortDocuments } from './mongo-sort';
import { openReadModelFile } from './open-read-model-file';
import { deepFreeze, freezeAsStored } from './stored-form';
import { UnsavedChanges, UnsavedRound } from './unsaved-changes';

type Collection = Map<string, StoredDocument>;

/** A persist round under way: what it writes, how far it has got, and the commits it covers. */
type RoundWrite = UnsavedRound & { at: number; absent: UnsavedRound['documents']; commits: number };

/** A change to memory (for a batch written to the file at once, applied only after its transaction has committed). */
type Staged = { collection: string; id: string; document: StoredDocument | undefined };

/** How much stored text EmbeddedReadStore.open parses before letting the event loop run (about 10 ms of work). */
const LOAD_SLICE_CHARS = 1_000_000;

/** See EmbeddedReadStore.persist: a round begins this long after a commit left something unsaved, or after the last round. */
const PERSIST_AFTER_MS = 2_000;
/** A round writes in transactions of about this many milliseconds, */
const PERSIST_PART_MS = 4;
/** and rests this many times as long after each, so that it takes at most a fifth of the thread. */
const PERSIST_REST = 4;
/** After a refused round (a full or read-only disk), the next waits 1 s, doubling up to 30 s. */
const persistRetryDelay = (attempt: number): number => Math.min(30_000, 1_000 * 2 ** Math.min(attempt - 1, 5));

export interface EmbeddedStoreOptions {
  /**
   * Collections kept on disk (the audit trail: an entry per event, read by an admin now and then): never loaded into
   * memory; queries on them are answered from the file (see KeptOnDisk), commits go to the file only.
   */
  keptOnDisk?: (collection: string) => boolean;
  /** How long after a commit its documents wait to be written to the file (see schedulePersist); default 2 s. */
  persistAfterMs?: number;
  /** How long each transaction of a round writes for (PERSIST_PART_MS; 0: one document each, for tests). */
  persistPartMs?: number;
  /** Batches of collections kept on disk written by a worker thread (KeptOnDiskWriter): the server's store. */
  writeKeptOnDiskInWorker?: boolean;
}

/**
 * Read models in process memory, queried with MongoDB semantics through mingo, persisted in one SQLite file.
 * Every document is loaded at open (but those of collections kept on disk, see EmbeddedStoreOptions), so a
 * restart resumes from the stored checkpoints without replaying the log.
 *
 * Documents are deep-frozen and shared rather than copied on the way out: a copy per returned document would cost
 * a parse or clone of every fact list on every list request, while freezing costs one walk per write, and a
 * caller that tries to change a result gets a TypeError instead of silently corrupting the store. A batch that
 * hands its documents over (CommitBatch.handOver) has them frozen and kept as they are, not copied.
 */
export class EmbeddedReadStore implements ReadStore {
  private readonly file: string;
  private readonly db: Database.Database;
  /** Held for the store's life: the file is this store's alone (see openReadModelFile). */
  private readonly lock: Database.Database;
  /** Writes the batches of collections kept on disk while it runs (writeKeptOnDiskInWorker); else this connection. */
  private writer: KeptOnDiskWriter | undefined;
  private readonly collections = new Map<string, Collection>();
  private readonly indexes = new Map<string, EqualityIndexes>();
  private readonly keptOnDisk: (collection: string) => boolean;
  private readonly disk: KeptOnDisk;
  private closed = false;
  /** Checkpoints as committed (memory), ahead of the file's until a round writes them. */
  private readonly checkpoints = new Map<string, number>();
  private readonly unsaved = new UnsavedChanges();
  /** The round being written, if any (see persist). */
  private round?: { written: Promise<Error | undefined>; checkpoints: Map<string, number> };
  private readonly persistAfterMs: number;
  private readonly persistPartMs: number;
  private persistTimer?: NodeJS.Timeout;
  private refusedRounds = 0;
  /** Commits to memory so far, and how many of them the file holds (see saved). */
  private commits = 0;
  private commitsSaved = 0;
  private closing?: Promise<void>;
  /**
   * Set once this store has met damage in its file (a document that does not parse, a malformed page): its close then
   * leaves no clean-close mark, so the next start reads every page and refuses the file.
   */
  private damaged = false;
  /** The file opened: a write refuses once it has been deleted or replaced (it would be lost at the next start). */
  private readonly identity: FileIdentity;

  private readonly stmt: {
    upsert: Database.Statement<[string, string, string]>;
    remove: Database.Statement<[string, string]>;
    setCheckpoint: Database.Statement<[string, number]>;
    getCheckpoint: Database.Statement<[string], { position: number }>;
    getMeta: Database.Statement<[string], { value: string }>;
    setMeta: Database.Statement<[string, string]>;
    dropCollection: Database.Statement<[string]>;
    dropCheckpoint: Database.Statement<[string]>;
  };
  private readonly commitTransaction: Database.Transaction<(batch: CommitBatch) => Staged[]>;
  private readonly partTransaction: Database.Transaction<(round: RoundWrite, deadline: number) => void>;
  private readonly dropTransaction: Database.Transaction<(collections: readonly string[], checkpoints: readonly string[]) => void>;

  /**
   * Opens the store and loads every document (but of collections kept on disk), in slices with the event loop running between them, so that what the
   * caller started meanwhile goes on (the API checks its event log in a worker thread while this loads).
   */
  static async open(file: string, options: EmbeddedStoreOptions = {}): Promise<EmbeddedReadStore> {
    const store = new EmbeddedReadStore(file, options);
    try {
      for (const _ of store.load()) await nextTurn();
    } catch (error) {
      await store.writer?.stop();
      store.db.close();
      store.lock.close();
      // A malformed page met while loading (one a skipped quick_check would have found) refuses the file as damaged.
      throw store.asDamage(error);
    }
    return store;
  }

  private constructor(file: string, options: EmbeddedStoreOptions) {
    this.file = resolve(file);
    this.keptOnDisk = options.keptOnDisk ?? (() => false);
    this.persistAfterMs = options.persistAfterMs ?? PERSIST_AFTER_MS;
    this.persistPartMs = options.persistPartMs ?? PERSIST_PART_MS;
    ({ db: this.db, lock: this.lock } = openReadModelFile(this.file));
    if (options.writeKeptOnDiskInWorker) this.writer = new KeptOnDiskWriter(this.file, () => (this.writer = undefined));
    this.disk = new KeptOnDisk(this.db, (collection, id, body) => this.parse(collection, id, body), () => this.assertOpen());
    this.identity = new FileIdentity(this.file);
    this.stmt = {
      // ON CONFLICT keeps the row (and its rowid), so a replaced document keeps its place in natural order.
      upsert: this.db.prepare(
        'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body',
      ),
      remove: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      setCheckpoint: this.db.prepare(
        'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
      ),
      getCheckpoint: this.db.prepare('SELECT position FROM checkpoints WHERE projection = ?'),
      getMeta: this.db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      dropCollection: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
      dropCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
    };
    this.commitTransaction = this.db.transaction((batch) => this.writeBatch(batch));
    this.partTransaction = this.db.transaction((round, deadline) => this.writePart(round, deadline));
    this.dropTransaction = this.db.transaction((collections, checkpoints) => {
      for (const collection of collections) this.stmt.dropCollection.run(collection);
      for (const projection of checkpoints) this.stmt.dropCheckpoint.run(projection);
      for (const collection of collections) this.disk.dropIndexes(collection);
    });
  }

  /** Loads every stored document (but of collections kept on disk), pausing after each LOAD_SLICE_CHARS of stored text. */
  private *load(): Generator<void, void> {
    const stored = this.db.prepare('SELECT DISTINCT collection FROM documents').pluck().all() as string[];
    // A collection at a time, through the primary key: the rows of those kept on disk are not even read.
    const rowsOf = this.db.prepare<[string], { id: string; body: string }>('SELECT id, body FROM documents WHERE collection = ? ORDER BY rowid');
    let sliceChars = 0;
    for (const collection of stored.filter((name) => !this.keptOnDisk(name))) {
      const documents = this.collectionFor(collection);
      for (const { id, body } of rowsOf.iterate(collection)) {
        if (sliceChars >= LOAD_SLICE_CHARS) {
          yield;
          sliceChars = 0;
        }
        sliceChars += body.length;
        documents.set(id, this.parse(collection, id, body));
      }
    }
  }

  private parse(collection: string, id: string, body: string): StoredDocument {
    let document: StoredDocument;
    try {
      document = JSON.parse(body) as StoredDocument;
    } catch (error) {
      this.damaged = true;
      throw new ReadStoreCorruptError(this.file, `document ${collection}/${id}: ${(error as Error).message}`);
    }
    if (document?._id !== id) {
      this.damaged = true;
      throw new ReadStoreCorruptError(this.file, `document ${collection}/${id} has _id ${JSON.stringify(document?._id)}`);
    }
    return deepFreeze(document);
  }

  async find<T extends StoredDocument = StoredDocument>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    this.assertOpen();
    checkFindOptions(options);
    if (this.keptOnDisk(collection)) return (await this.fromFile(() => this.disk.find(collection, filter, options))) as T[];
    const skip = options.skip ?? 0;
    const end = options.limit ? skip + options.limit : Infinity;
    const sorted = options.sort !== undefined && Object.keys(options.sort).length > 0;
    const matches = this.match(collection, filter, sorted ? Infinity : end);
    if (sorted) sortDocuments(matches, withIdTieBreak(options.sort!));
    return (skip === 0 && end >= matches.length ? matches : matches.slice(skip, end)) as T[];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    this.assertOpen();
    if (this.keptOnDisk(collection)) return this.fromFile(() => this.disk.count(collection, filter));
    if (Object.keys(filter).length === 0) return this.collections.get(collection)?.size ?? 0;
    return this.match(collection, filter, Infinity).length;
  }

  async get<T extends StoredDocument = StoredDocument>(collection: string, id: string): Promise<T | undefined> {
    this.assertOpen();
    if (this.keptOnDisk(collection)) return (await this.fromFile(() => this.disk.byIds(collection, [id])))[0] as T | undefined;
    return this.collections.get(collection)?.get(id) as T | undefined;
  }

  async getMany<T extends StoredDocument = StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    this.assertOpen();
    if (this.keptOnDisk(collection)) return (await this.fromFile(() => this.disk.byIds(collection, ids))) as T[];
    return this.pick(collection, ids) as T[];
  }

  /** A read of a collection kept on disk: a malformed page it meets is named as this file's damage, and remembered. */
  private async fromFile<R>(read: () => R | Promise<R>): Promise<R> {
    try {
      return await read();
    } catch (error) {
      throw this.asDamage(error);
    }
  }

  /** `error` as it is thrown on: SQLite's own damage report named as this file's (and remembered, see `damaged`). */
  private asDamage(error: unknown): unknown {
    if (storageFaultOf(error) !== 'damaged' || error instanceof ReadStoreCorruptError) return error;
    this.damaged = true;
    return new ReadStoreCorruptError(this.file, (error as Error).message);
  }

  /**
   * A batch of documents kept in memory is committed to memory (readers see it at once) and written to the file by
   * the next persist round. A batch for a collection kept on disk is written to the file now, in one transaction; a
   * refused write (a full or read-only disk) is then a StorageError naming the file, and memory is left as it was.
   * Either way, an invalid entry changes nothing.
   */
  async commit(batch: CommitBatch): Promise<void> {
    this.assertOpen();
    const onDisk = batch.upserts.some(({ collection }) => this.keptOnDisk(collection)) || (batch.deletes ?? []).some(({ collection }) => this.keptOnDisk(collection));
    if (onDisk) {
      this.toMemory(this.writer ? await this.writeInWorker(this.writer, batch) : this.write(() => this.commitTransaction(batch)));
      // Written now: an older position of these checkpoints still waiting for a round must not follow it to the file.
      const written = Object.keys(batch.checkpoints);
      this.unsaved.forget([], written);
      for (const projection of written) this.round?.checkpoints.delete(projection);
    } else {
      const staged = this.stage(batch);
      this.toMemory(staged);
      for (const { collection, id } of staged) this.unsaved.document(collection, id);
      for (const [projection, position] of Object.entries(batch.checkpoints)) this.unsaved.checkpoint(projection, position);
      this.commits++;
      this.schedulePersist();
    }
    for (const [projection, position] of Object.entries(batch.checkpoints)) this.checkpoints.set(projection, position);
  }

  private toMemory(staged: Staged[]): void {
    for (const { collection, id, document } of staged) {
      const documents = this.collectionFor(collection);
      this.indexes.get(collection)?.replace(documents.get(id), document);
      if (document) documents.set(id, document);
      else documents.delete(id);
    }
  }

  /**
   * Checks every entry of a batch, and makes the documents memory will hold: a handed-over document itself (frozen, see
   * CommitBatch.handOver), else a copy through JSON (what a restart would load); one of a collection kept on disk is
   * left as given, for the file only. Writes nothing.
   */
  private stage({ upserts, deletes = [], checkpoints, handOver = false }: CommitBatch): Staged[] {
    const staged: Staged[] = [];
    for (const { collection, document } of upserts) {
      checkCollectionName(collection);
      checkDocument(collection, document);
      const kept =
        this.keptOnDisk(collection) || (handOver && freezeAsStored(document)) ? document : deepFreeze(JSON.parse(JSON.stringify(document)) as StoredDocument);
      staged.push({ collection, id: document._id, document: kept });
    }
    for (const { collection, id } of deletes) {
      checkCollectionName(collection);
      checkId(collection, id);
      staged.push({ collection, id, document: undefined });
    }
    for (const [projection, position] of Object.entries(checkpoints)) checkCheckpoint(projection, position);
    return staged;
  }

  /**
   * Writes what commits left unsaved, in a round that begins PERSIST_AFTER_MS later: every document changed since the
   * last round, as memory holds it then, in transactions of about PERSIST_PART_MS with rests between them (requests and
   * commits go on meanwhile); the last also settles those missing at their turn (removed, or removed and made again
   * since) and moves the checkpoints to where they were when the round began. A document written ahead of its checkpoint carries its own position, so a
   * restart from the file's checkpoint (after a crash in mid-round) skips the events it already holds: the file never
   * has a checkpoint ahead of the documents it covers. Writing each document once per round rather than on every
   * commit took about a sixth of the thread off commands at a steady 1,000/s (the partnership documents hold their
   * touchpoints); a crash loses at most a round of read-model progress, which the restart replays from the log.
   */
  private schedulePersist(delayMs = this.persistAfterMs): void {
    if (this.persistTimer || this.round || this.closed || this.unsaved.isEmpty) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      void this.startRound();
    }, delayMs);
    this.persistTimer.unref();
  }

  /** Resolves with the StorageError that refused the round, if one did. */
  private startRound(): Promise<Error | undefined> {
    const round: RoundWrite = { ...this.unsaved.take(), at: 0, absent: [], commits: this.commits };
    // Set before the first part runs: a round that ends within it clears this again.
    const underWay = (this.round = { checkpoints: round.checkpoints, written: Promise.resolve<Error | undefined>(undefined) });
    underWay.written = this.persist(round);
    return underWay.written;
  }

  /**
   * Resolves once every commit made before the call is in the file, starting rounds now as need be; rejects with the
   * StorageError of a refused round (what it did not write stays unsaved, and is tried again), or when the store is
   * closed without having written it.
   */
  async saved(): Promise<void> {
    this.assertOpen();
    const target = this.commits;
    while (this.commitsSaved < target) {
      if (this.closed) {
        await this.closing;
        if (this.commitsSaved < target) throw new Error(`read-model store ${this.file} was closed before it could save what was committed`);
        return;
      }
      if (this.round) {
        await this.round.written;
        continue;
      }
      clearTimeout(this.persistTimer);
      this.persistTimer = undefined;
      const refusal = await this.startRound();
      if (refusal) throw refusal;
    }
  }

  private async persist(round: RoundWrite): Promise<Error | undefined> {
    let refusal: Error | undefined;
    try {
      for (;;) {
        const started = performance.now();
        this.write(() => this.partTransaction(round, started + this.persistPartMs));
        if (round.at > round.documents.length) break;
        // Held (not unref'd): a process awaiting saved() with nothing else to do would otherwise end in mid-round.
        await sleep((performance.now() - started) * PERSIST_REST);
        if (this.closed) break;
      }
    } catch (error) {
      // Noted for /health (see write); the round is written again, later.
      refusal = error as Error;
    }
    if (round.at > round.documents.length) {
      this.refusedRounds = 0;
      this.commitsSaved = Math.max(this.commitsSaved, round.commits);
    } else {
      if (refusal) this.refusedRounds++;
      // All of it again (by the next round, or by close): the removals are made by a round's last part.
      this.unsaved.putBack(round.documents, round.checkpoints);
    }
    this.round = undefined;
    this.schedulePersist(this.refusedRounds > 0 ? persistRetryDelay(this.refusedRounds) : this.persistAfterMs);
    return refusal;
  }

  /**
   * Writes the round's documents from where it stands until `deadline` (performance.now) passes; once every one is
   * written, the last part writes those that were missing at their turn (removed, or removed and made again since:
   * as memory holds them now) and the checkpoints, and leaves `at` past the end. A refused part moves nothing.
   */
  private writePart(round: RoundWrite, deadline: number): void {
    const { documents } = round;
    let at = round.at;
    const absent: RoundWrite['absent'] = [];
    for (; at < documents.length; at++) {
      if (at > round.at && performance.now() >= deadline) break;
      const { collection, id } = documents[at];
      const document = this.collections.get(collection)?.get(id);
      if (document) this.stmt.upsert.run(collection, id, JSON.stringify(document));
      else absent.push(documents[at]);
    }
    if (at === documents.length) {
      for (const { collection, id } of [...round.absent, ...absent]) {
        const document = this.collections.get(collection)?.get(id);
        if (document) this.stmt.upsert.run(collection, id, JSON.stringify(document));
        else this.stmt.remove.run(collection, id);
      }
      for (const [projection, position] of round.checkpoints) this.stmt.setCheckpoint.run(projection, position);
      at++;
    }
    // Only once the transaction has committed (a throw leaves the round as it was).
    round.at = at;
    round.absent.push(...absent);
  }

  /**
   * Writes a whole batch to the file through the worker (see KeptOnDiskWriter), as writeBatch does on this connection:
   * a refusal is noted as write does, and nothing of the batch is in memory or in the file; returns what memory takes.
   */
  private async writeInWorker(writer: KeptOnDiskWriter, batch: CommitBatch): Promise<Staged[]> {
    const staged = this.stage(batch);
    const rows: KeptOnDiskRows = { collections: [], ids: [], bodies: '' };
    for (const { collection, id, document } of staged) {
      rows.collections.push(collection);
      rows.ids.push(id);
      rows.bodies += `${document ? JSON.stringify(document) : ''}\n`;
    }
    try {
      this.identity.check();
      await writer.write(rows, Object.entries(batch.checkpoints));
    } catch (error) {
      // Ended before it answered (its connection is closed, the batch unwritten): written here instead, once.
      if (error instanceof KeptOnDiskWriterEndedError && !this.closed) return this.write(() => this.commitTransaction(batch));
      if (storageFaultOf(error) === 'damaged') this.damaged = true;
      throw noted(error, this.file);
    }
    storageHealth.succeeded(this.file);
    // Closed meanwhile (close waits for the batches sent): in the file, and memory is gone.
    if (this.closed) return [];
    return staged.filter(({ collection }) => !this.keptOnDisk(collection));
  }

  /** Writes a whole batch to the file (in the commit transaction); returns what memory takes of it. */
  private writeBatch(batch: CommitBatch): Staged[] {
    const staged = this.stage(batch);
    for (const { collection, id, document } of staged) {
      if (document) this.stmt.upsert.run(collection, id, JSON.stringify(document));
      else this.stmt.remove.run(collection, id);
    }
    for (const [projection, position] of Object.entries(batch.checkpoints)) this.stmt.setCheckpoint.run(projection, position);
    // A collection kept on disk keeps nothing in memory (its handed-over documents are the caller's to drop).
    return staged.filter(({ collection }) => !this.keptOnDisk(collection));
  }

  async checkpoint(projection: string): Promise<number> {
    this.assertOpen();
    const committed = this.checkpoints.get(projection);
    if (committed !== undefined) return committed;
    return this.noting(() => this.stmt.getCheckpoint.get(projection)?.position ?? 0);
  }

  async getMeta(key: string): Promise<string | undefined> {
    this.assertOpen();
    return this.noting(() => this.stmt.getMeta.get(key)?.value);
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.assertOpen();
    this.write(() => this.stmt.setMeta.run(key, value));
  }

  /**
   * Builds in-memory equality indexes on each index's first field (see EqualityIndexes), but for `ordersOnly` ones;
   * uniqueness is not checked. A collection kept on disk gets a SQLite index for each `ordersOnly` one on a single
   * field instead (see KeptOnDisk), and no equality index.
   */
  async ensureIndexes(spec: IndexSpec): Promise<void> {
    this.assertOpen();
    for (const collection of Object.keys(spec)) checkCollectionName(collection);
    for (const [collection, indexes] of Object.entries(spec)) {
      for (const { key, ordersOnly } of indexes) {
        const fields = Object.keys(key);
        if (this.keptOnDisk(collection)) {
          if (ordersOnly && fields.length === 1) this.write(() => this.disk.ensureOrderIndex(collection, fields[0]));
          continue;
        }
        if (fields[0] === undefined || fields[0] === '_id' || ordersOnly) continue;
        let index = this.indexes.get(collection);
        if (!index) this.indexes.set(collection, (index = new EqualityIndexes()));
        index.add(fields[0], this.collections.get(collection)?.values() ?? []);
      }
    }
  }

  async drop(collections: readonly string[], checkpoints: readonly string[] = []): Promise<void> {
    this.assertOpen();
    for (const collection of collections) checkCollectionName(collection);
    this.write(() => this.dropTransaction(collections, checkpoints));
    // Nothing of theirs is written again: not by the next round, nor by one under way.
    this.unsaved.forget(collections, checkpoints);
    for (const projection of checkpoints) {
      this.checkpoints.delete(projection);
      this.round?.checkpoints.delete(projection);
    }
    // Like MongoDB, dropping a collection drops its indexes.
    for (const collection of collections) {
      this.collections.delete(collection);
      this.indexes.delete(collection);
    }
  }

  private write<T>(change: () => T): T {
    return this.noting(() =>
      writing(this.file, () => {
        this.identity.check();
        return change();
      }),
    );
  }

  /** Runs `use` of the file, remembering damage it meets (see `damaged`). */
  private noting<T>(use: () => T): T {
    try {
      return use();
    } catch (error) {
      if (storageFaultOf(error) === 'damaged') this.damaged = true;
      throw error;
    }
  }

  close(): Promise<void> {
    this.closing ??= this.closeNow();
    return this.closing;
  }

  private async closeNow(): Promise<void> {
    this.closed = true;
    clearTimeout(this.persistTimer);
    await this.round?.written;
    await this.writer?.stop();
    let saved = true;
    try {
      const round: RoundWrite = { ...this.unsaved.take(), at: 0, absent: [], commits: this.commits };
      this.write(() => this.partTransaction(round, Infinity));
      this.commitsSaved = round.commits;
    } catch {
      // Not saved (a full disk): the next start replays those events from the file's checkpoints.
      saved = false;
    }
    this.collections.clear();
    this.indexes.clear();
    this.db.close();
    this.lock.close();
    // After the close, which folds the write-ahead log into the file: its size and time are final.
    if (this.damaged || !saved) return;
    try {
      this.identity.check();
      markClosedCleanly(this.file);
    } catch {
      // No mark: the next start checks the file.
    }
  }

  /**
   * Documents matching `filter`, stopping once `stopAfter` are found: in natural (insertion) order, or in id or
   * index order when `_id` or an index narrowed the candidates (MongoDB gives no order without a sort either).
   */
  private match(collection: string, filter: Filter, stopAfter: number): StoredDocument[] {
    // Compiled first, so an unknown operator fails even on an empty collection, as it does on MongoDB.
    const matches = matcherOf(filter);
    const documents = this.collections.get(collection);
    if (!documents) return [];
    const ids = idsSelectedBy(filter) ?? this.indexes.get(collection)?.candidates(filter);
    const candidates = ids ? this.pick(collection, ids) : documents.values();
    const found: StoredDocument[] = [];
    for (const document of candidates) {
      if (!matches(document)) continue;
      found.push(document);
      if (found.length >= stopAfter) break;
    }
    return found;
  }

  private pick(collection: string, ids: Iterable<string>): StoredDocument[] {
    const documents = this.collections.get(collection);
    if (!documents) return [];
    const seen = new Set<string>();
    const picked: StoredDocument[] = [];
    for (const id of ids) {
      const document = documents.get(id);
      if (document && !seen.has(id)) picked.push(document);
      seen.add(id);
    }
    return picked;
  }

  private collectionFor(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new Map()));
    return collection;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`read-model store ${this.file} is closed`);
  }
}
