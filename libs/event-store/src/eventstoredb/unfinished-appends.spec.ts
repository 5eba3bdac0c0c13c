import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbClientOverSqlite } from '../../../../test/support/esdb-client-over-sqlite';
import { InterruptedEventStoreDb } from '../../../../test/support/interrupted-event-stores';
import { EventToAppend, StreamAppend } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { idempotencyStream } from './event-ids';
import { SWEEP_STREAM } from './intent-sweep';

/**
 * completeUnfinishedAppends, the adapter's own code from end to end (intents, completion, the sweep and its
 * checkpoint), on the real embedded log through a stand-in for the client's calls (EsdbClientOverSqlite), with the
 * faults injected by InterruptedEventStoreDb: a writer that stops between streams, one whose outcome write fails.
 * Not a server: the contract suite runs this against one when EVENTSTORE_URL is set.
 */
const meta = { recordedBy: 'test', recordedAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({ type, data, metadata: meta });
const claim = (key: string) => ({ key, fingerprint: `POST /x ${key}`, resultId: key });

describe('completeUnfinishedAppends on the embedded log behind faults', () => {
  let dir: string;
  let log: SqliteEventStore;
  const opened: EventStoreDbEventStore[] = [];

  /** The adapter on the embedded log; with a fault, the one InterruptedEventStoreDb injects. */
  function adapter(fault?: (store: InterruptedEventStoreDb) => void): EventStoreDbEventStore {
    const store = new InterruptedEventStoreDb('esdb://localhost:2113?tls=false');
    Object.assign(store as unknown as Record<string, unknown>, { client: new EsdbClientOverSqlite(log), supported: Promise.resolve() });
    fault?.(store);
    opened.push(store);
    return store;
  }

  const twoStreams = (a: string, b: string, after: { a: number | 'no_stream'; b: number | 'no_stream' } = { a: 'no_stream', b: 'no_stream' }): StreamAppend[] => [
    { streamId: a, expectedRevision: after.a, events: [event('PersonLeftOrganisation', { personId: a })] },
    { streamId: b, expectedRevision: after.b, events: [event('ContactPersonUnassigned', { personId: a })] },
  ];
  const types = async (streamId: string) => (await log.readStream(streamId)).map((e) => e.type);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-sweep-'));
    log = new SqliteEventStore(join(dir, 'events.sqlite'));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the appends it completed and those that could not take effect, writes each stream once, and keeps how far it got', async () => {
    // Stopped after its first stream: the command happened, its second stream is missing.
    await expect(adapter((s) => (s.streamsBeforeStop = 1)).append(twoStreams('person-a', 'partnership-a'), { idempotency: claim('k-stopped') })).rejects.toThrow('connection reset');
    // Both streams written, the outcome write failed.
    await expect(adapter((s) => (s.failOutcomes = 1)).append(twoStreams('person-b', 'partnership-b'), { idempotency: claim('k-outcome') })).rejects.toThrow('connection reset');
    // Stopped before any stream, and its first stream moved meanwhile: it can no longer take effect.
    await expect(adapter((s) => (s.streamsBeforeStop = 0)).append(twoStreams('person-c', 'partnership-c'), { idempotency: claim('k-moved') })).rejects.toThrow('connection reset');
    await log.append([{ streamId: 'person-c', expectedRevision: 'no_stream', events: [event('PersonRegistered')] }]);
    // Finished normally: nothing to report.
    await adapter().append(twoStreams('person-d', 'partnership-d'), { idempotency: claim('k-done') });
    expect(await types('partnership-a')).toEqual([]);

    const head = await log.headPosition();
    const report = await adapter().completeUnfinishedAppends();

    expect(report).toEqual({ completed: [idempotencyStream('k-stopped'), idempotencyStream('k-outcome')], abandoned: [idempotencyStream('k-moved')] });
    expect(await types('partnership-a')).toEqual(['ContactPersonUnassigned']);
    expect(await types('person-a')).toEqual(['PersonLeftOrganisation']);
    expect(await types('partnership-b')).toEqual(['ContactPersonUnassigned']);
    expect(await types('person-c')).toEqual(['PersonRegistered']);
    expect(await types('partnership-c')).toEqual([]);
    // A retry of a completed key gets its first answer; the abandoned key is free again.
    expect(await adapter().findIdempotentOutcome('k-stopped')).toMatchObject({ resultId: 'k-stopped' });
    expect(await adapter().findIdempotentOutcome('k-moved')).toBeUndefined();
    // The checkpoint: the head of the log when the sweep looked; the next sweep starts after it and finds nothing.
    expect((await log.readStream(SWEEP_STREAM)).map((e) => e.data.position)).toEqual([head]);
    expect(await adapter().completeUnfinishedAppends()).toEqual({ completed: [], abandoned: [] });
  });

  it('a sweep that fails half-way reports nothing it did not do, and the next one completes the rest', async () => {
    await expect(adapter((s) => (s.streamsBeforeStop = 1)).append(twoStreams('person-a', 'partnership-a'), { idempotency: claim('k-1') })).rejects.toThrow('connection reset');
    // The sweeping process loses its connection at the first stream it tries to complete.
    await expect(adapter((s) => (s.streamsBeforeStop = 0)).completeUnfinishedAppends()).rejects.toThrow('connection reset');
    expect(await types('partnership-a')).toEqual([]);
    expect(await log.readStream(SWEEP_STREAM)).toEqual([]);

    expect(await adapter().completeUnfinishedAppends()).toEqual({ completed: [idempotencyStream('k-1')], abandoned: [] });
    expect(await types('partnership-a')).toEqual(['ContactPersonUnassigned']);
  });
});
