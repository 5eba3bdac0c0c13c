import { join } from 'node:path';
import { EmbeddedReadStore } from './embedded/embedded-read-store';
import { loadMongoReadStore } from './mongodb/load-mongodb-read-store';
import { IndexSpec, ReadStore } from './read-store.port';

export interface ReadStoreSettings {
  /** DATA_DIR: the embedded read models live at `<dataDir>/read-models.sqlite`. */
  dataDir: string;
  /** MONGODB_URL: when set, read models are on MongoDB instead. */
  mongodbUrl?: string;
  /** Indexes to create at start-up (MongoDB; the embedded store ignores them). */
  indexes?: IndexSpec;
  /** The embedded store's collections kept on disk, not in memory (EmbeddedStoreOptions); MongoDB keeps every one on disk. */
  keptOnDisk?: (collection: string) => boolean;
}

export async function createReadStore({ dataDir, mongodbUrl, indexes, keptOnDisk }: ReadStoreSettings): Promise<ReadStore> {
  if (mongodbUrl) return loadMongoReadStore().connect(mongodbUrl, { indexes });
  return EmbeddedReadStore.open(join(dataDir, 'read-models.sqlite'), { keptOnDisk, writeKeptOnDiskInWorker: true });
}
