import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  AppendOutcome,
  EventStore,
  IdempotencyClaim,
  IdempotencyKeyUsedError,
  IdempotentOutcome,
  Position,
  readAllInPages,
  RecordedEvent,
  START,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { FileIdentity, noted, storageFaultOf, storageHealth } from '@crm/storage';
import { DamagedEventError } from '../errors';
import { checkExpectedRevision } from '../expected-revision';
import { SubscriptionRunner } from '../subscription-runner';
import { notifyAppend, onAppend, Waker } from './append-notifier';
import { eventChecksum } from './event-checksum';
import { KnownRevisions } from './known-revisions';
import { openEventLog } from './open-event-log';
import { readPagesInWorker } from './read-pages-in-worker';
import { WalCheckpointsInWorker } from './wal-checkpoints-in-worker';

const BATCH = 1000;
/** Reads of more pages than this go to a worker thread (readPages), */
const PAGES_WORTH_A_WORKER = 40;
/** after this many pages read here while it starts. */
const PAGES_WHILE_A_WORKER_STARTS = 16;
/** SQLite's default: a commit that finds the write-ahead file past this many pages checkpoints it. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;
/** How often a live subscription looks for appends made by another process on the same file. */
const POLL_MS = 200;

/** A row of the events table as stored. */
export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  checksum: string | null;
}

interface IdempotencyRow {
  fingerprint: string;
  result_id: string;
  revision: number;
  position: number;
}

interface PendingAppend {
  streams: StreamAppend[];
  claim: IdempotencyClaim | undefined;
  resolve(outcome: AppendOutcome): void;
  reject(error: Error): void;
}

type AppendResult = { outcome: AppendOutcome } | { error: Error };

/**
 * The embedded event log: one SQLite file. Positions are assigned as last + 1 inside the write transaction,
 * so they are gap-free from 1 (a rolled-back append assigns none).
 */
export class SqliteEventStore implements EventStore {
  private readonly file: string;
  private readonly db: Database.Database;
  private readonly subscriptions = new Set<SubscriptionRunner>();
  private closing: Promise<void> | undefined;
  private readonly appendTransaction: Database.Transaction<
    (streams: StreamAppend[], claim: IdempotencyClaim | undefined) => AppendOutcome
  >;
  private readonly groupTransaction: Database.Transaction<(batch: PendingAppend[]) => AppendResult[]>;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Stream revisions and head this connection knows, so a load with nothing new and an append need not ask the file. */
  private readonly known: KnownRevisions;
  /** What the appends of the group transaction in progress wrote (known once it commits). */
  private readonly uncommitted = new Map<string, number>();
  private uncommittedHead: number | undefined;
  private readonly stopWatching: () => void;
  /** The file opened: an append refuses to write once it has been deleted or replaced. */
  private readonly identity: FileIdentity;
  /** Checkpoints in a worker thread (checkpointInWorker), while it runs; else SQLite's own, at commit. */
  private checkpoints: WalCheckpointsInWorker | undefined;

  private readonly stmt: {
    insertEvent: Database.Statement<[number, string, string, number, string, string, string, string]>;
    streamRevision: Database.Statement<[string], { revision: number | null }>;
    head: Database.Statement<[], { position: number }>;
    readStream: Database.Statement<[string, number], EventRow>;
    readAll: Database.Statement<[number, number], EventRow>;
    readAllOfTypes: Database.Statement<[number, string], EventRow>;
    findIdempotency: Database.Statement<[string], IdempotencyRow>;
    insertIdempotency: Database.Statement<[string, string, string, number, number]>;
    dataVersion: Database.Statement<[], number>;
  };

