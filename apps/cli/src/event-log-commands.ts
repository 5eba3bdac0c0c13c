import { createProtectedEventStore } from '@crm/privacy';
import { Settings } from '../../api/src/config/settings';
import { exportNdjson, importNdjson } from './ndjson';

export const EVENT_LOG_USAGE = `export <file.ndjson>   write the whole event log as NDJSON (personal data decrypted, [erased] where erased)
  import <file.ndjson>   append an NDJSON export; events already there are skipped, so importing twice writes nothing new`;

/** Opens the log as the product does (encryption, upcasting) for one CLI command. */
async function withEventLog<T>(settings: Settings, work: (events: Awaited<ReturnType<typeof createProtectedEventStore>>['events']) => Promise<T>): Promise<T> {
  const { events } = await createProtectedEventStore({ dataDir: settings.dataDir, eventStoreUrl: settings.eventStoreUrl, mongodbUrl: settings.mongodbUrl });
  try {
    return await work(events);
  } finally {
    await events.close();
  }
}

export async function exportCommand(settings: Settings, [file]: string[]): Promise<string> {
  if (!file) throw new Error('usage: npm run cli -- export <file.ndjson>');
  const count = await withEventLog(settings, (events) => exportNdjson(events, file));
  return `exported ${count} events to ${file}`;
}

export async function importCommand(settings: Settings, [file]: string[]): Promise<string> {
  if (!file) throw new Error('usage: npm run cli -- import <file.ndjson>');
  const { imported, skipped } = await withEventLog(settings, (events) => importNdjson(events, file));
  return `imported ${imported} events from ${file}; ${skipped} were already in the log`;
}
