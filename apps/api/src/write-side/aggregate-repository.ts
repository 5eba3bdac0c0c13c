import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainEvent } from '@crm/domain';
import { EVENT_STORE, EventStore, QUARANTINED_EVENT_TYPE, RecordedEvent } from '@crm/event-store';

export interface Loaded<S> {
  state: S;
  /** Revision of the stream's last event; -1 when the stream does not exist. */
  revision: number;
  /** Global position of the stream's last event; 0 when the stream does not exist. */
  position: number;
}

type AnyDecider = Pick<Decider<unknown, DomainEvent, unknown, unknown>, 'initialState' | 'evolve'>;
type Cached = Loaded<unknown> & { decider: AnyDecider };

const MAX_CACHED_STREAMS = 50_000;

/**
 * Loads aggregate state by folding a stream. States are cached with their revision, and a load reads only
 * the events after it, so a busy partnership is not re-read from its first event for every command. The cache
 * never holds anything the log does not: it is filled from reads and from appends that succeeded.
 */
@Injectable()
export class AggregateRepository {
  private readonly cache = new Map<string, Cached>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<S>(streamId: string, decider: Pick<Decider<never, never, S, never>, 'initialState' | 'evolve'>): Promise<Loaded<S>> {
    const d = decider as unknown as AnyDecider;
    const cached = this.cache.get(streamId);
    const base: Loaded<unknown> =
      cached && cached.decider === d ? cached : { state: d.initialState, revision: -1, position: 0 };
    const newer = await this.store.readStream(streamId, base.revision + 1);
    // Nothing new: the cached entry stands as it is (it was current when last changed; no need to copy or reorder it).
    if (newer.length === 0 && cached === base) return toLoaded(cached) as Loaded<S>;
    const loaded = this.fold(base, newer, d);
    this.remember(streamId, loaded, d);
    return loaded as Loaded<S>;
  }

  /**
   * Records events this process has just appended, so the next load need not read them back.
   * `position` is the append's last position, which for a multi-stream append may lie past this stream's last event.
   */
  appended<S>(
    streamId: string,
    decider: Pick<Decider<never, never, S, never>, 'initialState' | 'evolve'>,
    from: Loaded<S>,
    events: readonly DomainEvent[],
    revision: number,
    position: number,
  ): Loaded<S> {
    const d = decider as unknown as AnyDecider;
    const state = events.reduce((s, e) => d.evolve(s, e), from.state as unknown);
    const loaded = { state, revision, position };
    this.remember(streamId, loaded, d);
    return loaded as Loaded<S>;
  }

  private fold(base: Loaded<unknown>, events: RecordedEvent[], decider: AnyDecider): Loaded<unknown> {
    if (events.length === 0) return base;
    let state = base.state;
    for (const event of events) {
      // A quarantined event (docs/operations.md) keeps its revision but changes nothing.
      if (event.type !== QUARANTINED_EVENT_TYPE) state = decider.evolve(state, { type: event.type, data: event.data } as DomainEvent);
    }
    const last = events[events.length - 1];
    return { state, revision: last.revision, position: last.position };
  }

  private remember(streamId: string, loaded: Loaded<unknown>, decider: AnyDecider): void {
    if (loaded.revision < 0) return;
    this.cache.delete(streamId);
    this.cache.set(streamId, { state: loaded.state, revision: loaded.revision, position: loaded.position, decider });
    if (this.cache.size > MAX_CACHED_STREAMS) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function toLoaded({ state, revision, position }: Cached): Loaded<unknown> {
  return { state, revision, position };
}
