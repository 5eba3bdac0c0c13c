import {
  ANY,
  BACKWARDS,
  END,
  EVENT_TYPE,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type Filter,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import { RecordedEvent, SqliteEventStore, WrongExpectedRevisionError } from '@crm/event-store';
import { Readable } from 'node:stream';
import { caughtUpMessage, FakeCall, FakeSubscribingClient, fullEventMessage, recordedEvent } from './esdb-fakes';

type Direction = typeof BACKWARDS | 'forwards';
interface JsonEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/**
 * The part of the EventStoreDB client (v6) the production adapter uses, answered from the real embedded log: appends
 * at an expected revision (an exact-revision append of events already there, same ids, is the same write, as on the
 * server), stream and $all reads, and filtered subscriptions to $all (events through the client's own subscription
 * transform, then caught-up). Lets EventStoreDbEventStore's own logic — intents, completion, the sweep — run on a
 * real log with faults injected around it. It is not a server: what only a server shows stays in test/contract
 * (EVENTSTORE_URL).
 */
export class EsdbClientOverSqlite {
  private readonly subscriptions = new FakeSubscribingClient((options) => this.subscriptionCall(options));
  private readonly open = new Set<{ close(): Promise<void> }>();

  constructor(private readonly log: SqliteEventStore) {}

  async appendToStream(streamId: string, events: JsonEvent | JsonEvent[], { expectedRevision = ANY }: { expectedRevision?: AppendExpectedRevision } = {}) {
    const list = Array.isArray(events) ? events : [events];
    const expected = expectedRevision === ANY ? 'any' : expectedRevision === NO_STREAM ? 'no_stream' : Number(expectedRevision);
    const already = await this.alreadyWritten(streamId, expected, list);
    if (already !== undefined) return this.appended(streamId, already);
    try {
      const outcome = await this.log.append([{ streamId, expectedRevision: expected as never, events: list.map(({ id, type, data, metadata }) => ({ id, type, data, metadata: metadata ?? {} })) }]);
      return this.appended(streamId, outcome.streams[0].revision);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      throw new WrongExpectedVersionError(undefined, {
        streamName: streamId,
        expected: typeof expected === 'number' ? BigInt(expected) : expected,
        current: error.actual === 'no_stream' ? NO_STREAM : BigInt(error.actual),
      } as never);
    }
  }

  readStream(streamId: string, { fromRevision = START, direction = 'forwards', maxCount = Number.MAX_SAFE_INTEGER }: { fromRevision?: bigint | typeof START | typeof END; direction?: Direction; maxCount?: number | bigint } = {}) {
    return this.reading(async () => {
      const events = await this.log.readStream(streamId);
      if (events.length === 0) throw new StreamNotFoundError(undefined, streamId);
      const from = fromRevision === START ? 0 : fromRevision === END ? events.length - 1 : Number(fromRevision);
      const picked = direction === BACKWARDS ? events.filter((e) => e.revision <= from).reverse() : events.filter((e) => e.revision >= from);
      return picked.slice(0, Number(maxCount));
    });
  }

  readAll({ fromPosition = START, direction = 'forwards', maxCount = Number.MAX_SAFE_INTEGER }: { fromPosition?: { commit: bigint } | typeof START | typeof END; direction?: Direction; maxCount?: number | bigint } = {}) {
    return this.reading(async () => {
      const events = await this.log.readAll(0, Number.MAX_SAFE_INTEGER);
      const from = fromPosition === START ? 0 : fromPosition === END ? Number.MAX_SAFE_INTEGER : Number(fromPosition.commit);
      const picked = direction === BACKWARDS ? events.filter((e) => e.position <= from).reverse() : events.filter((e) => e.position >= from);
      return picked.slice(0, Number(maxCount));
    });
  }

  subscribeToAll = (options?: SubscribeToAllOptions) => this.subscriptions.subscribeToAll(options);

  async setStreamMetadata(): Promise<void> {
    // The server would scavenge old checkpoints; the embedded log keeps them, which the adapter does not read.
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.close()));
  }

  private subscriptionCall(options: SubscribeToAllOptions): FakeCall {
    // The embedded log's own subscription, from the same place: the events the filter lets through, caught-up once
    // the log has been read, then live ones. Cancelling the call closes it.
    const call = new FakeCall([], true);
    const after = options.fromPosition === START || options.fromPosition === undefined || options.fromPosition === END ? 0 : Number(options.fromPosition.commit);
    const subscription = this.log.subscribe({
      from: after,
      onEvent: (event) => {
        if (passes(options.filter, event)) call.push(fullEventMessage(fakeEvent(event)));
      },
      onCaughtUp: () => call.push(caughtUpMessage()),
      onError: (error) => call.destroy(error),
    });
    const cancel = call.cancel.bind(call);
    call.cancel = () => {
      cancel();
      void subscription.close();
    };
    this.open.add(subscription);
    return call;
  }

  private async alreadyWritten(streamId: string, expected: 'any' | 'no_stream' | number, events: JsonEvent[]): Promise<number | undefined> {
    if (events.length === 0 || expected === 'any') return undefined;
    const after = expected === 'no_stream' ? -1 : expected;
    const next = (await this.log.readStream(streamId, after + 1)).slice(0, events.length);
    return next.length === events.length && next.every((e, i) => e.id === events[i].id) ? after + events.length : undefined;
  }

  private async appended(streamId: string, revision: number) {
    const [event] = await this.log.readStream(streamId, revision);
    return { success: true, nextExpectedRevision: BigInt(revision), position: { commit: BigInt(event.position), prepare: BigInt(event.position) } };
  }

  /** A streaming read (cancel() included) of what `load` finds; a failure arrives as the read's error, as from the server. */
  private reading(load: () => Promise<RecordedEvent[]>) {
    const read = new Readable({ objectMode: true, read() {} }) as Readable & { cancel(): Promise<void> };
    read.cancel = async () => undefined;
    load().then(
      (events) => {
        for (const event of events) read.push(recordedEvent(fakeEvent(event)));
        read.push(null);
      },
      (error: Error) => read.destroy(error),
    );
    return read;
  }
}

function fakeEvent(event: RecordedEvent) {
  return { commit: event.position, streamId: event.streamId, type: event.type, id: event.id, revision: event.revision, data: event.data, metadata: event.metadata };
}

/** The server's filter, by event type or stream name (JavaScript's regex reads these patterns as .NET does). */
function passes(filter: Filter | undefined, event: RecordedEvent): boolean {
  if (!filter || !('regex' in filter)) return true;
  return new RegExp(filter.regex).test(filter.filterOn === EVENT_TYPE ? event.type : event.streamId);
}
