import type { MongoReadStore } from './mongodb-read-store';

/**
 * The MongoDB adapter, loaded on first use: its driver takes about 160 ms of CPU to load, and the embedded mode
 * (SQLite) never needs it.
 */
export function loadMongoReadStore(): typeof MongoReadStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./mongodb-read-store') as typeof import('./mongodb-read-store')).MongoReadStore;
}
