import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkEventLogInWorker,
  createEventStore,
  EventLogCorruptError,
  EventStoreDbEventStore,
  EventToAppend,
  RecordedEvent,
  SqliteEventStore,
  START,
  WrongExpectedRevisionError,
} from '@crm/event-store';
import { AnswerLostEventStore } from '../support/interrupted-event-stores';
import { describeEventStoreContract } from './event-store.contract';

const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-event-store-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract('SQLite', async () => {
  const store = new SqliteEventStore(join(tempDir(), 'events.sqlite'));
  // One transaction holds every stream and the outcome: the only failure after a write is a lost answer.
  const answerLost = () => new AnswerLostEventStore(store);
  return { store, cleanup: () => store.close(), faults: { outcomeLost: answerLost, stoppedAfterFirstStream: answerLost } };
});

describe('SqliteEventStore', () => {
  const opened: SqliteEventStore[] = [];
  const open = (file: string): SqliteEventStore => {
    const store = new SqliteEventStore(file);
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('numbers positions from 1 without gaps, also after rejected appends', async () => {
    const store = open(join(tempDir(), 'events.sqlite'));
    const streamId = `organisation-${randomUUID()}`;
    expect(await store.headPosition()).toBe(START);

    await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A'), event('B')] }], {
      idempotency: { key: 'k1', fingerprint: 'f', resultId: 'r' },
    });
    await expect(store.append([{ streamId, expectedRevision: 'no_stream', events: [event('X')] }])).rejects.toThrow();
    await expect(
      store.append([
        { streamId: `person-${randomUUID()}`, expectedRevision: 'no_stream', events: [event('X'), event('Y')] },
        { streamId, expectedRevision: 7, events: [event('X')] },
      ]),
    ).rejects.toThrow();
    await expect(
      store.append([{ streamId, expectedRevision: 1, events: [event('X')] }], { idempotency: { key: 'k1', fingerprint: 'f', resultId: 'r' } }),
    ).rejects.toThrow();
    const outcome = await store.append([{ streamId, expectedRevision: 1, events: [event('C')] }]);

    expect(outcome.position).toBe(3);
    expect((await store.readAll(START, 100)).map((e) => e.position)).toEqual([1, 2, 3]);
    expect(await store.headPosition()).toBe(3);
  });

  it('keeps positions unique and gap-free when two stores write the same file', async () => {
    const file = join(tempDir(), 'events.sqlite');
    const [a, b] = [open(file), open(file)];
    const streamId = `organisation-${randomUUID()}`;

    for (let revision = -1; revision < 9; revision++) {
      const writer = revision % 2 === 0 ? a : b;
      await writer.append([{ streamId, expectedRevision: revision < 0 ? 'no_stream' : revision, events: [event(`E${revision + 1}`)] }]);
    }

    expect((await a.readAll(START, 100)).map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps everything across close and reopen', async () => {
    const file = join(tempDir(), 'events.sqlite');
    const first = open(file);
    const streamId = `partnership-${randomUUID()}`;
    const outcome = await first.append(
      [{ streamId, expectedRevision: 'no_stream', events: [event('A', { n: 1 }), event('B', { n: 2 })] }],
      { idempotency: { key: 'key-1', fingerprint: 'fp', resultId: 'result-1' } },
    );
    const before = await first.readStream(streamId);
    await first.close();

    const reopened = open(file);
    expect(await reopened.readStream(streamId)).toEqual(before);
    expect(await reopened.headPosition()).toBe(outcome.position);
    expect(await reopened.findIdempotentOutcome('key-1')).toEqual({ fingerprint: 'fp', resultId: 'result-1', revision: 1, position: outcome.position });
    const next = await reopened.append([{ streamId, expectedRevision: 1, events: [event('C')] }]);
    expect(next.position).toBe(outcome.position + 1);
  });

  it('creates the parent directory of the log file', async () => {
    const file = join(tempDir(), 'nested', 'data', 'events.sqlite');
    const store = open(file);
    await store.append([{ streamId: `organisation-${randomUUID()}`, expectedRevision: 'no_stream', events: [event('A')] }]);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a file that is not a SQLite database, naming it', () => {
    const file = join(tempDir(), 'events.sqlite');
    writeFileSync(file, 'this is a spreadsheet export, not an event log\n'.repeat(200));

    const opening = (): SqliteEventStore => open(file);

    expect(opening).toThrow(EventLogCorruptError);
    expect(opening).toThrow(file);
  });

  it('refuses a truncated log', async () => {
    const file = join(tempDir(), 'events.sqlite');
    const store = open(file);
    for (let i = 0; i < 20; i++) {
      const events = Array.from({ length: 50 }, (_, n) => event('Filler', { text: `${i}-${n}-${'x'.repeat(200)}` }));
      await store.append([{ streamId: `organisation-${randomUUID()}`, expectedRevision: 'no_stream', events }]);
    }
    await store.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));

    let error: unknown;
    try {
      open(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EventLogCorruptError);
    expect((error as EventLogCorruptError).file).toBe(file);
  });

  it('checks a log in a worker thread: sound, or damaged and named (for callers that open without the check)', async () => {
    const file = join(tempDir(), 'events.sqlite');
    const store = open(file);
    for (let i = 0; i < 20; i++) {
      const events = Array.from({ length: 50 }, (_, n) => event('Filler', { text: `${i}-${n}-${'x'.repeat(200)}` }));
      await store.append([{ streamId: `organisation-${randomUUID()}`, expectedRevision: 'no_stream', events }]);
    }
    expect(await checkEventLogInWorker(file)).toBeUndefined();
    await store.close();
    truncateSync(file, Math.floor(statSync(file).size / 2));

    const failure = await checkEventLogInWorker(file);
    expect(failure).toBeInstanceOf(EventLogCorruptError);
    expect(failure?.file).toBe(file);
  });

  it('wakes a live subscription on a write by another process, through its poll', async () => {
    const file = join(tempDir(), 'events.sqlite');
    const store = open(file);
    const delivered: RecordedEvent[] = [];
    let caughtUp = false;
    const subscription = store.subscribe({
      from: START,
      onEvent: (e) => {
        delivered.push(e);
      },
      onCaughtUp: () => {
        caughtUp = true;
      },
    });
    try {
      await waitFor(() => caughtUp);
      // A second connection that bypasses the store stands in for another process: no in-process notification.
      const other = new Database(file);
      other
        .prepare('INSERT INTO events (position, id, stream_id, revision, type, data, metadata) VALUES (1, ?, ?, 0, ?, ?, ?)')
        .run(randomUUID(), 'organisation-elsewhere', 'WrittenElsewhere', '{}', '{}');
      other.close();

      await waitFor(() => delivered.length === 1, 2_000);
      expect(delivered[0]).toMatchObject({ position: 1, type: 'WrittenElsewhere', streamId: 'organisation-elsewhere' });
    } finally {
      await subscription.close();
    }
  });

  it('closes its subscriptions when the store closes', async () => {
    const store = open(join(tempDir(), 'events.sqlite'));
    let caughtUp = false;
    store.subscribe({ from: START, onEvent: () => undefined, onCaughtUp: () => (caughtUp = true) });
    await waitFor(() => caughtUp);
    await store.close();
    await expect(store.headPosition()).rejects.toThrow();
  });
});

