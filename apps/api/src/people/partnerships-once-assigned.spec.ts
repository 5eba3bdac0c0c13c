import { streamOf } from '@crm/domain';
import { EventStore, EventToAppend, Position, SqliteEventStore } from '@crm/event-store';
import { ALL_PROJECTIONS, ProjectionEngine } from '@crm/read-models';
import { createReadStore, ReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partnershipsOnceAssigned } from './partnerships-once-assigned';

const meta = { recordedBy: 'test', recordedAt: '2026-01-01T00:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const event = (type: string, data: Record<string, unknown>): EventToAppend => ({ type, data, metadata: meta });
const opened = (partnershipId: string, schoolId: string) =>
  event('PartnershipOpened', { partnershipId, schoolId, partnerId: 'company', levels: ['mbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' });
const assigned = (partnershipId: string, personId: string) =>
  event('ContactPersonAssigned', { partnershipId, side: 'partner', personId, role: 'primary', at: '2025-01-02T00:00:00.000Z' });
const unassigned = (partnershipId: string, personId: string) =>
  event('ContactPersonUnassigned', { partnershipId, side: 'partner', personId, reason: 'handover', at: '2025-01-03T00:00:00.000Z' });

describe('the partnerships a departing person was a contact of', () => {
  let dir: string;
  let log: SqliteEventStore;
  let store: ReadStore;
  let engine: ProjectionEngine;
  /** Where each type scan of the log started. */
  let scannedAfter: Position[];
  let events: EventStore;

  const write = (partnershipId: string, ...written: EventToAppend[]) =>
    log.append([{ streamId: streamOf.partnership(partnershipId), expectedRevision: 'any', events: written }]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-departure-'));
    log = new SqliteEventStore(join(dir, 'events.sqlite'));
    store = await createReadStore({ dataDir: dir });
    scannedAfter = [];
    events = Object.assign(Object.create(log) as SqliteEventStore, {
      readAllOfTypes: (types: readonly string[], after?: Position) => {
        scannedAfter.push(after ?? 0);
        return log.readAllOfTypes(types, after);
      },
    });
    // In the read models: anna on p1 (two schools' partnerships with one company) and p2, once on p3 (handed over).
    await write('p1', opened('p1', 'school-a'), assigned('p1', 'anna'));
    await write('p2', opened('p2', 'school-b'), assigned('p2', 'anna'), assigned('p2', 'bob'));
    await write('p3', opened('p3', 'school-a'), assigned('p3', 'anna'), unassigned('p3', 'anna'), assigned('p3', 'bob'));
    await write('p4', opened('p4', 'school-a'), assigned('p4', 'bob'));
    engine = new ProjectionEngine(log, store, ALL_PROJECTIONS);
    await engine.start();
    await engine.whenCaughtUp();
    await engine.stop();
    // After what the read models have committed: only in the log.
    await write('p4', assigned('p4', 'anna'));
    await write('p5', opened('p5', 'school-b'), assigned('p5', 'bob'));
  });

  afterEach(async () => {
    await store.close();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds them in the read model and in the log after its committed position, every school included', async () => {
    const found = await partnershipsOnceAssigned('anna', { events, store, projections: engine });
    expect(found.sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect((await partnershipsOnceAssigned('bob', { events, store, projections: engine })).sort()).toEqual(['p2', 'p3', 'p4', 'p5']);
  });

  it('reads of the log only what the read models have not committed, not every assignment since the start', async () => {
    await partnershipsOnceAssigned('anna', { events, store, projections: engine });
    expect(engine.position).toBeGreaterThan(0);
    expect(scannedAfter).toEqual([engine.position]);
  });
});
