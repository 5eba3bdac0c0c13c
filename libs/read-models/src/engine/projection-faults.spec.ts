import { streamOf } from '@crm/domain';
import { SqliteEventStore, StreamAppend } from '@crm/event-store';
import { createReadStore, ReadStore, StoredDocument } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FailingReadStore } from '../../../../test/support/failing-read-store';
import { ALL_PROJECTIONS } from '../projections';
import { ProjectionEngine } from './projection-engine';

const meta = () => ({ recordedBy: 'test', recordedAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 });

function opened(partnershipId: string): StreamAppend {
  return {
    streamId: streamOf.partnership(partnershipId),
    expectedRevision: 'no_stream',
    events: [
      {
        type: 'PartnershipOpened',
        data: { partnershipId, schoolId: 's', partnerId: 'p', levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' },
        metadata: meta(),
      },
    ],
  };
}

function interaction(partnershipId: string, revision: number): StreamAppend {
  return {
    streamId: streamOf.partnership(partnershipId),
    expectedRevision: revision,
    events: [
      {
        type: 'InteractionRecorded',
        data: { partnershipId, interactionId: randomUUID(), kind: 'call', occurredAt: '2025-03-01T00:00:00.000Z', initiatedBy: 'school', participantIds: [] },
        metadata: meta(),
      },
    ],
  };
}

/** Every live document of every projection, by projection, sorted by id. */
async function readModels(engine: ProjectionEngine, store: ReadStore): Promise<Record<string, StoredDocument[]>> {
  const all: Record<string, StoredDocument[]> = {};
  for (const { name } of ALL_PROJECTIONS) all[name] = await store.find(engine.collection(name), {}, { sort: { _id: 1 } });
  return all;
}

describe('projections on a read store that refuses commits (a full disk), then takes them again', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: FailingReadStore;
  let engine: ProjectionEngine;
  const partnerships = Array.from({ length: 6 }, () => randomUUID());
  const revisions = new Map<string, number>();
  let failed: Promise<Error>;
  let recovered: Promise<void>;

  async function record(id: string): Promise<void> {
    const revision = revisions.get(id)!;
    await events.append([interaction(id, revision)]);
    revisions.set(id, revision + 1);
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-projection-faults-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    for (const id of partnerships) {
      await events.append([opened(id)]);
      revisions.set(id, 0);
    }
    store = new FailingReadStore(await createReadStore({ dataDir: dir }), join(dir, 'read-models.sqlite'));
    let onError!: (error: Error) => void;
    let onRecovered!: () => void;
    failed = new Promise((resolve) => (onError = resolve));
    recovered = new Promise((resolve) => (onRecovered = resolve));
    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { retryDelayMs: () => 5, onError, onRecovered });
    await engine.start();
    await engine.whenCaughtUp();
  });

  afterEach(async () => {
    await engine.stop();
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function rebuiltElsewhere(): Promise<Record<string, StoredDocument[]>> {
    const otherDir = mkdtempSync(join(tmpdir(), 'crm-projection-rebuild-'));
    const other = await createReadStore({ dataDir: otherDir });
    const fresh = new ProjectionEngine(events, other, ALL_PROJECTIONS);
    try {
      await fresh.start();
      await fresh.whenCaughtUp();
      return await readModels(fresh, other);
    } finally {
      await fresh.stop();
      await other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  }

  it('reports the failure naming the file and the cause, holds the checkpoint, and heals by itself to equal a rebuild', async () => {
    const before = engine.position;
    store.failing = true;
    // Concurrent writes while every commit fails: several land in one refused batch, more arrive after it.
    await Promise.all(partnerships.map((id) => record(id)));
    const error = await failed;
    expect(error.message).toMatch(/read-models\.sqlite: disk full \(SQLITE_FULL/);
    await Promise.all(partnerships.slice(0, 3).map((id) => record(id)));
    const failing = engine.status().filter((status) => status.error);
    expect(failing.map((status) => status.name).sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
    // Nothing whose effect was not stored is behind a checkpoint.
    for (const { name } of ALL_PROJECTIONS) expect(await store.inner.checkpoint(engine.collection(name))).toBe(before);

    store.failing = false;
    for (const id of partnerships) await record(id);
    await recovered;
    expect(await engine.waitFor(await events.headPosition(), 60_000)).toBe(true);
    expect(engine.status().filter((status) => status.error)).toEqual([]);
    expect(await readModels(engine, store)).toEqual(await rebuiltElsewhere());
  });

  it('a single refused commit in the middle of live traffic loses nothing', async () => {
    store.failNext = 1;
    await Promise.all(partnerships.map((id) => record(id)));
    await failed;
    await Promise.all(partnerships.map((id) => record(id)));
    await recovered;
    expect(await engine.waitFor(await events.headPosition(), 60_000)).toBe(true);
    expect(await readModels(engine, store)).toEqual(await rebuiltElsewhere());
  });

  it('a rebuild on a refusing store answers with the failure instead of hanging, and keeps the live generation', async () => {
    const live = await readModels(engine, store);
    store.failing = true;
    await expect(engine.rebuild()).rejects.toThrow(/disk full/);
    expect(engine.isRebuilding).toBe(false);
    store.failing = false;
    expect(await readModels(engine, store)).toEqual(live);
    await engine.rebuild();
    expect(await readModels(engine, store)).toEqual(await rebuiltElsewhere());
  });
});
