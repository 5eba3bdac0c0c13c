import { streamOf } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store';
import { createReadStore, ReadStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnershipFacts } from '../facts/partnership-facts';
import { partnershipsProjection } from '../projections/partnerships.projection';
import { ProjectionRunner, RunnerOptions } from './projection-runner';

const meta = () => ({ recordedBy: 'test', recordedAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 });
const target = { collection: 'partnerships_test', checkpoint: 'partnerships_test' };

/** The append that opens partnership `id` (a new stream). */
const opening = (id: string) => ({
  streamId: streamOf.partnership(id),
  expectedRevision: 'no_stream' as const,
  events: [{ type: 'PartnershipOpened', data: { partnershipId: id, schoolId: 's', partnerId: id, levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' }, metadata: meta() }],
});

describe('ProjectionRunner', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: ReadStore;
  const partnershipId = randomUUID();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-runner-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    store = await createReadStore({ dataDir: dir });
    await events.append([
      {
        streamId: streamOf.partnership(partnershipId),
        expectedRevision: 'no_stream',
        events: [
          {
            type: 'PartnershipOpened',
            data: { partnershipId, schoolId: 's', partnerId: 'p', levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' },
            metadata: meta(),
          },
          ...[1, 2, 3].map((n) => ({
            type: 'InteractionRecorded',
            data: { partnershipId, interactionId: `i${n}`, kind: 'call', occurredAt: `2025-0${n + 1}-01T00:00:00.000Z`, initiatedBy: 'school', participantIds: [] },
            metadata: meta(),
          })),
        ],
      },
    ]);
  });

  afterEach(async () => {
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A runner of the partnerships projection that has caught up with the log and follows it live. */
  async function liveRunner(options: RunnerOptions = {}): Promise<ProjectionRunner> {
    const runner = new ProjectionRunner(events, store, partnershipsProjection, target, options);
    await runner.start();
    await runner.whenCaughtUp();
    return runner;
  }

  async function runToHead(): Promise<void> {
    await (await liveRunner()).stop();
  }

  it('commits documents and checkpoint together', async () => {
    await runToHead();
    const facts = await store.get<PartnershipFacts>(target.collection, partnershipId);
    expect(facts?.touchpoints.map((t) => t.id)).toEqual(['i1', 'i2', 'i3']);
    expect(await store.checkpoint(target.checkpoint)).toBe(await events.headPosition());
  });

  it('does not count an event twice when a range is delivered again (checkpoint behind its documents)', async () => {
    await runToHead();
    const before = await store.get<PartnershipFacts>(target.collection, partnershipId);
    // A crash after the documents were written but before the checkpoint moved looks like this: the range comes again.
    await store.commit({ upserts: [], checkpoints: { [target.checkpoint]: 1 } });
    await runToHead();
    expect(await store.get<PartnershipFacts>(target.collection, partnershipId)).toEqual(before);
    expect(await store.checkpoint(target.checkpoint)).toBe(await events.headPosition());
  });

  it('picks up where it left off and applies only new events', async () => {
    await runToHead();
    await events.append([
      {
        streamId: streamOf.partnership(partnershipId),
        expectedRevision: 3,
        events: [{ type: 'InteractionRecorded', data: { partnershipId, interactionId: 'i4', kind: 'email', occurredAt: '2025-06-01T00:00:00.000Z', initiatedBy: 'partner', participantIds: [] }, metadata: meta() }],
      },
    ]);
    await runToHead();
    const facts = await store.get<PartnershipFacts>(target.collection, partnershipId);
    expect(facts?.touchpoints.map((t) => t.id)).toEqual(['i1', 'i2', 'i3', 'i4']);
  });

  it('commits a large live append once, though the subscription delivers it a page at a time with the event loop turning between pages', async () => {
    // A clock that stands still: however slowly this machine delivers the pages, no event waits liveLagMs.
    const runner = await liveRunner({ clock: () => 0 });
    const commits: number[] = [];
    const commit = store.commit.bind(store);
    store.commit = (batch) => {
      commits.push(batch.upserts?.length ?? 0);
      return commit(batch);
    };
    // 2,500 contacts in one append: the SQLite log's subscription reads them in pages of 1,000.
    const interactions = Array.from({ length: 2_500 }, (_, n) => ({
      type: 'InteractionRecorded',
      data: { partnershipId, interactionId: `bulk${n}`, kind: 'call', occurredAt: '2025-06-01T00:00:00.000Z', initiatedBy: 'school', participantIds: [] },
      metadata: meta(),
    }));
    const { position } = await events.append([{ streamId: streamOf.partnership(partnershipId), expectedRevision: 3, events: interactions }]);
    expect(await runner.waitFor(position, 30_000)).toBe(true);
    await runner.stop();
    expect(commits).toEqual([1]);
    expect((await store.get<PartnershipFacts>(target.collection, partnershipId))?.touchpoints).toHaveLength(2_503);
  });

  describe('live events that never pause (a steady stream of commands)', () => {
    /**
     * The log's subscription replaced by one that hands over a contact in every turn of the event loop, so the runner
     * never sees a quiet turn; `stream.delivered` counts them. Starts once the runner has caught up.
     */
    let stream = { delivered: 0, stopped: false };
    afterEach(() => void (stream.stopped = true));

    function endlessContacts() {
      stream = { delivered: 0, stopped: false };
      events.subscribe = ({ from, onEvent, onCaughtUp }) => {
        onCaughtUp?.();
        // As a subscription does, the next event waits for the one before to be applied. It is queued before the
        // runner looks for a quiet turn (queued as it applies), so the runner finds none.
        const next = () => {
          if (stream.stopped) return;
          const n = ++stream.delivered;
          const data = { partnershipId, interactionId: `live${n}`, kind: 'call', occurredAt: '2025-06-01T00:00:00.000Z', initiatedBy: 'school', participantIds: [] };
          const applying = onEvent({ id: randomUUID(), streamId: streamOf.partnership(partnershipId), revision: 3 + n, position: from + n, type: 'InteractionRecorded', data, metadata: meta() });
          setImmediate(() => void Promise.resolve(applying).then(next));
        };
        setImmediate(next);
        return { close: async () => void (stream.stopped = true) };
      };
      return stream;
    }

    function countCommits(): number[] {
      const touchpointsCommitted: number[] = [];
      const commit = store.commit.bind(store);
      store.commit = (batch) => {
        for (const { document } of batch.upserts) touchpointsCommitted.push((document as unknown as PartnershipFacts).touchpoints.length);
        return commit(batch);
      };
      return touchpointsCommitted;
    }

    it('commits them once they have waited liveLagMs, though no turn of the event loop is quiet', async () => {
      let clock = 0;
      const stream = endlessContacts();
      const runner = await liveRunner({ clock: () => clock, liveLagMs: 200 });
      const commits = countCommits();
      while (stream.delivered < 50) await new Promise(setImmediate);
      expect(commits).toEqual([]);
      clock = 200;
      while (stream.delivered < 100) await new Promise(setImmediate);
      await runner.stop();
      // One commit once the lag was reached, with the contacts applied by then; the last at stop.
      expect(commits.length).toBe(2);
      expect(commits[0]).toBeGreaterThan(3 + 50);
      expect(commits[0]).toBeLessThan(3 + 100);
    });

    it('commits as soon as a reader waits for a position already applied, and no sooner after the last commit than four times what it took', async () => {
      let clock = 0;
      const stream = endlessContacts();
      // No commit for a full live batch either: only the reader and the spacing decide.
      const runner = await liveRunner({ clock: () => clock, liveBatch: 1_000_000 });
      const head = runner.appliedPosition;
      // Every commit takes 10 ms by this clock.
      const commit = store.commit.bind(store);
      store.commit = (batch) => {
        clock += 10;
        return commit(batch);
      };
      const commits = countCommits();
      while (stream.delivered < 20) await new Promise(setImmediate);
      expect(await runner.waitFor(head + 10, 10_000)).toBe(true);
      expect(commits).toHaveLength(1);
      expect(stream.delivered).toBeLessThan(100);
      // The next reader waits: 40 ms (4 × 10 ms) must pass after that commit first.
      const reached = runner.waitFor(runner.appliedPosition + 1, 10_000);
      const resolved = { at: -1 };
      void reached.then(() => (resolved.at = stream.delivered));
      const asked = stream.delivered;
      while (stream.delivered < asked + 30) await new Promise(setImmediate);
      expect(resolved.at).toBe(-1);
      expect(commits).toHaveLength(1);
      clock += 40;
      expect(await reached).toBe(true);
      expect(commits).toHaveLength(2);
      await runner.stop();
    });
  });

  it('commits a live change to many documents in parts of about 10 ms, the event loop running between them and the checkpoint moving with the last', async () => {
    // By this clock a partnership takes 2.5 ms to commit (the catch-up's commit is timed too): live parts of 4.
    let clock = 0;
    let turns = 0;
    const parts: { documents: number; checkpoint?: number; turn: number }[] = [];
    const commit = store.commit.bind(store);
    store.commit = (batch) => {
      clock += 2.5 * batch.upserts.length;
      parts.push({ documents: batch.upserts.length, checkpoint: batch.checkpoints[target.checkpoint], turn: turns });
      return commit(batch);
    };
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    tick();
    const runner = new ProjectionRunner(events, store, partnershipsProjection, target, { clock: () => clock });
    try {
      await runner.start();
      await runner.whenCaughtUp();
      parts.length = 0;
      const ids: string[] = Array.from({ length: 10 }, () => randomUUID());
      const { position } = await events.append(ids.map(opening));
      expect(await runner.waitFor(position, 30_000)).toBe(true);
      expect(parts.map((part) => part.documents)).toEqual([4, 4, 2]);
      expect(parts.map((part) => part.checkpoint)).toEqual([undefined, undefined, position]);
      // Another turn of the event loop between each part and the next.
      for (let i = 1; i < parts.length; i++) expect(parts[i].turn).toBeGreaterThan(parts[i - 1].turn);
      for (const id of ids) expect(await store.get(target.collection, id)).toBeDefined();
    } finally {
      ticking = false;
      await runner.stop();
    }
  });

  it('ends with the documents a rebuild gives when events change documents between the parts of a live commit', async () => {
    let clock = 0;
    const commit = store.commit.bind(store);
    const ids: string[] = Array.from({ length: 12 }, () => randomUUID());
    let contacts: Promise<unknown> | undefined;
    store.commit = (batch) => {
      clock += 2.5 * batch.upserts.length;
      // While the first commit of the twelve partnerships is in parts: a contact on each of them.
      if (batch.upserts.length > 0 && !contacts && ids.includes(batch.upserts[0].document._id)) {
        contacts = events.append(
          ids.map((id) => ({
            streamId: streamOf.partnership(id),
            expectedRevision: 0,
            events: [{ type: 'InteractionRecorded', data: { partnershipId: id, interactionId: `c-${id}`, kind: 'call', occurredAt: '2025-03-01T00:00:00.000Z', initiatedBy: 'school', participantIds: [] }, metadata: meta() }],
          })),
        );
      }
      return commit(batch);
    };
    const runner = await liveRunner({ clock: () => clock });
    await events.append(ids.map(opening));
    while (!contacts) await new Promise(setImmediate);
    await contacts;
    expect(await runner.waitFor(await events.headPosition(), 30_000)).toBe(true);
    await runner.stop();
    store.commit = commit;

    const rebuilt = { collection: 'partnerships_rebuilt', checkpoint: 'partnerships_rebuilt' };
    const again = new ProjectionRunner(events, store, partnershipsProjection, rebuilt);
    await again.start();
    await again.whenCaughtUp();
    await again.stop();
    const live = await store.find<PartnershipFacts>(target.collection, {}, { sort: { _id: 1 } });
    expect(live.filter((facts) => ids.includes(facts.partnershipId)).map((facts) => facts.touchpoints.length)).toEqual(ids.map(() => 1));
    expect(live).toEqual(await store.find(rebuilt.collection, {}, { sort: { _id: 1 } }));
    expect(await store.checkpoint(target.checkpoint)).toBe(await events.headPosition());
  });

  it('leaves a committed partnership a reader holds as it was when a later contact changes it, sharing its touchpoints rather than copying them', async () => {
    const runner = await liveRunner();
    const held = (await store.get<PartnershipFacts>(target.collection, partnershipId))!;
    // Back-dated: it is sorted in among the others, which must not reorder the list the reader holds.
    const backDated = { partnershipId, interactionId: 'i0', kind: 'call', occurredAt: '2025-01-15T00:00:00.000Z', initiatedBy: 'partner', participantIds: [] };
    const { position } = await events.append([
      { streamId: streamOf.partnership(partnershipId), expectedRevision: 3, events: [{ type: 'InteractionRecorded', data: backDated, metadata: meta() }] },
    ]);
    expect(await runner.waitFor(position, 30_000)).toBe(true);
    await runner.stop();
    const now = (await store.get<PartnershipFacts>(target.collection, partnershipId))!;
    expect(held.touchpoints.map((t) => t.id)).toEqual(['i1', 'i2', 'i3']);
    expect(now.touchpoints.map((t) => t.id)).toEqual(['i0', 'i1', 'i2', 'i3']);
    // The copy made for the change shares the recorded touchpoints (a deep copy costs the whole history per event).
    expect(now.touchpoints[1]).toBe(held.touchpoints[0]);
  });

  it('applies an event to the further documents it names by a query (PersonErased redacts the erased owner’s commitments everywhere)', async () => {
    const other = randomUUID();
    const commitment = (pid: string, commitmentId: string, ownerId?: string) => ({
      type: 'CommitmentMade',
      data: { partnershipId: pid, commitmentId, side: 'school', ...(ownerId && { ownerId }), description: `text of ${commitmentId}`, dueAt: '2025-09-01T00:00:00.000Z', madeAt: '2025-05-01T00:00:00.000Z' },
      metadata: meta(),
    });
    await runToHead();
    await events.append([{ streamId: streamOf.partnership(partnershipId), expectedRevision: 3, events: [commitment(partnershipId, 'c1', 'anna')] }]);
    // The second partnership and its commitment are still uncommitted drafts when the erasure comes (one catch-up batch).
    await events.append([
      {
        streamId: streamOf.partnership(other),
        expectedRevision: 'no_stream',
        events: [
          { type: 'PartnershipOpened', data: { partnershipId: other, schoolId: 's', partnerId: 'q', levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' }, metadata: meta() },
          commitment(other, 'c2', 'anna'),
          commitment(other, 'c3', 'bram'),
          commitment(other, 'c4'),
        ],
      },
    ]);
    const erasure = await events.append([{ streamId: streamOf.person('anna'), expectedRevision: 'no_stream', events: [{ type: 'PersonErased', data: { personId: 'anna', at: '2025-06-01T00:00:00.000Z' }, metadata: meta() }] }]);

    await runToHead();

    const descriptions = async (pid: string) => (await store.get<PartnershipFacts>(target.collection, pid))!.commitments.map((c) => [c.id, c.description]);
    expect(await descriptions(partnershipId)).toEqual([['c1', '[erased]']]);
    expect(await descriptions(other)).toEqual([['c2', '[erased]'], ['c3', 'text of c3'], ['c4', 'text of c4']]);
    expect((await store.get<PartnershipFacts & { position: number }>(target.collection, other))!.position).toBe(erasure.position);

    const before = await store.get(target.collection, other);
    await store.commit({ upserts: [], checkpoints: { [target.checkpoint]: 1 } });
    await runToHead();
    expect(await store.get(target.collection, other)).toEqual(before);
  });
});
