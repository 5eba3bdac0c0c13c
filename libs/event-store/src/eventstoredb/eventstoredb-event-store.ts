import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import {
  AppendOutcome,
  EventStore,
  ExpectedRevision,
  IdempotencyClaim,
  IdempotencyKeyUsedError,
  IdempotentOutcome,
  Position,
  RecordedEvent,
  START,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  UnfinishedAppendsReport,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { checkExpectedRevision } from '../expected-revision';
import {
  ABANDONED_EVENT_TYPE,
  AppendIntent,
  INTENT_EVENT_TYPE,
  IntendedEvent,
  IntendedWrite,
  KeyState,
  keyState,
  landedAt,
  OUTCOME_EVENT_TYPE,
} from './append-intents';
import { SubscriptionRunner } from '../subscription-runner';
import { deterministicEventId, idempotencyStream, outcomeEventId } from './event-ids';
import { isSignal, PRODUCT_STREAMS, scanAll, subscribeFiltered } from './filtered-scan';
import { SWEEP_CHECKPOINT_EVENT_TYPE, SWEEP_STREAM, sweepUnfinishedAppends } from './intent-sweep';
import { positionOf } from './positions';
import { readUntil } from './read-until';
import { serverVersionOf, serverVersionProblem } from './server-version';
import { isTransient, RETRY_DELAYS_MS, withRetries } from './transient-errors';
import { isProductEvent, toRecorded } from './recorded-events';

const BATCH = 1000;

/**
 * The production event log on EventStoreDB/KurrentDB (gRPC client v6).
 *
 * EventStoreDB has no transaction across streams, and client 6.x has no multi-stream append. A single-stream append
 * without an Idempotency-Key is one server append. Any other append is written through a write-ahead intent in the
 * key's own stream (append-intents.ts): the intent claims the key and holds every stream's events with their ids,
 * the streams follow in order, then the outcome. A retry with the key, or completeUnfinishedAppends, completes an
 * intent left unfinished, from the log, so neither a failed outcome write nor a crash between streams loses or
 * repeats a command: once its first stream is written, every stream gets its events exactly once.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<SubscriptionRunner>();
  private closing: Promise<void> | undefined;

  private supported?: Promise<void>;

  constructor(private readonly connectionString: string) {
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  /** Refuses a server older than this adapter supports, once, before the first read or write reaches it. */
  private ready(): Promise<void> {
    this.supported ??= serverVersionOf(this.client).then((version) => {
      const problem = serverVersionProblem(version);
      if (problem) throw new Error(`EventStoreDB at ${redacted(this.connectionString)}: ${problem}`);
    });
    return this.supported;
  }

  async append(streams: StreamAppend[], options: { idempotency?: IdempotencyClaim } = {}): Promise<AppendOutcome> {
    if (streams.length === 0) throw new Error('append needs at least one stream');
    await this.ready();
    const claim = options.idempotency;
    // One stream without a key: a single append, atomic on the server.
    if (!claim && streams.length === 1) return this.appendAlone(streams[0]);

    // Anything else goes through a write-ahead intent (see append-intents.ts); without a key, under one of its own.
    const key = claim?.key ?? `append:${randomUUID()}`;
    for (let attempt = 0; ; attempt++) {
      // The key before the revisions: a retried request sees its first outcome, completed first if need be.
      const state = await this.settledKeyState(key);
      if (state.kind === 'stored') throw new IdempotencyKeyUsedError(state.outcome);
      const intent: AppendIntent = {
        fingerprint: claim?.fingerprint ?? '',
        resultId: claim?.resultId ?? '',
        writes: await this.checkRevisions(streams, claim?.key),
      };
      const revision = await this.writeIntent(key, state.after, intent);
      if (revision !== undefined) return this.completeIn(idempotencyStream(key), revision, intent);
      // Another request claimed the key between our read and our write: settle what it did, then look again.
      if (attempt >= 3) throw new Error('the idempotency key kept changing hands');
    }
  }

  /**
   * The outcome of the append that claimed this key. An intent without a stored outcome (the outcome write failed,
   * or the writer stopped between streams) is completed from the log first; one that never took effect is none.
   */
  async findIdempotentOutcome(key: string): Promise<IdempotentOutcome | undefined> {
    await this.ready();
    const state = await this.settledKeyState(key);
    return state.kind === 'stored' ? state.outcome : undefined;
  }

  /**
   * Settles every intent that has neither an outcome nor an abandonment (a writer that stopped between streams, and
   * no client retrying its key): the process that finishes multi-stream appends from the log. It sweeps the intents
   * written since the last sweep's checkpoint (stream idempotency-sweep), in bounded batches (intent-sweep.ts).
   */
  async completeUnfinishedAppends(): Promise<UnfinishedAppendsReport> {
    await this.ready();
    const { completed, abandoned } = await sweepUnfinishedAppends({
      loadCheckpoint: async () => {
        const last = await this.firstEventOf(SWEEP_STREAM, { direction: BACKWARDS, fromRevision: END });
        return last ? Number((last.data as { position?: unknown }).position ?? START) : START;
      },
      intentsAfter: async (after, limit) => {
        const head = await this.lastLogPosition();
        const { events, reachedTo } = await scanAll(this.client, { kind: 'event-types', types: [INTENT_EVENT_TYPE] }, after, head, limit);
        return { intents: events.map((event) => ({ streamId: event.streamId, position: positionOf(event.position) })), reachedTo };
      },
      settle: async (stream) => {
        const state = keyState(await this.readStream(stream));
        return state.kind === 'intended' ? this.settle(stream, state) : 'finished-before';
      },
      saveCheckpoint: async (position) => {
        await withRetries(() =>
          this.client.appendToStream(SWEEP_STREAM, jsonEvent({ type: SWEEP_CHECKPOINT_EVENT_TYPE, data: { position } }), { expectedRevision: ANY }),
        );
        // Only the last checkpoint matters: the server may scavenge the others.
        await withRetries(() => this.client.setStreamMetadata(SWEEP_STREAM, { maxCount: 1 }));
      },
    });
    return { completed, abandoned };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    await this.ready();
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: BigInt(fromRevision), direction: FORWARDS })) {
        if (resolved.event) events.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** Filtered on the server (the product's streams only), up to the head of $all when the read began. */
  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    await this.ready();
    const head = await this.lastLogPosition();
    const events: RecordedEvent[] = [];
    for (let cursor = after; events.length < limit && cursor < head; ) {
      const scan = await scanAll(this.client, PRODUCT_STREAMS, cursor, head, Math.min(BATCH, limit - events.length));
      events.push(...scan.events.filter(isProductEvent).map(toRecorded));
      cursor = scan.reachedTo;
    }
    return events;
  }

  async readAllOfTypes(types: readonly string[], after: Position = START): Promise<RecordedEvent[]> {
    await this.ready();
    if (types.length === 0) return [];
    const head = await this.lastLogPosition();
    const { events } = await scanAll(this.client, { kind: 'event-types', types }, after, head);
    return events.filter(isProductEvent).map(toRecorded);
  }

  async headPosition(): Promise<Position> {
    await this.ready();
    let from: ReadPosition = END;
    for (;;) {
      let seen = 0;
      let oldest: AllStreamRecordedEvent | undefined;
      let head: Position | undefined;
      await readUntil(this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: BATCH }), (resolved) => {
        seen += 1;
        const event = resolved.event;
        if (!event) return;
        if (isProductEvent(event)) {
          head = positionOf(event.position);
          return true;
        }
        oldest = event;
      });
      if (head !== undefined) return head;
      if (seen < BATCH || !oldest) return START;
      from = oldest.position;
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    if (this.closing) throw new Error('event store is closed');
    const runner = new SubscriptionRunner(options, async (sub) => {
      await this.ready();
      let after = options.from;
      let caughtUp = false;
      let failures = 0;
      // A live subscription ends when the leader changes or the node goes away: catch up again from the last
      // event delivered and subscribe anew, rather than ending (the projector would exit and restart from scratch).
      while (!sub.closed) {
        try {
          // Catch up in scans of at most BATCH events, each filtered on the server and bounded by the head of $all,
          // rather than with one catch-up subscription: a slow handler cannot get it dropped as "consumer too slow",
          // and onCaughtUp is this adapter's own judgement. Each scan ends past the records it filtered out, so the
          // next starts there (a long run of bookkeeping is crossed once).
          for (let head = await this.lastLogPosition(); after < head; head = await this.lastLogPosition()) {
            while (after < head) {
              const scan = await scanAll(this.client, PRODUCT_STREAMS, after, head, BATCH);
              for (const event of scan.events) {
                if (sub.closed) return;
                after = positionOf(event.position);
                if (isProductEvent(event)) await sub.deliver(toRecorded(event));
              }
              if (sub.closed) return;
              after = Math.max(after, scan.reachedTo);
            }
          }
          if (sub.closed) return;
          if (!caughtUp) sub.caughtUp();
          caughtUp = true;

          // Live, filtered on the server. Its checkpoints move the place to resume from past records it filtered
          // out; they arrive in order with the events (filtered-scan.ts), so none before them is still undelivered.
          const live = subscribeFiltered(this.client, PRODUCT_STREAMS, after);
          const forget = sub.onClose(async () => {
            await live.unsubscribe().catch(() => undefined);
            live.destroy();
          });
          let delivered = after;
          try {
            for await (const item of live) {
              if (sub.closed) return;
              failures = 0;
              if (isSignal(item)) {
                if (item.signal === 'checkpoint') after = Math.max(after, item.position);
                continue;
              }
              const event = item.event;
              if (!event) continue;
              const position = positionOf(event.position);
              if (position <= delivered) continue;
              delivered = position;
              after = Math.max(after, position);
              if (isProductEvent(event)) await sub.deliver(toRecorded(event));
            }
          } finally {
            // This server subscription has ended (or the runner closed): its close hook goes, the next one gets its own.
            forget();
            if (!sub.closed) live.destroy();
          }
        } catch (error) {
          if (sub.closed) return;
          if (!isTransient(error) || failures >= RETRY_DELAYS_MS.length) throw error;
        }
        if (sub.closed) return;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]));
        failures += 1;
        if (failures > RETRY_DELAYS_MS.length) throw new Error('EventStoreDB subscription kept ending; giving up');
      }
    });
    this.subscriptions.add(runner);
    runner.onClose(() => {
      this.subscriptions.delete(runner);
    });
    return runner;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((sub) => sub.close()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  /**
   * Checks every stream before anything is written (a mismatch known now writes nothing, not even an intent) and
   * fixes each write's place: the revision it follows, and its event ids.
   */
  private async checkRevisions(streams: StreamAppend[], key: string | undefined): Promise<IntendedWrite[]> {
    const revisions = new Map<string, number>();
    const writes: IntendedWrite[] = [];
    for (const { streamId, expectedRevision, events } of streams) {
      const actual = revisions.get(streamId) ?? (await this.currentRevision(streamId));
      checkExpectedRevision(streamId, expectedRevision, actual);
      revisions.set(streamId, actual + events.length);
      writes.push({
        streamId,
        after: actual,
        events: events.map((event, i) => ({
          id: event.id ?? (key ? deterministicEventId(key, streamId, expectedRevision, i) : randomUUID()),
          type: event.type,
          data: event.data,
          metadata: event.metadata,
        })),
      });
    }
    return writes;
  }

  /** The key's state with any unfinished intent settled (completed, or abandoned when it cannot take effect). */
  private async settledKeyState(key: string): Promise<Exclude<KeyState, { kind: 'intended' }>> {
    const stream = idempotencyStream(key);
    for (;;) {
      const state = keyState(await this.readStream(stream));
      if (state.kind !== 'intended') return state;
      await this.settle(stream, state);
    }
  }

  private async settle(stream: string, state: Extract<KeyState, { kind: 'intended' }>): Promise<'completed' | 'abandoned'> {
    try {
      await this.completeIn(stream, state.revision, state.intent);
      return 'completed';
    } catch (error) {
      // Abandoned: none of it was written, and the key is free again.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return 'abandoned';
    }
  }

  /** Claims the key with the intent; undefined when another request wrote to the key's stream first. */
  private async writeIntent(key: string, after: number, intent: AppendIntent): Promise<number | undefined> {
    const stream = idempotencyStream(key);
    try {
      const result = await withRetries(() =>
        this.client.appendToStream(
          stream,
          jsonEvent({ id: keyEventId(stream, after + 1, INTENT_EVENT_TYPE, intent), type: INTENT_EVENT_TYPE, data: { ...intent }, metadata: {} }),
          { expectedRevision: after < 0 ? NO_STREAM : BigInt(after) },
        ),
      );
      return Number(result.nextExpectedRevision);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return undefined;
      throw error;
    }
  }

  /**
   * Writes what the intent says is not written yet, in order, with its ids after its revisions, and stores the
   * outcome. Safe to run in several processes at once: an exact-revision append of events already there is
   * recognised by the server as the same write. The first stream decides: when it moved before any of the intent
   * was written, the intent is abandoned and WrongExpectedRevisionError thrown (nothing written, the command may
   * decide again). Once it is written the command has happened, and a later stream that moved meanwhile gets its
   * events after the other writer's (its ids looked for first, so never twice).
   */
  private async completeIn(stream: string, intentRevision: number, intent: AppendIntent): Promise<AppendOutcome> {
    const written: AppendOutcome['streams'] = [];
    let last: { streamId: string; revision: number } | undefined;
    for (const [i, write] of intent.writes.entries()) {
      let revision = landedAt(write, await this.idsFrom(write.streamId, write.after + 1, 1), false);
      if (revision === undefined) {
        try {
          revision = await this.appendOne(write.streamId, write.after, write.events);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (i === 0) {
            await this.appendToKeyStream(stream, intentRevision, ABANDONED_EVENT_TYPE, { reason: error.message });
            throw error;
          }
          revision =
            landedAt(write, await this.idsFrom(write.streamId, write.after + 1), true) ??
            (await this.appendOne(write.streamId, 'any', write.events));
        }
      }
      written.push({ streamId: write.streamId, revision });
      if (write.events.length > 0) last = { streamId: write.streamId, revision };
    }
    const position = last ? positionOf((await this.eventAt(last.streamId, last.revision))?.position) : await this.headPosition();
    const outcome: IdempotentOutcome = { fingerprint: intent.fingerprint, resultId: intent.resultId, revision: written[0].revision, position };
    await this.storeOutcome(stream, intentRevision, outcome);
    return { streams: written, position };
  }

  /** A stream's events after revision `after` (-1: the stream must not exist; 'any': wherever it ends); returns the last one's revision. */
  protected async appendOne(streamId: string, after: number | 'any', events: IntendedEvent[]): Promise<number> {
    const expected: ExpectedRevision = after === 'any' ? 'any' : after < 0 ? 'no_stream' : after;
    if (events.length === 0) {
      const actual = await this.currentRevision(streamId);
      checkExpectedRevision(streamId, expected, actual);
      return actual;
    }
    const expectedRevision: AppendExpectedRevision = expected === 'any' ? ANY : expected === 'no_stream' ? NO_STREAM : BigInt(expected);
    try {
      const result = await withRetries(() => this.client.appendToStream(streamId, events.map((event) => jsonEvent(event)), { expectedRevision }));
      return Number(result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
  }

  /** One stream, no key: a single append (atomic on the server), with ids made here so a transient retry is absorbed. */
  private async appendAlone({ streamId, expectedRevision, events }: StreamAppend): Promise<AppendOutcome> {
    const withIds = events.map((event) => ({ ...event, id: event.id ?? randomUUID() }));
    const after = expectedRevision === 'any' ? 'any' : expectedRevision === 'no_stream' ? -1 : expectedRevision;
    const revision = await this.appendOne(streamId, after, withIds);
    const position = withIds.length > 0 ? positionOf((await this.eventAt(streamId, revision))?.position) : await this.headPosition();
    return { streams: [{ streamId, revision }], position };
  }

  /** The outcome after its intent; a concurrent completer's identical outcome is absorbed (same event id). */
  protected async storeOutcome(stream: string, intentRevision: number, outcome: IdempotentOutcome): Promise<void> {
    await this.appendToKeyStream(stream, intentRevision, OUTCOME_EVENT_TYPE, { ...outcome });
  }

  private async appendToKeyStream(stream: string, after: number, type: string, data: Record<string, unknown>): Promise<void> {
    try {
      await withRetries(() =>
        this.client.appendToStream(stream, jsonEvent({ id: keyEventId(stream, after + 1, type, data), type, data, metadata: {} }), {
          expectedRevision: BigInt(after),
        }),
      );
    } catch (error) {
      // Another completer settled the intent first, deriving the same from the same log.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }

  /** Ids of a stream's events from `revision` on (at most `count`), oldest first. */
  private async idsFrom(streamId: string, revision: number, count = Number.MAX_SAFE_INTEGER): Promise<string[]> {
    const ids: string[] = [];
    try {
      const read = this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(revision), maxCount: count });
      await readUntil(read, (resolved) => {
        if (resolved.event) ids.push(resolved.event.id);
        return ids.length >= count;
      });
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return ids;
  }

  /** Revision of the stream's last event, -1 when it does not exist. */
  private async currentRevision(streamId: string): Promise<number> {
    const last = await this.firstEventOf(streamId, { direction: BACKWARDS, fromRevision: END });
    return last ? Number(last.revision) : -1;
  }

  private eventAt(streamId: string, revision: number): Promise<EsdbRecordedEvent | undefined> {
    return this.firstEventOf(streamId, { direction: FORWARDS, fromRevision: BigInt(revision) });
  }

  private async firstEventOf(
    streamId: string,
    from: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof END },
  ): Promise<EsdbRecordedEvent | undefined> {
    let found: EsdbRecordedEvent | undefined;
    try {
      await readUntil(this.client.readStream(streamId, { ...from, maxCount: 1 }), (resolved) => {
        found = resolved.event;
        return found !== undefined;
      });
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return found;
  }

  /** Position of the last record in $all, system records included. */
  private async lastLogPosition(): Promise<Position> {
    let last: Position = START;
    await readUntil(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), (resolved) => {
      if (!resolved.event) return;
      last = positionOf(resolved.event.position);
      return true;
    });
    return last;
  }
}

/** The same event at the same place of a key's stream gets the same id, so a repeated write is absorbed. */
function keyEventId(stream: string, revision: number, type: string, data: unknown): string {
  return outcomeEventId(stream, [revision, type, data]);
}

/** The connection string without its password, for messages. */
function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
