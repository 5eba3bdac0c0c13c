/** The given/when/then helper must itself fail when it should. */
import { Decider } from '../src/shared/decider';
import { DomainError, ruleViolation } from '../src/shared/domain-error';
import { DeciderSpec } from './decider-spec';

type Cmd = { type: 'Add'; n: number } | { type: 'Fail' } | { type: 'Crash' } | { type: 'Mutate' };
type Ev = { type: 'Added'; n: number };
type St = { total: number; list: number[] };

const counter: Decider<Cmd, Ev, St, { now: string }> = {
  initialState: { total: 0, list: [] },
  decide(command, state) {
    switch (command.type) {
      case 'Add':
        return [{ type: 'Added', n: command.n + state.total }];
      case 'Fail':
        throw ruleViolation('name_empty', 'refused');
      case 'Crash':
        throw new TypeError('boom');
      case 'Mutate':
        state.list.push(1);
        return [];
    }
  },
  evolve: (state, event) => ({ total: state.total + event.n, list: [...state.list, event.n] }),
};
const ctx = { now: '2024-06-15T12:00:00.000Z' };
const spec = DeciderSpec.for(counter);

describe('DeciderSpec', () => {
  it('folds the given events from the initial state and returns the state after the new events', () => {
    expect(spec.given([{ type: 'Added', n: 2 }]).state).toEqual({ total: 2, list: [2] });
    const state = spec.given([{ type: 'Added', n: 2 }]).when({ type: 'Add', n: 1 }, ctx).then([{ type: 'Added', n: 3 }]);
    expect(state).toEqual({ total: 5, list: [2, 3] });
  });

  it('fails `then` when the events differ', () => {
    expect(() => spec.when({ type: 'Add', n: 1 }, ctx).then([{ type: 'Added', n: 2 }])).toThrow();
  });

  it('passes `thenThrows` on the right code and kind, fails on another code, kind, or no error', () => {
    expect(spec.when({ type: 'Fail' }, ctx).thenThrows('name_empty')).toBeInstanceOf(DomainError);
    expect(() => spec.when({ type: 'Fail' }, ctx).thenThrows('other')).toThrow();
    expect(() => spec.when({ type: 'Fail' }, ctx).thenThrows('name_empty', 'conflict')).toThrow();
    expect(() => spec.when({ type: 'Add', n: 1 }, ctx).thenThrows('name_empty')).toThrow(/expected DomainError name_empty/);
  });

  it('rethrows errors that are not DomainErrors', () => {
    expect(() => spec.when({ type: 'Crash' }, ctx).thenThrows('name_empty')).toThrow(TypeError);
  });

  it('catches a decider that mutates its state', () => {
    expect(() => spec.given([{ type: 'Added', n: 1 }]).when({ type: 'Mutate' }, ctx).then([])).toThrow(TypeError);
  });
});
