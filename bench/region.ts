import { generateRegion, RegionSize } from '@crm/generator';
import { createProtectedEventStore } from '@crm/privacy';
import { ALL_PROJECTIONS, ProjectionEngine } from '@crm/read-models';
import { createReadStore } from '@crm/read-store';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The end of every generated bench region's history. */
export const REGION_UNTIL = '2026-11-01T00:00:00.000Z';

/**
 * A generated region under bench/data/<size> (git-ignored), reused by later runs: the same seed and date always
 * give the same region. `withReadModels` also builds its read models once (the query benches need them; the
 * rebuild bench builds its own).
 */
export async function regionDataDir(size: RegionSize, options: { withReadModels: boolean }): Promise<string> {
  const dir = join(__dirname, 'data', size);
  const done = join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { events } = await createProtectedEventStore({ dataDir: dir });
    const result = await generateRegion({ seed: 42, size, until: REGION_UNTIL, store: events });
    await events.close();
    console.log(`generated ${size}: ${result.events} events in ${(result.elapsedMs / 1000).toFixed(1)} s (${Math.round(result.events / (result.elapsedMs / 1000))} events/s)`);
    writeFileSync(done, new Date().toISOString());
  }
  const built = join(dir, '.read-models');
  if (options.withReadModels && !existsSync(built)) {
    const { events } = await createProtectedEventStore({ dataDir: dir });
    const store = await createReadStore({ dataDir: dir });
    const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
    await engine.start();
    await engine.whenCaughtUp();
    await engine.stop();
    await store.close();
    await events.close();
    writeFileSync(built, new Date().toISOString());
  }
  return dir;
}
