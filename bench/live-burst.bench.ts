import { generateRegion } from '@crm/generator';
import { createProtectedEventStore } from '@crm/privacy';
import { ALL_PROJECTIONS, keptOnDiskCollections, ProjectionEngine } from '@crm/read-models';
import { createReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGION_UNTIL } from './region';

/**
 * A burst larger than any import, followed live: the medium region (about 200k events) written into an empty log while
 * the projections follow it, as they follow an import, and then until they have committed all of it. Says how long the
 * generator took, how long the projections needed after it, and the events per second over both; the e2e suite
 * test/e2e/generated-region.spec.ts builds its read models this way.
 */
export async function liveBurstBench(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-burst-'));
  try {
    const { events } = await createProtectedEventStore({ dataDir });
    const store = await createReadStore({ dataDir, keptOnDisk: keptOnDiskCollections(ALL_PROJECTIONS) });
    const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
    await engine.start();
    const started = performance.now();
    const generated = await generateRegion({ seed: 42, size: 'medium', until: REGION_UNTIL, store: events });
    const written = performance.now();
    if (!(await engine.waitFor(await events.headPosition(), 600_000))) throw new Error('the projections did not reach the head of the log within 10 minutes');
    const done = performance.now();
    await engine.stop();
    await store.close();
    await events.close();
    return {
      events: generated.events,
      'generated while projected s': (written - started) / 1000,
      'projected after that s': (done - written) / 1000,
      'events/s': generated.events / ((done - started) / 1000),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