  /** `checkpointInWorker`: the server's log, written all day (see WalCheckpointsInWorker); not worth a thread elsewhere. */
  constructor(file: string, options: { checkIntegrity?: boolean; checkpointInWorker?: boolean } = {}) {
    this.file = resolve(file);
    this.db = openEventLog(this.file, options);
    this.identity = new FileIdentity(this.file);
    if (options.checkpointInWorker) {
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpoints = new WalCheckpointsInWorker(this.file, () => {
        this.checkpoints = undefined;
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
      });
    }
    const columns = 'position, id, stream_id, revision, type, data, metadata, checksum';
    this.stmt = {
      insertEvent: this.db.prepare(`INSERT INTO events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      streamRevision: this.db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?'),
      head: this.db.prepare('SELECT COALESCE(MAX(position), 0) AS position FROM events'),
      readStream: this.db.prepare(`SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
      readAll: this.db.prepare(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      readAllOfTypes: this.db.prepare(
        `SELECT ${columns} FROM events WHERE position > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position`,
      ),
      findIdempotency: this.db.prepare('SELECT fingerprint, result_id, revision, position FROM idempotency WHERE key = ?'),
      insertIdempotency: this.db.prepare(
        'INSERT INTO idempotency (key, fingerprint, result_id, revision, position) VALUES (?, ?, ?, ?, ?)',
      ),
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    this.known = new KnownRevisions(() => this.stmt.dataVersion.get()!);
    // Another store of this process appending to the same file (this one's own appends also land here, harmlessly).
    this.stopWatching = onAppend(this.file, () => this.known.recheck());
    this.appendTransaction = this.db.transaction((streams, claim) => this.appendInTransaction(streams, claim));
    // Nested in the group transaction, each append runs in its own savepoint: a refused one rolls back alone.
    this.groupTransaction = this.db.transaction((batch) => {
      // Holding the write lock: what is known is current unless another process has committed meanwhile.
      this.known.sync(true);
      return batch.map((request): AppendResult => {
        try {
          const outcome = this.appendTransaction(request.streams, request.claim);
          for (const written of outcome.streams) this.uncommitted.set(written.streamId, written.revision);
          this.uncommittedHead = outcome.position;
          return { outcome };
        } catch (error) {
          // A full or read-only disk fails the whole group (SQLite may already have rolled the transaction back,
          // and the next append would meet the same disk): every append of it is refused with that error.
          if (storageFaultOf(error) || !this.db.inTransaction) throw error;
          return { error: error as Error };
        }
      });
    });
  }

  /**
   * Group commit: appends that arrive in the same turn of the event loop are written in one transaction, so
   * concurrent commands share one fsync. Each is still checked on its own, and none is answered before the
   * transaction holding it is durable.
   */
  append(streams: StreamAppend[], options: { idempotency?: IdempotencyClaim } = {}): Promise<AppendOutcome> {
    if (streams.length === 0) return Promise.reject(new Error('append needs at least one stream'));
    if (this.closing) return Promise.reject(new Error('event store is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ streams, claim: options.idempotency, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flushPending());
      }
    });
  }

  private flushPending(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    let results: AppendResult[];
    try {
      this.identity.check();
      // IMMEDIATE takes the write lock up front, so the revision checks and position numbering see the latest
      // commit even when another process writes the same file.
      results = this.groupTransaction.immediate(batch);
    } catch (error) {
      this.known.forget();
      this.forgetUncommitted();
      // A full or read-only disk, a deleted file: a StorageError naming the file, remembered for /health.
      const refusal = noted(error, this.file) as Error;
      for (const request of batch) request.reject(refusal);
      return;
    }
    storageHealth.succeeded(this.file);
    for (const [streamId, revision] of this.uncommitted) this.known.stream(streamId, revision);
    if (this.uncommittedHead !== undefined) this.known.headAt(this.uncommittedHead);
    this.forgetUncommitted();
    notifyAppend(this.file);
    batch.forEach((request, i) => {
      const result = results[i];
      if ('outcome' in result) request.resolve(result.outcome);
      else request.reject(noted(result.error, this.file) as Error);
    });
  }

  private forgetUncommitted(): void {
    this.uncommitted.clear();
    this.uncommittedHead = undefined;
  }

  /** A stream's last revision (-1 when it has none), inside the write transaction. */
  private currentRevision(streamId: string): number {
    return this.uncommitted.get(streamId) ?? this.known.revisionOf(streamId) ?? this.stmt.streamRevision.get(streamId)?.revision ?? -1;
  }

  private appendInTransaction(streams: StreamAppend[], claim: IdempotencyClaim | undefined): AppendOutcome {
    if (claim) {
      const stored = this.stmt.findIdempotency.get(claim.key);
      if (stored) throw new IdempotencyKeyUsedError(toOutcome(stored));
    }

    // Check every stream before writing anything; a stream named twice continues from its earlier entry.
    const revisions = new Map<string, number>();
    const startRevisions = streams.map(({ streamId, expectedRevision, events }) => {
      const actual = revisions.get(streamId) ?? this.currentRevision(streamId);
      checkExpectedRevision(streamId, expectedRevision, actual);
      revisions.set(streamId, actual + events.length);
      return actual;
    });

    let position = this.uncommittedHead ?? this.known.headPosition() ?? this.stmt.head.get()!.position;
    const written = streams.map(({ streamId, events }, i) => {
      let revision = startRevisions[i];
      for (const event of events) {
        position += 1;
        revision += 1;
        const id = event.id ?? randomUUID();
        const data = JSON.stringify(event.data);
        const metadata = JSON.stringify(event.metadata);
        const checksum = eventChecksum(position, id, streamId, revision, event.type, data, metadata);
        this.stmt.insertEvent.run(position, id, streamId, revision, event.type, data, metadata, checksum);
      }
      return { streamId, revision };
    });

    if (claim) this.stmt.insertIdempotency.run(claim.key, claim.fingerprint, claim.resultId, written[0].revision, position);
    return { streams: written, position };
  }

  async findIdempotentOutcome(key: string): Promise<IdempotentOutcome | undefined> {
    const row = this.stmt.findIdempotency.get(key);
    return row && toOutcome(row);
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    this.known.sync();
    const last = this.known.revisionOf(streamId);
    // Nothing after `last` (a load whose cached state is current): no need to ask the file.
    if (last !== undefined && fromRevision > last) return [];
    const rows = this.stmt.readStream.all(streamId, fromRevision);
    if (rows.length > 0) this.known.stream(streamId, rows[rows.length - 1].revision);
    return rows.map(this.toRecorded);
  }

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    if (limit <= 0) return [];
    return this.stmt.readAll.all(after, limit).map(this.toRecorded);
  }

  /**
   * A long read (a rebuild, a catch-up from far behind) is read ahead in a worker thread, on a connection of its own
   * (see readPagesInWorker); a short one here. The worker takes a few hundred milliseconds to start, so the first
   * pages of a long read are read here meanwhile, and the worker starts where they end: positions have no gaps.
   */
  readPages(after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
    if (this.closing) throw new Error('event store is closed');
    if (this.stmt.head.get()!.position - after <= pageSize * PAGES_WORTH_A_WORKER) return readAllInPages(this, after, pageSize);
    return this.readPagesAhead(after, pageSize);
  }

  private async *readPagesAhead(after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
    const handOver = after + pageSize * PAGES_WHILE_A_WORKER_STARTS;
    let rest = readPagesInWorker(this.file, handOver, pageSize);
    try {
      let position = after;
      for (let i = 0; i < PAGES_WHILE_A_WORKER_STARTS; i++) {
        const page = await this.readAll(position, pageSize);
        yield page;
        if (page.length < pageSize) return;
        position = page[page.length - 1].position;
      }
      if (position !== handOver) {
        // Not where the worker started (a log with gaps, written by something else): it starts again from here.
        await rest.return?.();
        rest = readPagesInWorker(this.file, position, pageSize);
      }
      yield* rest;
    } finally {
      await rest.return?.();
    }
  }

  async readAllOfTypes(types: readonly string[], after: Position = START): Promise<RecordedEvent[]> {
    if (types.length === 0) return [];
    return this.stmt.readAllOfTypes.all(after, JSON.stringify(types)).map(this.toRecorded);
  }

  async headPosition(): Promise<Position> {
    return this.stmt.head.get()!.position;
  }

  subscribe(options: SubscribeOptions): Subscription {
    if (this.closing) throw new Error('event store is closed');
    const runner = new SubscriptionRunner(options, async (sub) => {
      let after = options.from;
      const drain = async (): Promise<void> => {
        for (;;) {
          const rows = this.stmt.readAll.all(after, BATCH);
          for (const row of rows) {
            if (sub.closed) return;
            await sub.deliver(this.toRecorded(row));
            after = row.position;
          }
          if (rows.length < BATCH) return;
          // A long catch-up (a large import just appended) lets the event loop turn between batches, so requests
          // and replies in flight (the import's own report) are not held up until every subscriber has caught up.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };

      const waker = new Waker();
      const stopListening = onAppend(this.file, () => waker.wake());
      sub.onClose(() => {
        stopListening();
        waker.wake();
      });

      await drain();
      sub.caughtUp();
      while (!sub.closed) {
        waker.reset();
        await drain();
        if (!sub.closed) await waker.wait(POLL_MS);
      }
    });
    this.subscriptions.add(runner);
    runner.onClose(() => {
      this.subscriptions.delete(runner);
    });
    return runner;
  }

  private readonly toRecorded = (row: EventRow): RecordedEvent => recordedFrom(this.file, row);

  /** A checkpoint of the log now, when they are made in a worker (for tests; the worker makes them on its own). */
  async checkpointNow(): Promise<void> {
    await this.checkpoints?.now();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pending.length > 0) this.flushPending();
      await Promise.all([...this.subscriptions].map((sub) => sub.close()));
      this.stopWatching();
      await this.checkpoints?.stop();
      this.db.close();
    })();
    return this.closing;
  }
}

/**
 * A stored row as an event, verified: a row whose checksum does not match (rows written before checksums existed
 * have none and are not checked) or whose JSON does not parse is a DamagedEventError naming file, stream and position.
 */
export function recordedFrom(file: string, row: EventRow): RecordedEvent {
  const { position, id, stream_id: streamId, revision, type, data, metadata, checksum } = row;
  if (checksum !== null && checksum !== eventChecksum(position, id, streamId, revision, type, data, metadata)) {
    throw new DamagedEventError(file, position, streamId, 'checksum mismatch: the stored row was changed or damaged');
  }
  try {
    return { id, streamId, revision, position, type, data: JSON.parse(data) as Record<string, unknown>, metadata: JSON.parse(metadata) as Record<string, unknown> };
  } catch (error) {
    throw new DamagedEventError(file, position, streamId, `not valid JSON: ${(error as Error).message}`);
  }
}

function toOutcome(row: IdempotencyRow): IdempotentOutcome {
  return { fingerprint: row.fingerprint, resultId: row.result_id, revision: row.revision, position: row.position };
}
