import { Decider, DEFAULT_TIME_ZONE, DomainEvent } from '@crm/domain';
import { AppendOutcome, IdempotencyClaim, SqliteEventStore, StreamAppend } from '@crm/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswerLostEventStore, connectionLost } from '../../../../test/support/interrupted-event-stores';
import { AggregateRepository } from './aggregate-repository';
import { CommandEnvelope } from './command-envelope';
import { CommandExecutor } from './command-executor';
import { EVERY_SCHOOL } from '../scope/scope';

type Counter = { count: number };
type Bump = DomainEvent & { type: 'Bumped'; data: { n: number } };
const counter: Pick<Decider<never, Bump, Counter, never>, 'initialState' | 'evolve'> = {
  initialState: { count: 0 },
  evolve: (state) => ({ count: state.count + 1 }),
};

/**
 * The real embedded log, whose first append is lost on the way (as when the connection drops: on EventStoreDB the
 * append may have been carried out, and only the same event ids let the server recognise the retry as the same write).
 * Every append's event ids are recorded.
 */
class RequestLostEventStore extends AnswerLostEventStore {
  readonly sentIds: string[][] = [];

  constructor(private readonly log: SqliteEventStore) {
    super(log, 0);
  }

  override async append(streams: StreamAppend[], options?: { idempotency?: IdempotencyClaim }): Promise<AppendOutcome> {
    this.sentIds.push(streams.flatMap((s) => s.events.map((e) => e.id ?? '')));
    if (this.sentIds.length === 1) throw connectionLost();
    return this.log.append(streams, options);
  }
}

describe('event ids of a command', () => {
  let dir: string;
  let log: SqliteEventStore;
  let store: RequestLostEventStore;
  let executor: CommandExecutor;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-event-ids-'));
    log = new SqliteEventStore(join(dir, 'events.sqlite'));
    store = new RequestLostEventStore(log);
    executor = new CommandExecutor(store, new AggregateRepository(store), { timeZone: DEFAULT_TIME_ZONE });
  });
  afterEach(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const bump = (key?: string) =>
    executor.run({ recordedBy: 'test', scope: EVERY_SCHOOL, correlationId: 'c', causationId: 'c', ...(key && { idempotency: { key, fingerprint: 'POST /bump' } }) }, async ({ load }) => {
      const loaded = await load('counter-1', counter);
      const events = [1, 2].map((n) => ({ type: 'Bumped', data: { n } }) as Bump);
      return { resultId: 'counter-1', writes: [{ streamId: 'counter-1', decider: counter, loaded, events }] };
    });

  it('a request with an Idempotency-Key sent again after a lost append carries the same event ids, so the server can tell it is the same write', async () => {
    await expect(bump('key-1')).rejects.toThrow('connection reset');
    await bump('key-1');

    const [lost, retried] = store.sentIds;
    expect(retried).toEqual(lost);
    expect(new Set(lost).size).toBe(2);
    expect((await log.readStream('counter-1')).map((e) => e.id)).toEqual(lost);
  });

  it('another key, or a command at another revision, gets other ids; a command without a key gets fresh ones each time', async () => {
    await expect(bump('key-1')).rejects.toThrow('connection reset');
    await bump('key-2'); // same revision, another key
    await bump('key-3'); // another revision
    await bump();
    await bump();
    const ids = store.sentIds.flat();
    expect(new Set(ids).size).toBe(ids.length);
  });
});
