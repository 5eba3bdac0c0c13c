import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type EventData,
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
  WrongExpectedRevisionError,
} from '../event-store.port';
import { checkExpectedRevision } from '../expected-revision';
import { SubscriptionRunner } from '../subscription-runner';
import { deterministicEventId, idempotencyStream, outcomeEventId } from './event-ids';
import { scanTypes } from './filtered-scan';
import { positionOf, readFrom } from './positions';
import { READ_DEADLINE_MS, readUntil } from './read-until';
import { serverVersionOf, serverVersionProblem } from './server-version';
import { isTransient, RETRY_DELAYS_MS, withRetries } from './transient-errors';
import { isProductEvent, toRecorded } from './recorded-events';

const BATCH = 1000;
const OUTCOME_EVENT_TYPE = 'IdempotentOutcomeStored';

interface PreparedWrite {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: EventData[];
}

/**
 * The production event log on EventStoreDB/KurrentDB (gRPC client v6).
 *
 * EventStoreDB has no transaction across streams: a multi-stream append checks every stream's revision first
 * (so an expected-revision mismatch known at that moment writes nothing), then appends the streams one by one.
 * A writer that slips in between the check and a later stream's append makes that stream fail after the earlier
 * ones were written. The idempotency outcome is written last, in its own stream; a crash before it means a retry
 * is decided again (event ids derived from the Idempotency-Key let the server absorb an identical repeat).
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
    if (claim) {
      const stored = await this.findIdempotentOutcome(claim.key);
      if (stored) throw new IdempotencyKeyUsedError(stored);
    }

    const writes: PreparedWrite[] = streams.map(({ streamId, expectedRevision, events }) => ({
      streamId,
      expectedRevision,
      events: events.map((event, i) =>
        jsonEvent({
          id: event.id ?? (claim ? deterministicEventId(claim.key, streamId, expectedRevision, i) : randomUUID()),
          type: event.type,
          data: event.data,
          metadata: event.metadata,
        }),
      ),
    }));
    if (writes.length > 1) await this.checkRevisions(writes);

    const written: AppendOutcome['streams'] = [];
    let last: { streamId: string; revision: number } | undefined;
    for (const write of writes) {
      const revision = await this.appendOne(write);
      written.push({ streamId: write.streamId, revision });
      if (write.events.length > 0) last = { streamId: write.streamId, revision };
    }
    const position = last ? positionOf((await this.eventAt(last.streamId, last.revision))?.position) : await this.headPosition();

    if (claim) {
      await this.storeOutcome(claim.key, {
        fingerprint: claim.fingerprint,
        resultId: claim.resultId,
        revision: written[0].revision,
        position,
      });
    }
    return { streams: written, position };
  }

  async findIdempotentOutcome(key: string): Promise<IdempotentOutcome | undefined> {
    await this.ready();
    const event = await this.eventAt(idempotencyStream(key), 0);
    if (!event) return undefined;
    const data = event.data as Partial<IdempotentOutcome>;
    return { fingerprint: String(data.fingerprint), resultId: String(data.resultId), revision: Number(data.revision), position: Number(data.position) };
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

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    await this.ready();
    const events: RecordedEvent[] = [];
    let cursor = after;
    while (events.length < limit) {
      const page = await this.readAfter(cursor, BATCH);
      for (const event of page.events) {
        cursor = positionOf(event.position);
        if (!isProductEvent(event)) continue;
        events.push(toRecorded(event));
        if (events.length === limit) return events;
      }
      if (page.end) break;
    }
    return events;
  }

  async readAllOfTypes(types: readonly string[], after: Position = START): Promise<RecordedEvent[]> {
    await this.ready();
    if (types.length === 0) return [];
    const head = await this.lastLogPosition();
    if (head <= after) return [];
    const events = await scanTypes(this.client, types, after, head);
    return events.filter(isProductEvent).map(toRecorded);
  }

  async headPosition(): Promise<Position> {
    await this.ready();
    let from: ReadPosition = END;
    for (;;) {
      let seen = 0;
      let oldest: AllStreamRecordedEvent | undefined;
      let head: Position | undefined;
      await readUntil(this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: BATCH, deadline: READ_DEADLINE_MS }), (resolved) => {
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
          // Catch up with paged reads rather than the server's catch-up subscription: a slow handler cannot get the
          // subscription dropped as "consumer too slow", and onCaughtUp does not depend on the server's version.
          for (;;) {
            const page = await this.readAfter(after, BATCH);
            for (const event of page.events) {
              if (sub.closed) return;
              after = positionOf(event.position);
              if (isProductEvent(event)) await sub.deliver(toRecorded(event));
            }
            if (page.end || sub.closed) break;
          }
          if (sub.closed) return;
          if (!caughtUp) sub.caughtUp();
          caughtUp = true;

          const live = this.client.subscribeToAll({ fromPosition: readFrom(after), filter: excludeSystemEvents() });
          sub.onClose(async () => {
            await live.unsubscribe().catch(() => undefined);
            live.destroy();
          });
          for await (const resolved of live) {
            if (sub.closed) return;
            failures = 0;
            const event = resolved.event;
            if (!event) continue;
            const position = positionOf(event.position);
            if (position <= after) continue;
            after = position;
            if (isProductEvent(event)) await sub.deliver(toRecorded(event));
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

  /** Checks all streams before the first write; see the class comment for what this can and cannot promise. */
  private async checkRevisions(writes: PreparedWrite[]): Promise<void> {
    const revisions = new Map<string, number>();
    for (const write of writes) {
      const actual = revisions.get(write.streamId) ?? (await this.currentRevision(write.streamId));
      const start = write.expectedRevision === 'no_stream' ? -1 : write.expectedRevision === 'any' ? actual : write.expectedRevision;
      // A retry of an append that already reached this stream: the server will recognise the event ids.
      const alreadyWritten = start !== actual && write.events.length > 0 && (await this.eventAt(write.streamId, start + 1))?.id === write.events[0].id;
      if (!alreadyWritten) checkExpectedRevision(write.streamId, write.expectedRevision, actual);
      revisions.set(write.streamId, (alreadyWritten ? start : actual) + write.events.length);
    }
  }

  private async appendOne(write: PreparedWrite): Promise<number> {
    if (write.events.length === 0) {
      const actual = await this.currentRevision(write.streamId);
      checkExpectedRevision(write.streamId, write.expectedRevision, actual);
      return actual;
    }
    try {
      const result = await withRetries(() =>
        this.client.appendToStream(write.streamId, write.events, { expectedRevision: toEsdbExpected(write.expectedRevision) }),
      );
      return Number(result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
      throw new WrongExpectedRevisionError(write.streamId, write.expectedRevision, actual);
    }
  }

  private async storeOutcome(key: string, outcome: IdempotentOutcome): Promise<void> {
    try {
      // The same outcome has the same event id: a retry after a lost answer is absorbed by the server.
      await withRetries(() =>
        this.client.appendToStream(
          idempotencyStream(key),
          jsonEvent({ id: outcomeEventId(key, outcome), type: OUTCOME_EVENT_TYPE, data: { ...outcome }, metadata: { key } }),
          { expectedRevision: NO_STREAM },
        ),
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // Another append with the same key stored its outcome first (our events are written; see the class comment).
      const stored = await this.findIdempotentOutcome(key);
      if (!stored) throw error;
      throw new IdempotencyKeyUsedError(stored);
    }
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
      await readUntil(this.client.readStream(streamId, { ...from, maxCount: 1, deadline: READ_DEADLINE_MS }), (resolved) => {
        found = resolved.event;
        return found !== undefined;
      });
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return found;
  }

  /** Up to `count` $all records (system ones included) after `after`, and whether that reached the end of $all. */
  private async readAfter(after: Position, count: number): Promise<{ events: AllStreamRecordedEvent[]; end: boolean }> {
    const events: AllStreamRecordedEvent[] = [];
    let seen = 0;
    // One more than asked, as the read starts at `after` itself.
    for await (const resolved of this.client.readAll({ fromPosition: readFrom(after), maxCount: count + 1, direction: FORWARDS, deadline: READ_DEADLINE_MS })) {
      seen += 1;
      const event = resolved.event;
      if (event && positionOf(event.position) > after) events.push(event);
    }
    return { events: events.slice(0, count), end: seen < count + 1 };
  }

  /** Position of the last record in $all, system records included. */
  private async lastLogPosition(): Promise<Position> {
    let last: Position = START;
    await readUntil(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: READ_DEADLINE_MS }), (resolved) => {
      if (!resolved.event) return;
      last = positionOf(resolved.event.position);
      return true;
    });
    return last;
  }
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
}

/** The connection string without its password, for messages. */
function redacted(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
