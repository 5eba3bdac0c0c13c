import type { MongoKeyStore } from './mongodb-key-store';

/**
 * The MongoDB key store, loaded on first use: its driver takes about 190 ms of CPU to load, and the embedded mode
 * (SQLite) never needs it (the same as the read store's loadMongoReadStore).
 */
export function loadMongoKeyStore(): typeof MongoKeyStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./mongodb-key-store') as typeof import('./mongodb-key-store')).MongoKeyStore;
}
