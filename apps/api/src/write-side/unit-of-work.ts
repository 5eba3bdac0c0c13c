import { Decider, DomainEvent } from '@crm/domain';
import { Loaded } from './aggregate-repository';
import { PlannedWrite, PlanTools } from './command-executor';

type AnyDecider = Decider<any, any, any, any>;

interface Pending {
  decider: AnyDecider;
  loaded: Loaded<unknown>;
  state: unknown;
  events: DomainEvent[];
}

/**
 * Several decisions in one plan (CommandExecutor.run), on one or more streams: each stream is loaded once, and a
 * later decision sees what the earlier ones decided (an organisation registered, then a person in it). Its writes are
 * appended together, all or nothing.
 */
export class UnitOfWork {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly tools: PlanTools) {}

  get now(): string {
    return this.tools.now;
  }

  /** The stream's state with this unit's decisions folded in. */
  async state<S>(streamId: string, decider: Decider<any, any, S, any>): Promise<S> {
    return (await this.entry(streamId, decider)).state as S;
  }

  /** Decides a command on a stream, folds its events into the stream's state, and keeps them for the append. */
  async decide<C, E extends DomainEvent, S, Ctx>(streamId: string, decider: Decider<C, E, S, Ctx>, command: C, ctx: Ctx): Promise<E[]> {
    const entry = await this.entry(streamId, decider);
    const events = decider.decide(command, entry.state as S, ctx);
    entry.state = events.reduce((state, event) => decider.evolve(state, event), entry.state as S);
    entry.events.push(...events);
    return events;
  }

  /**
   * A stream this unit creates under a new random id: taken as not existing without reading the log. The append
   * expects `no_stream` for it, so were the id taken after all, the append fails and the plan runs again.
   */
  fresh(streamId: string, decider: Decider<any, any, any, any>): void {
    if (this.pending.has(streamId)) throw new Error(`stream ${streamId} is not new in this unit`);
    this.pending.set(streamId, { decider, loaded: { state: decider.initialState, revision: -1, position: 0 }, state: decider.initialState, events: [] });
  }

  writes(): PlannedWrite[] {
    return [...this.pending].map(([streamId, { decider, loaded, events }]) => ({ streamId, decider, loaded, events }));
  }

  private async entry(streamId: string, decider: AnyDecider): Promise<Pending> {
    let entry = this.pending.get(streamId);
    if (!entry) {
      const loaded = await this.tools.load(streamId, decider);
      // Loaded concurrently by two callers: the first one kept wins, so no decision is lost.
      entry = this.pending.get(streamId) ?? { decider, loaded, state: loaded.state, events: [] };
      this.pending.set(streamId, entry);
    }
    if (entry.decider !== decider) throw new Error(`stream ${streamId} decided with two deciders`);
    return entry;
  }
}
