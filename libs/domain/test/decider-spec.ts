import { Decider, fold } from '../src/shared/decider';
import { DomainError, DomainErrorKind } from '../src/shared/domain-error';

/** Freezes a value deeply, so that a decider that mutates its state, command or context fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/**
 * Given/when/then for any Decider:
 *   DeciderSpec.for(decider).given(events).when(command, ctx).then(expectedEvents)
 *   DeciderSpec.for(decider).given(events).when(command, ctx).thenThrows(code, kind)
 * `given` events are folded with `evolve` from `initialState`; `then` returns the state after the new events.
 */
export class DeciderSpec<C, E, S, X> {
  private constructor(
    private readonly decider: Decider<C, E, S, X>,
    private readonly history: readonly E[],
  ) {}

  static for<C, E, S, X>(decider: Decider<C, E, S, X>): DeciderSpec<C, E, S, X> {
    return new DeciderSpec(decider, []);
  }

  given(events: readonly E[]): DeciderSpec<C, E, S, X> {
    return new DeciderSpec(this.decider, [...this.history, ...events]);
  }

  /** The state folded from the given events. */
  get state(): S {
    return fold(this.decider.evolve, this.decider.initialState, this.history);
  }

  when(command: C, ctx: X): Decision<E, S> {
    const state = deepFreeze(this.state);
    return new Decision(
      () => this.decider.decide(deepFreeze(command), state, deepFreeze(ctx)),
      (events) => fold(this.decider.evolve, state, events),
    );
  }
}

export class Decision<E, S> {
  constructor(
    private readonly run: () => E[],
    private readonly evolveWith: (events: readonly E[]) => S,
  ) {}

  /** The events decided, for assertions of one's own. */
  events(): E[] {
    return this.run();
  }

  /** Asserts the decided events and returns the state after folding them in. */
  then(expected: readonly E[]): S {
    const events = this.run();
    expect(events).toEqual(expected);
    return this.evolveWith(events);
  }

  /** Asserts that deciding throws a DomainError with this code and kind (default: a broken rule). */
  thenThrows(code: string, kind: DomainErrorKind = 'rule'): DomainError {
    let events: E[];
    try {
      events = this.run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      expect({ code: error.code, kind: error.kind }).toEqual({ code, kind });
      return error;
    }
    throw new Error(`expected DomainError ${code} (${kind}), but decide returned ${JSON.stringify(events)}`);
  }
}
