import { streamOf, upcast } from '@crm/domain';
import { SqliteEventStore, UpcastingEventStore } from '@crm/event-store';
import { createReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PartnershipFacts } from '../facts/partnership-facts';
import { ALL_PROJECTIONS } from '../projections';
import { ProjectionEngine } from './projection-engine';

describe('projections over events written in an older shape', () => {
  it('see a v1 CommitmentMade (no madeAt) as v2, dated when it was recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-upcast-'));
    const inner = new SqliteEventStore(join(dir, 'events.sqlite'));
    const meta = (recordedAt: string, schemaVersion: number) => ({ recordedBy: 'u', recordedAt, correlationId: 'c', causationId: 'c', schemaVersion });
    await inner.append([
      {
        streamId: streamOf.partnership('p1'),
        expectedRevision: 'no_stream',
        events: [
          { type: 'PartnershipOpened', data: { partnershipId: 'p1', schoolId: 's', partnerId: 'c', levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2023-01-01T00:00:00.000Z' }, metadata: meta('2023-01-01T00:00:00.000Z', 1) },
          { type: 'CommitmentMade', data: { partnershipId: 'p1', commitmentId: 'c1', side: 'partner', description: 'stageplekken', dueAt: '2023-09-01T00:00:00.000Z' }, metadata: meta('2023-02-03T10:00:00.000Z', 1) },
        ],
      },
    ]);
    const events = new UpcastingEventStore(inner, upcast);
    const store = await createReadStore({ dataDir: dir });
    const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
    await engine.start();
    await engine.whenCaughtUp();
    const facts = await store.get<PartnershipFacts>(engine.collection('partnerships'), 'p1');
    expect(facts?.commitments).toEqual([
      { id: 'c1', side: 'partner', description: 'stageplekken', dueAt: '2023-09-01T00:00:00.000Z', madeAt: '2023-02-03T10:00:00.000Z', status: 'open' },
    ]);
    const [stored] = (await events.readStream(streamOf.partnership('p1'), 1));
    expect(stored.metadata.schemaVersion).toBe(2);
    await engine.stop();
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
