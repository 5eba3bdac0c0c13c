import { join } from 'node:path';
import { upcast } from '@crm/domain';
import { createEventStore, EventStore, EventStoreSettings, UpcastingEventStore } from '@crm/event-store';
import { CachedKeyStore, KeyCacheOptions } from './cached-key-store';
import { CryptoEventStore } from './crypto-event-store';
import { KeyStore } from './key-store.port';
import { loadMongoKeyStore } from './mongodb/load-mongodb-key-store';
import { SqliteKeyStore } from './sqlite/sqlite-key-store';

export interface KeyStoreSettings {
  /** DATA_DIR: the embedded key store lives at `<dataDir>/keys.sqlite`, beside (never inside) the log. */
  dataDir: string;
  /** MONGODB_URL: when set, keys live in its `data_keys` collection instead. */
  mongodbUrl?: string;
}

export interface ProtectedEventStoreSettings extends EventStoreSettings, KeyStoreSettings {
  keyCache?: KeyCacheOptions;
}

export interface ProtectedEventStore {
  /** The log to use: plain, current-shape events in, plain current-shape events out. `close()` closes the key store too. */
  events: EventStore;
  /** The same key store the log encrypts with (the erasure destroys keys in it). */
  keys: KeyStore;
}

/** The key store picked by settings: MongoDB when MONGODB_URL is set, else SQLite under DATA_DIR. */
export async function createKeyStore({ dataDir, mongodbUrl }: KeyStoreSettings): Promise<KeyStore> {
  if (mongodbUrl) return loadMongoKeyStore().connect(mongodbUrl);
  return new SqliteKeyStore(join(dataDir, 'keys.sqlite'));
}

/**
 * The event log as every app opens it (API, projector, CLI), in one place:
 *
 *   UpcastingEventStore      events of older shapes read in today's shape (needs plain data, so outside)
 *     CryptoEventStore       personal fields encrypted on append, decrypted or [erased] on read
 *       adapter              SQLite under DATA_DIR, or EventStoreDB with EVENTSTORE_URL
 *   key store                SQLite `<DATA_DIR>/keys.sqlite`, or MongoDB `data_keys` with MONGODB_URL (cached)
 *
 * Nothing should open the log for the product without this, or it would write personal data in the clear.
 */
export async function createProtectedEventStore(settings: ProtectedEventStoreSettings): Promise<ProtectedEventStore> {
  const keys = new CachedKeyStore(await createKeyStore(settings), settings.keyCache);
  try {
    return { events: new UpcastingEventStore(new CryptoEventStore(createEventStore(settings), keys), upcast), keys };
  } catch (error) {
    await keys.close();
    throw error;
  }
}
