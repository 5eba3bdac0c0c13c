import { Decider, DEFAULT_TIME_ZONE, DomainEvent } from '@crm/domain';
import { SqliteEventStore, WrongExpectedRevisionError } from '@crm/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AggregateRepository } from './aggregate-repository';
import { CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';
import { AnswerLostEventStore } from '../../../../test/support/interrupted-event-stores';
import { randomUUID } from 'node:crypto';
import { EVERY_SCHOOL } from '../scope/scope';

type Counter = { count: number };
type Bump = DomainEvent & { type: 'Bumped'; data: { n: number } };
const counter: Pick<Decider<never, Bump, Counter, never>, 'initialState' | 'evolve'> = {
  initialState: { count: 0 },
  evolve: (state) => ({ count: state.count + 1 }),
};

const envelope = (expectedRevision?: number): CommandEnvelope =>
  ({ recordedBy: 'test', scope: EVERY_SCHOOL, correlationId: 'c', causationId: 'c', expectedRevision });

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

  it('a create whose answer was lost after its events were written is answered the same on retry with its key, and made once', async () => {
    const lossy = new AnswerLostEventStore(store);
    const lossyExecutor = new CommandExecutor(lossy, new AggregateRepository(lossy), { timeZone: DEFAULT_TIME_ZONE });
    const keyed: CommandEnvelope = { ...envelope(), idempotency: { key: 'create-1', fingerprint: 'POST /api/counters {}' } };
    // A create without a client id: each decision makes a new id, so deciding twice would make two counters.
    const create = () =>
      lossyExecutor.run(keyed, async ({ load }) => {
        const streamId = `counter-${randomUUID()}`;
        const loaded = await load(streamId, counter);
        return { resultId: streamId, writes: [{ streamId, decider: counter, loaded, events: [{ type: 'Bumped', data: { n: 1 } } as Bump] }] };
      });

    await expect(create()).rejects.toThrow('connection reset');
    const retry = await create();

    const made = (await store.readAll(0, 100)).filter((e) => e.type === 'Bumped');
    expect(made).toHaveLength(1);
    expect(retry).toEqual({ id: made[0].streamId, revision: 0, position: made[0].position });
  });
});
