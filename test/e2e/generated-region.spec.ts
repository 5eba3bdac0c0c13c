import { generateRegion } from '@crm/generator';
import { createProtectedEventStore } from '@crm/privacy';
import {
  ALL_PROJECTIONS,
  healthAt,
  historySteps,
  levelsHistory,
  levelsReport,
  OrganisationFacts,
  partnershipContinuity,
  PartnershipFacts,
  PersonFacts,
  ProjectionEngine,
  sideKeyPersonRisk,
} from '@crm/read-models';
import { createReadStore, ReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const UNTIL = '2026-11-01T00:00:00.000Z';

async function snapshot(store: ReadStore, engine: ProjectionEngine) {
  const all: Record<string, unknown[]> = {};
  for (const { name } of ALL_PROJECTIONS) all[name] = await store.find(engine.collection(name), {}, { sort: { _id: 1 } });
  return all;
}

describe('the generated medium region', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-medium-'));
  let store: ReadStore;
  let engine: ProjectionEngine;
  let close: () => Promise<void>;
  let events = 0;

  beforeAll(async () => {
    const log = await createProtectedEventStore({ dataDir: dir });
    store = await createReadStore({ dataDir: dir });
    engine = new ProjectionEngine(log.events, store, ALL_PROJECTIONS);
    await engine.start();
    // The projections run while the region is written: the incremental build.
    const result = await generateRegion({ seed: 42, size: 'medium', until: UNTIL, store: log.events });
    events = result.events;
    expect(await engine.waitFor(await log.events.headPosition(), 600_000)).toBe(true);
    close = async () => {
      await engine.stop();
      await store.close();
      await log.events.close();
    };
  }, 900_000);

  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has about 200k events and 2,000 partnerships', async () => {
    expect(events).toBeGreaterThanOrEqual(100_000);
    expect(await store.count(engine.collection('partnerships'))).toBeGreaterThanOrEqual(1_900);
  });

  it('shows in its read models every school level, every health status, ≥5% high key-person risk, an orphan and both kinds of handover', async () => {
    const partnerships = await store.find<PartnershipFacts>(engine.collection('partnerships'));
    const people = new Map((await store.find<PersonFacts>(engine.collection('people'))).map((p) => [p.personId, p]));
    const lookup = (id: string) => people.get(id);
    const schools = await store.find<OrganisationFacts>(engine.collection('organisations'), { kind: 'school' });

    expect(new Set(schools.flatMap((s) => s.levels))).toEqual(new Set(['po', 'vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'wo']));
    expect(new Set(partnerships.flatMap((p) => p.levels))).toEqual(new Set(['po', 'vmbo', 'havo', 'vwo', 'mbo', 'hbo', 'wo']));

    const statuses = new Set(partnerships.map((p) => healthAt(p, lookup, UNTIL).status));
    for (const status of ['healthy', 'attention', 'at_risk', 'dormant', 'ended']) expect(statuses).toContain(status);

    const running = partnerships.filter((p) => !p.endedAt || p.endedAt > UNTIL);
    const highRisk = running.filter((p) => sideKeyPersonRisk(p, lookup, 'school', UNTIL).risk === 'high');
    expect(highRisk.length / partnerships.length).toBeGreaterThanOrEqual(0.05);

    const continuity = partnerships.map((p) => partnershipContinuity(p, lookup, UNTIL));
    expect(continuity.some((c) => c.school.orphaned || c.partner.orphaned)).toBe(true);
    expect(continuity.reduce((n, c) => n + c.school.warmHandovers + c.partner.warmHandovers, 0)).toBeGreaterThan(0);
    expect(continuity.reduce((n, c) => n + c.school.coldHandovers + c.partner.coldHandovers, 0)).toBeGreaterThan(0);
  });

  it('gives the levels history over 24 months (one pass per partnership) as the levels report at its steps', async () => {
    const partnerships = await store.find<PartnershipFacts>(engine.collection('partnerships'));
    const people = new Map((await store.find<PersonFacts>(engine.collection('people'))).map((p) => [p.personId, p]));
    const organisations = new Map((await store.find<OrganisationFacts>(engine.collection('organisations'))).map((o) => [o.organisationId, o]));
    const lookup = (id: string) => people.get(id);
    const organisation = (id: string) => organisations.get(id);
    const steps = historySteps('2024-11-01T00:00:00.000Z', UNTIL, 'month', 'Europe/Amsterdam', 100) as string[];
    expect(steps).toHaveLength(25);
    const region = organisations.get(partnerships[0].schoolId)?.region as string;
    for (const filter of [{}, { region }]) {
      const history = levelsHistory(partnerships, lookup, organisation, steps, filter);
      // Every fourth step and the last: each report is a full pass over 2,000 partnerships.
      const checked = steps.map((_, step) => step).filter((step) => step % 4 === 0 || step === steps.length - 1);
      for (const step of checked) expect(history[step]).toEqual(levelsReport(partnerships, lookup, organisation, steps[step], filter));
    }
  });

  it('rebuilt from position 0, yields read models deep-equal to the incrementally built ones', async () => {
    const incremental = await snapshot(store, engine);
    await engine.rebuild();
    const rebuilt = await snapshot(store, engine);
    // Jest's toEqual takes most of a minute on ~10k documents: it only runs to show the difference when there is one.
    if (!isDeepStrictEqual(rebuilt, incremental)) expect(rebuilt).toEqual(incremental);
  }, 900_000);
});