describe('createEventStore', () => {
  it('uses SQLite at <dataDir>/events.sqlite without EVENTSTORE_URL', async () => {
    const dataDir = tempDir();
    const store = createEventStore({ dataDir });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('uses EventStoreDB when EVENTSTORE_URL is set (the client connects lazily)', async () => {
    const store = createEventStore({ dataDir: tempDir(), eventStoreUrl: 'esdb://127.0.0.1:2113?tls=false' });
    try {
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
    } finally {
      await store.close();
    }
  });
});

function event(type: string, data: Record<string, unknown> = {}): EventToAppend {
  return { type, data, metadata: {} };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SqliteEventStore group commit', () => {
  it('writes concurrent appends together, refusing only the one whose expected revision is stale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-group-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const event = (n: number) => ({ type: 'Noted', data: { n }, metadata: {} });
    const results = await Promise.allSettled([
      store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [event(1)] }]),
      store.append([{ streamId: 's-1', expectedRevision: 'no_stream', events: [event(2)] }]),
      store.append([{ streamId: 's-2', expectedRevision: 'no_stream', events: [event(3)] }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readAll(0, 10)).map((e) => [e.streamId, e.position, e.data.n])).toEqual([
      ['s-1', 1, 1],
      ['s-2', 2, 3],
    ]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
