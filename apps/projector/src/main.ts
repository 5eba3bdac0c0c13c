import { createProtectedEventStore } from '@crm/privacy';
import { createReadStore } from '@crm/read-store';
import { settingsFromEnv } from '../../api/src/config/settings';
import { Projector } from './projector';

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const log = (line: string) => console.log(JSON.stringify({ time: new Date().toISOString(), app: 'projector', msg: line }));
  const { events } = await createProtectedEventStore(settings);
  const store = await createReadStore({ dataDir: settings.dataDir, mongodbUrl: settings.mongodbUrl });
  const projector = new Projector(events, store, log);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: flushing checkpoints`);
    await projector.stop();
    await store.close();
    await events.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await projector.start();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
