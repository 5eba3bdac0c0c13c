import { AppendOutcome, EventStore, IdempotencyClaim, readPages, RecordedEvent, StreamAppend, SubscribeOptions, Subscription, noUnfinishedAppends, UnfinishedAppendsReport } from './event-store.port';

/**
 * Reads events in today's shape whatever shape they were written in: every read path passes events through
 * `upcast`. Writes go through unchanged (they are written in today's shape).
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly upcast: (event: RecordedEvent) => RecordedEvent,
  ) {}

  append(streams: StreamAppend[], options?: { idempotency?: IdempotencyClaim }): Promise<AppendOutcome> {
    return this.inner.append(streams, options);
  }

  findIdempotentOutcome(key: string) {
    return this.inner.findIdempotentOutcome(key);
  }

  async completeUnfinishedAppends(): Promise<UnfinishedAppendsReport> {
    return (await this.inner.completeUnfinishedAppends?.()) ?? noUnfinishedAppends();
  }

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, fromRevision)).map(this.upcast);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(after, limit)).map(this.upcast);
  }

  async *readPages(after: number, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
    for await (const page of readPages(this.inner, after, pageSize)) yield page.map(this.upcast);
  }

  async readAllOfTypes(types: readonly string[], after?: number): Promise<RecordedEvent[]> {
    return (await this.inner.readAllOfTypes(types, after)).map(this.upcast);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({ ...options, onEvent: (event) => options.onEvent(this.upcast(event)) });
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
