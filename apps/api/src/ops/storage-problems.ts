import { storageHealth, StorageError } from '@crm/storage';
import { resolve } from 'node:path';
import { Settings } from '../config/settings';
import { dataFilesOf } from '../bootstrap/data-integrity';

export type StoreName = 'eventStore' | 'readStore' | 'keyStore';

/**
 * Why each embedded store's file refuses writes now (a full or read-only disk, the file deleted or replaced), for
 * /health: its read probe alone would still answer. Stores on a server (EventStoreDB, MongoDB) are not files here.
 */
export function storageProblems(settings: Pick<Settings, 'dataDir' | 'eventStoreUrl' | 'mongodbUrl'>): Partial<Record<StoreName, StorageError>> {
  const files = dataFilesOf(settings);
  const problems: Partial<Record<StoreName, StorageError>> = {};
  const embedded: [StoreName, string | undefined][] = [
    ['eventStore', settings.eventStoreUrl ? undefined : files.log],
    ['readStore', settings.mongodbUrl ? undefined : files.readModels],
    ['keyStore', settings.mongodbUrl ? undefined : files.keys],
  ];
  for (const [store, file] of embedded) {
    const problem = file && storageHealth.problemOf(resolve(file));
    if (problem) problems[store] = problem;
  }
  return problems;
}
