import { AppendOutcome, EventStore, EventStoreDbEventStore, IdempotencyClaim, IdempotentOutcome, StreamAppend, noUnfinishedAppends, UnfinishedAppendsReport } from '@crm/event-store';

/** What a broken connection looks like to the caller: the request may or may not have been carried out. */
export function connectionLost(): Error {
  return Object.assign(new Error('connection reset: no answer to the append'), { code: 'ECONNRESET' });
}

/**
 * The real store, whose next `loseNext` appends are carried out but answered with an error, as when the answer (or,
 * on a store that writes it apart, the outcome record) is lost after the commit. An append that the store refuses
 * is refused as usual.
 */
export class AnswerLostEventStore implements EventStore {
  readonly readPages: EventStore['readPages'];

  constructor(
    private readonly inner: EventStore,
    public loseNext = 1,
  ) {
    this.readPages = inner.readPages?.bind(inner);
  }

  async append(streams: StreamAppend[], options?: { idempotency?: IdempotencyClaim }): Promise<AppendOutcome> {
    const outcome = await this.inner.append(streams, options);
    if (this.loseNext > 0) {
      this.loseNext -= 1;
      throw connectionLost();
    }
    return outcome;
  }

  findIdempotentOutcome: EventStore['findIdempotentOutcome'] = (key) => this.inner.findIdempotentOutcome(key);
  readStream: EventStore['readStream'] = (streamId, fromRevision) => this.inner.readStream(streamId, fromRevision);
  readAll: EventStore['readAll'] = (after, limit) => this.inner.readAll(after, limit);
  readAllOfTypes: EventStore['readAllOfTypes'] = (types, after) => this.inner.readAllOfTypes(types, after);
  subscribe: EventStore['subscribe'] = (options) => this.inner.subscribe(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
  completeUnfinishedAppends = async (): Promise<UnfinishedAppendsReport> => (await this.inner.completeUnfinishedAppends?.()) ?? noUnfinishedAppends();
}

/**
 * The real EventStoreDB adapter on its own connection, with faults between its steps: the outcome write failing
 * after the events are written, the writer stopping after its first `streamsBeforeStop` stream writes, or another
 * writer slipping in before the next stream is written.
 */
export class InterruptedEventStoreDb extends EventStoreDbEventStore {
  failOutcomes = 0;
  streamsBeforeStop: number | undefined;
  beforeStreamWrite: ((streamId: string) => Promise<void>) | undefined;
  private streamWrites = 0;

  protected override async appendOne(...args: Parameters<EventStoreDbEventStore['appendOne']>): Promise<number> {
    const index = this.streamWrites++;
    if (this.streamsBeforeStop !== undefined && index >= this.streamsBeforeStop) throw connectionLost();
    await this.beforeStreamWrite?.(args[0]);
    return super.appendOne(...args);
  }

  protected override async storeOutcome(stream: string, intentRevision: number, outcome: IdempotentOutcome): Promise<void> {
    if (this.failOutcomes > 0) {
      this.failOutcomes -= 1;
      throw connectionLost();
    }
    return super.storeOutcome(stream, intentRevision, outcome);
  }
}
