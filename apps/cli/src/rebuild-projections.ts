import { ALL_PROJECTIONS, keptOnDiskCollections, ProjectionEngine } from '@crm/read-models';
import { createReadStore } from '@crm/read-store';
import { createProtectedEventStore } from '@crm/privacy';
import { Settings } from '../../api/src/config/settings';

/** Rebuilds every projection from position 0 into new generations, then makes them live. Prints the rate. */
export async function rebuildProjections(settings: Settings, log: (line: string) => void): Promise<void> {
  const { events } = await createProtectedEventStore(settings);
  const store = await createReadStore({ dataDir: settings.dataDir, mongodbUrl: settings.mongodbUrl, keptOnDisk: keptOnDiskCollections(ALL_PROJECTIONS) });
  const engine = new ProjectionEngine(events, store, ALL_PROJECTIONS);
  try {
    await engine.start();
    // A projection that fails (a damaged event) ends the command with that error, instead of retrying for good.
    await engine.caughtUpOrFailure();
    const head = await events.headPosition();
    const started = process.hrtime.bigint();
    await engine.rebuild();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    log(`rebuilt ${ALL_PROJECTIONS.length} projections over ${head} events in ${seconds.toFixed(2)} s (${Math.round(head / seconds)} events/s)`);
  } finally {
    await engine.stop();
    await store.close();
    await events.close();
  }
}
