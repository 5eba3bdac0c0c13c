import {
  AppendOutcome,
  EventStore,
  IdempotencyClaim,
  IdempotencyKeyUsedError,
  IdempotentOutcome,
  Position,
  readPages,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  WrongExpectedRevisionError,
  noUnfinishedAppends,
  UnfinishedAppendsReport,
} from '@crm/event-store';
import { CommitBatch, Filter, FindOptions, IndexSpec, ReadStore, StoredDocument } from '@crm/read-store';
import type { StoreHistogram, StoreOutcome } from './metrics';

async function timed<T>(histogram: StoreHistogram, operation: string, run: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer({ operation });
  try {
    const result = await run();
    end({ outcome: 'ok' });
    return result;
  } catch (error) {
    end({ outcome: outcomeOf(error) });
    throw error;
  }
}

/** A refused expected revision or a used idempotency key is the store answering, not failing. */
function outcomeOf(error: unknown): StoreOutcome {
  return error instanceof WrongExpectedRevisionError || error instanceof IdempotencyKeyUsedError ? 'conflict' : 'error';
}

/**
 * Times every event-store operation into `crm_event_store_operation_duration_seconds`, whatever the adapter.
 * Subscriptions are long-lived and pass through untimed; their effect shows as projection lag.
 */
export class TimedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly histogram: StoreHistogram,
  ) {}

  append(streams: StreamAppend[], options?: { idempotency?: IdempotencyClaim }): Promise<AppendOutcome> {
    return timed(this.histogram, 'append', () => this.inner.append(streams, options));
  }

  findIdempotentOutcome(key: string): Promise<IdempotentOutcome | undefined> {
    return timed(this.histogram, 'findIdempotentOutcome', () => this.inner.findIdempotentOutcome(key));
  }

  async completeUnfinishedAppends(): Promise<UnfinishedAppendsReport> {
    return (await this.inner.completeUnfinishedAppends?.()) ?? noUnfinishedAppends();
  }

  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return timed(this.histogram, 'readStream', () => this.inner.readStream(streamId, fromRevision));
  }

  readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    return timed(this.histogram, 'readAll', () => this.inner.readAll(after, limit));
  }

  /** A long read (a rebuild, a catch-up) in pages, read ahead by the adapter where it can; each page timed as a readAll. */
  async *readPages(after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
    const pages = readPages(this.inner, after, pageSize);
    try {
      for (;;) {
        const next = await timed(this.histogram, 'readAll', () => pages.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A reader that stops early ends the adapter's read-ahead too.
      await pages.return?.();
    }
  }

  readAllOfTypes(types: readonly string[], after?: Position): Promise<RecordedEvent[]> {
    return timed(this.histogram, 'readAllOfTypes', () => this.inner.readAllOfTypes(types, after));
  }

  headPosition(): Promise<Position> {
    return timed(this.histogram, 'headPosition', () => this.inner.headPosition());
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Times every read-store operation into `crm_read_store_operation_duration_seconds`, whatever the adapter. */
export class TimedReadStore implements ReadStore {
  constructor(
    private readonly inner: ReadStore,
    private readonly histogram: StoreHistogram,
  ) {}

  find<T extends StoredDocument = StoredDocument>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]> {
    return timed(this.histogram, 'find', () => this.inner.find<T>(collection, filter, options));
  }

  count(collection: string, filter?: Filter): Promise<number> {
    return timed(this.histogram, 'count', () => this.inner.count(collection, filter));
  }

  get<T extends StoredDocument = StoredDocument>(collection: string, id: string): Promise<T | undefined> {
    return timed(this.histogram, 'get', () => this.inner.get<T>(collection, id));
  }

  getMany<T extends StoredDocument = StoredDocument>(collection: string, ids: readonly string[]): Promise<T[]> {
    return timed(this.histogram, 'getMany', () => this.inner.getMany<T>(collection, ids));
  }

  commit(batch: CommitBatch): Promise<void> {
    return timed(this.histogram, 'commit', () => this.inner.commit(batch));
  }

  checkpoint(projection: string): Promise<number> {
    return timed(this.histogram, 'checkpoint', () => this.inner.checkpoint(projection));
  }

  getMeta(key: string): Promise<string | undefined> {
    return timed(this.histogram, 'getMeta', () => this.inner.getMeta(key));
  }

  setMeta(key: string, value: string): Promise<void> {
    return timed(this.histogram, 'setMeta', () => this.inner.setMeta(key, value));
  }

  ensureIndexes(spec: IndexSpec): Promise<void> {
    return timed(this.histogram, 'ensureIndexes', () => this.inner.ensureIndexes(spec));
  }

  drop(collections: readonly string[], checkpoints?: readonly string[]): Promise<void> {
    return timed(this.histogram, 'drop', () => this.inner.drop(collections, checkpoints));
  }

  saved(): Promise<void> {
    return this.inner.saved();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
