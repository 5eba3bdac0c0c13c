import { streamOf } from '@crm/domain';
import { EventToAppend, SqliteEventStore, Subscription } from '@crm/event-store';
import { createReadStore, EmbeddedReadStore, ReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnershipFacts } from '../facts/partnership-facts';
import { ALL_PROJECTIONS, ProjectionDefinition } from '../projections';
import { crashEmbeddedStore } from '../../../../test/support/crash-embedded-store';
import { ProjectionEngine } from './projection-engine';

const meta = { recordedBy: 'test', recordedAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const event = (type: string, data: Record<string, unknown>): EventToAppend => ({ type, data, metadata: meta });
const interaction = (partnershipId: string, n: number) =>
  event('InteractionRecorded', { partnershipId, interactionId: `${partnershipId}-i${n}`, kind: 'call', occurredAt: `2025-02-${String(n).padStart(2, '0')}T00:00:00.000Z`, initiatedBy: 'school', participantIds: [] });

describe('ProjectionEngine', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: ReadStore;
  let engine: ProjectionEngine | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-engine-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    store = await createReadStore({ dataDir: dir });
    for (const partnershipId of ['p1', 'p2']) {
      await events.append([
        {
          streamId: streamOf.partnership(partnershipId),
          expectedRevision: 'no_stream',
          events: [
            event('PartnershipOpened', { partnershipId, schoolId: 's', partnerId: 'o', levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' }),
            ...[1, 2, 3, 4].map((n) => interaction(partnershipId, n)),
          ],
        },
      ]);
    }
    await events.append([
      { streamId: streamOf.person('anna'), expectedRevision: 'no_stream', events: [event('PersonRegistered', { personId: 'anna', organisationId: 'o', name: 'Anna', role: 'docent', tier: 'operational' })] },
    ]);
  });

  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches every projection up with one read of the log, page by page, then follows it live', async () => {
    const pages: number[][] = [];
    const readPages = events.readPages.bind(events);
    const paged = jest.spyOn(events, 'readPages').mockImplementation(async function* (after, pageSize) {
      for await (const page of readPages(after, pageSize)) {
        pages.push(page.map((e) => e.position));
        yield page;
      }
    });
    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { catchUpPage: 4 });
    await engine.start();
    await engine.whenCaughtUp();

    // 11 events in pages of 4: one paged read for all three projections together, not one per projection.
    expect(paged.mock.calls).toEqual([[0, 4]]);
    expect(pages).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11]]);
    expect(engine.position).toBe(11);
    const touchpoints = async (id: string) => (await store.get<PartnershipFacts>(engine!.collection('partnerships'), id))!.touchpoints.map((t) => t.id);
    expect(await touchpoints('p1')).toEqual(['p1-i1', 'p1-i2', 'p1-i3', 'p1-i4']);
    expect(await store.get(engine.collection('people'), 'anna')).toMatchObject({ name: 'Anna' });

    const { position } = await events.append([{ streamId: streamOf.partnership('p2'), expectedRevision: 4, events: [interaction('p2', 5)] }]);
    expect(await engine.waitFor(position, 5_000)).toBe(true);
    expect(await touchpoints('p2')).toEqual(['p2-i1', 'p2-i2', 'p2-i3', 'p2-i4', 'p2-i5']);
  });

  it('follows the log live through one subscription for every projection; one that fails live restarts on its own while the others go on', async () => {
    const subscriptions: Subscription[] = [];
    const subscribe = events.subscribe.bind(events);
    jest.spyOn(events, 'subscribe').mockImplementation((options) => {
      const subscription = subscribe(options);
      subscriptions.push(subscription);
      return subscription;
    });
    // Counts each partnership's interactions, and throws once on p1's fifth.
    let failures = 0;
    const counting: ProjectionDefinition = {
      name: 'interaction-count',
      collection: 'interaction-count',
      version: 1,
      documentId: (e) => (e.type === 'InteractionRecorded' ? String(e.data.partnershipId) : undefined),
      apply: (draft, e) => {
        if (e.data.interactionId === 'p1-i5' && failures++ === 0) throw new Error('apply failed once');
        return { _id: String(e.data.partnershipId), count: Number(draft?.count ?? 0) + 1 };
      },
    };
    const errors: string[] = [];
    engine = new ProjectionEngine(events, store, [...ALL_PROJECTIONS, counting], { retryDelayMs: () => 0, onError: (error) => errors.push(error.message) });
    await engine.start();
    await engine.whenCaughtUp();
    expect(subscriptions).toHaveLength(1);

    const { position } = await events.append([{ streamId: streamOf.partnership('p1'), expectedRevision: 4, events: [interaction('p1', 5)] }]);
    expect(await engine.waitFor(position, 10_000)).toBe(true);
    expect(errors).toEqual(['apply failed once']);
    // The failed projection caught up again on its own and follows the log by a subscription of its own; the others
    // kept theirs.
    expect(subscriptions).toHaveLength(2);
    expect((await store.get<PartnershipFacts>(engine.collection('partnerships'), 'p1'))!.touchpoints).toHaveLength(5);
    expect(await store.get(engine.collection('interaction-count'), 'p1')).toMatchObject({ count: 5 });

    const next = await events.append([{ streamId: streamOf.partnership('p2'), expectedRevision: 4, events: [interaction('p2', 5)] }]);
    expect(await engine.waitFor(next.position, 10_000)).toBe(true);
    expect(await store.get(engine.collection('interaction-count'), 'p2')).toMatchObject({ count: 5 });

    await engine.stop();
    engine = undefined;
    expect(subscriptions.map((subscription) => (subscription as Subscription & { closed: boolean }).closed)).toEqual([true, true]);
  });

  it('rebuilds into a new generation equal to the one it replaces, and drops the old one after its grace period', async () => {
    let endGrace!: () => void;
    const grace = new Promise<void>((resolve) => (endGrace = resolve));
    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { catchUpPage: 3, catchUpBatch: 5, oldGenerationGrace: () => grace });
    await engine.start();
    await engine.whenCaughtUp();
    const before = await Promise.all(ALL_PROJECTIONS.map((p) => store.find(engine!.collection(p.name), {}, { sort: { _id: 1 } })));

    await engine.rebuild();

    expect(engine.status().map(({ generation, position }) => ({ generation, position }))).toEqual(ALL_PROJECTIONS.map(() => ({ generation: 2, position: 11 })));
    const after = await Promise.all(ALL_PROJECTIONS.map((p) => store.find(engine!.collection(p.name), {}, { sort: { _id: 1 } })));
    expect(after).toEqual(before);
    // A reader that took the collection's name before the switch still reads whole documents during the grace period.
    expect(await store.find('partnerships_g1', {}, { sort: { _id: 1 } })).toEqual(before[ALL_PROJECTIONS.findIndex((p) => p.name === 'partnerships')]);

    endGrace();
    await engine.whenRetired();
    expect(await store.find('partnerships_g1')).toEqual([]);
  });

  it('names a rebuilt generation live in the file only with its documents there: a crash once rebuild() resolved restarts on it, at its checkpoint', async () => {
    // No round of the store's own before the crash: only the rebuild's saved() can have put the documents in the file.
    await store.close();
    store = await EmbeddedReadStore.open(join(dir, 'read-models.sqlite'), { persistAfterMs: 60_000 });
    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { oldGenerationGrace: () => new Promise<void>(() => undefined) });
    await engine.start();
    await engine.whenCaughtUp();
    await engine.rebuild();
    const rebuilt = await store.find('partnerships_g2', {}, { sort: { _id: 1 } });
    // A crash: the connection closed with nothing more written (the engine's runners then only reach memory).
    crashEmbeddedStore(store as EmbeddedReadStore);
    await engine.stop();

    store = await createReadStore({ dataDir: dir });
    expect(await store.find('partnerships_g2', {}, { sort: { _id: 1 } })).toEqual(rebuilt);
    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { oldGenerationGrace: async () => undefined });
    await engine.start();
    expect(engine.status().map(({ generation, position }) => ({ generation, position }))).toEqual(ALL_PROJECTIONS.map(() => ({ generation: 2, position: 11 })));
  });

  it('drops an old generation left by a process that stopped during its grace period at the next start, after the grace', async () => {
    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { oldGenerationGrace: () => new Promise<void>(() => undefined) });
    await engine.start();
    await engine.whenCaughtUp();
    await engine.rebuild();
    await engine.stop();
    expect((await store.find('partnerships_g1')).length).toBeGreaterThan(0);

    engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { oldGenerationGrace: async () => undefined });
    await engine.start();
    await engine.whenRetired();
    expect(await store.find('partnerships_g1')).toEqual([]);
    expect(engine.status().map((p) => p.generation)).toEqual(ALL_PROJECTIONS.map(() => 2));
  });
});
