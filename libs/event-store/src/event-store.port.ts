/**
 * The event log, as the rest of the product sees it. Two adapters implement it:
 * SQLite (embedded default) and EventStoreDB/KurrentDB (production). Both pass test/contract/event-store.contract.ts.
 */

/** Revision of a stream's last event, 0-based like EventStoreDB; `no_stream` for a stream that must not exist yet. */
export type ExpectedRevision = number | 'no_stream' | 'any';

/** A global log position. Increasing in log order; in the SQLite adapter also gap-free, starting at 1. */
export type Position = number;

/** `position` to read or subscribe after: START reads the log from its first event. */
export const START: Position = 0;

export interface EventToAppend {
  /** UUID; the adapter makes one when absent. */
  id?: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  /** Revision of this event in its stream, 0-based. */
  revision: number;
  position: Position;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface StreamAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: EventToAppend[];
}

/**
 * Ties an append to a client's Idempotency-Key. The outcome is stored with the events, so a retry after a
 * crash finds it. `fingerprint` identifies the request (method, path, body); `resultId` is the id the
 * command answers with.
 */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
  resultId: string;
}

export interface AppendOutcome {
  /** Revision of each stream after the write, in request order. */
  streams: { streamId: string; revision: number }[];
  /** Position of the last event written. */
  position: Position;
}

/** What completeUnfinishedAppends did, by the stream of each append's write-ahead intent. */
export interface UnfinishedAppendsReport {
  /** Appends it wrote the rest of (their first stream was written: the command had happened). */
  completed: string[];
  /** Appends that could not take effect (their first stream had moved before any of it was written): nothing written. */
  abandoned: string[];
}

/** The report of a store with nothing to complete. */
export function noUnfinishedAppends(): UnfinishedAppendsReport {
  return { completed: [], abandoned: [] };
}

export interface IdempotentOutcome {
  fingerprint: string;
  resultId: string;
  /** Revision of the first stream of the append after the write. */
  revision: number;
  position: Position;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or `no_stream`. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** A second append with an Idempotency-Key that is already stored. */
export class IdempotencyKeyUsedError extends Error {
  constructor(readonly outcome: IdempotentOutcome) {
    super('idempotency key already used');
    this.name = 'IdempotencyKeyUsedError';
  }
}

export interface Subscription {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Read events after this position; START for all. */
  from: Position;
  /** Called for each event in log order; the next event waits for the returned promise. */
  onEvent(event: RecordedEvent): void | Promise<void>;
  /** Called once when the subscription has read everything written so far (then it goes on live). */
  onCaughtUp?(): void;
  /**
   * Called once when the subscription stops on an error (a handler that threw, a failed read, a dropped server
   * subscription); nothing is delivered after it, and the caller resubscribes from its last position. Logged when absent.
   */
  onError?(error: Error): void;
}

export interface EventStore {
  /**
   * Appends to one or more streams. Each stream's expected revision is checked before anything is written;
   * a mismatch throws WrongExpectedRevisionError and writes nothing. With an idempotency claim whose key is
   * already stored, it throws IdempotencyKeyUsedError (checked before the revisions) and writes nothing.
   * Once any of its events is written the append counts as made, even when it then fails (a lost answer, a crash):
   * findIdempotentOutcome finds it, a retry with the key gets IdempotencyKeyUsedError, and every stream gets its
   * events exactly once. The SQLite adapter writes all streams and the outcome in one transaction; EventStoreDB has
   * no multi-stream transaction, so there a write-ahead intent is completed from the log (EventStoreDbEventStore).
   */
  append(streams: StreamAppend[], options?: { idempotency?: IdempotencyClaim }): Promise<AppendOutcome>;

  /** The outcome of an earlier append with this Idempotency-Key, if any of it was written (completed first where need be). */
  findIdempotentOutcome(key: string): Promise<IdempotentOutcome | undefined>;

  /**
   * Optional, for an adapter whose multi-stream appends are not one transaction: completes the appends that stopped
   * between streams with no client left to retry them, and reports which. Absent where appends are atomic.
   */
  completeUnfinishedAppends?(): Promise<UnfinishedAppendsReport>;

  /** Events of one stream from `fromRevision` (inclusive), oldest first; empty for a stream that does not exist. */
  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]>;

  /** Up to `limit` events after `after` (exclusive), in log order. */
  readAll(after: Position, limit: number): Promise<RecordedEvent[]>;

  /**
   * Optional: the log after `after` to its end, in pages of `pageSize` events (the last page short, possibly empty),
   * for a reader of all of it (projections catching up, a rebuild). Each page is what readAll would give; an adapter
   * may read ahead while the caller works (the SQLite one reads in a worker thread). A caller that stops early ends
   * the iteration (`break`, `return()`). Use readPages(store, ...) below, which falls back to readAll.
   */
  readPages?(after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]>;

  /** Events of the given types after `after`, in log order (a write-side lookup, e.g. a person's contact assignments). */
  readAllOfTypes(types: readonly string[], after?: Position): Promise<RecordedEvent[]>;

  /** Catch-up from `from`, then live. Each event is delivered once, in log order. */
  subscribe(options: SubscribeOptions): Subscription;

  /** Position of the last event in the log, START when empty. */
  headPosition(): Promise<Position>;

  close(): Promise<void>;
}

/** Nest injection token for the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The log after `after` to its end in pages (see EventStore.readPages), from readAll where the store reads no other way. */
export function readPages(store: EventStore, after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
  return store.readPages ? store.readPages(after, pageSize) : readAllInPages(store, after, pageSize);
}

/** The log after `after` to its end in pages, one readAll after the other. */
export async function* readAllInPages(store: Pick<EventStore, 'readAll'>, after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
  for (;;) {
    const page = await store.readAll(after, pageSize);
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].position;
  }
}

/**
 * The type a quarantined event's row carries in place of its own (`npm run cli -- repair-event quarantine`, see
 * docs/operations.md): it keeps its position and revision, so numbering stays gap-free, and every reader (aggregates,
 * projections) passes over it. Its metadata says who quarantined it, when and why; the original row is kept in the
 * log file's `quarantined_events` table.
 */
export const QUARANTINED_EVENT_TYPE = '$quarantined';
