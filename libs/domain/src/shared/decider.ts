/**
 * The decider pattern: an aggregate is a pair of pure functions.
 * `decide` turns a command and the current state into new events (or throws a DomainError);
 * `evolve` folds one event into the state. `Ctx` carries facts from outside the stream
 * (the clock, referenced organisations and people) so that both stay pure.
 */
export interface Decider<Command, Event, State, Ctx = DecisionContext> {
  initialState: State;
  decide(command: Command, state: State, ctx: Ctx): Event[];
  evolve(state: State, event: Event): State;
}

export interface DecisionContext {
  /** The server's clock, ISO-8601. */
  now: string;
  /** TIME_ZONE: the zone a date without a time is a day in (SPEC §1 R2); default DEFAULT_TIME_ZONE. */
  timeZone?: string;
}

export const fold = <State, Event>(evolve: (s: State, e: Event) => State, initial: State, events: readonly Event[]): State =>
  events.reduce(evolve, initial);
