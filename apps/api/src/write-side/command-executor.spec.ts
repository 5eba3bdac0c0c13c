import { Decider, DEFAULT_TIME_ZONE, DomainEvent } from '@crm/domain';
import { SqliteEventStore, WrongExpectedRevisionError } from '@crm/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AggregateRepository } from './aggregate-repository';
import { CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';

type Counter = { count: number };
type Bump = DomainEvent & { type: 'Bumped'; data: { n: number } };
const counter: Pick<Decider<never, Bump, Counter, never>, 'initialState' | 'evolve'> = {
  initialState: { count: 0 },
  evolve: (state) => ({ count: state.count + 1 }),
};

const envelope = (expectedRevision?: number): CommandEnvelope =>
  ({ recordedBy: 'test', correlationId: 'c', causationId: 'c', expectedRevision });

describe('CommandExecutor on the real embedded log', () => {
  let dir: string;
  let store: SqliteEventStore;
  let executor: CommandExecutor;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-executor-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    executor = new CommandExecutor(store, new AggregateRepository(store), { timeZone: DEFAULT_TIME_ZONE });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A command whose decision takes a few turns of the event loop, as one that reads the read models does. */
  const bump = (expectedRevision?: number) =>
    executor.run(envelope(expectedRevision), async ({ load }) => {
      const loaded = await load('counter-1', counter);
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      const events = [{ type: 'Bumped', data: { n: loaded.state.count + 1 } } as Bump];
      return { resultId: 'counter-1', writes: [{ streamId: 'counter-1', decider: counter, loaded, events }] };
    });

  it('without If-Match, 40 commands on one stream at once all succeed, in order, none refused', async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => bump()));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.data.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('with the same If-Match, one of 10 succeeds and the others are told the revision moved', async () => {
    await bump();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => bump(0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
  });
});
