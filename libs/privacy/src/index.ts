export * from './key-store.port';
export { DamagedKeyError, KeyStoreCorruptError, SqliteKeyStore } from './sqlite/sqlite-key-store';
import type { MongoKeyStore as MongoKeyStoreClass } from './mongodb/mongodb-key-store';
import { loadMongoKeyStore } from './mongodb/load-mongodb-key-store';
/** The MongoDB key store; its driver is loaded when this is first read (see loadMongoKeyStore). */
export type MongoKeyStore = MongoKeyStoreClass;
export declare const MongoKeyStore: typeof MongoKeyStoreClass;
Object.defineProperty(exports, 'MongoKeyStore', { enumerable: true, get: loadMongoKeyStore });
export { KEYS_COLLECTION } from './mongodb/keys-collection';
export { CachedKeyStore, type KeyCacheOptions } from './cached-key-store';
export { ERASED, isSealed, type SealedValue } from './cipher';
export { PERSONAL_DATA, ERASURES, type PersonalField } from './personal-data';
export { CryptoEventStore } from './crypto-event-store';
export {
  createKeyStore,
  createProtectedEventStore,
  type KeyStoreSettings,
  type ProtectedEventStore,
  type ProtectedEventStoreSettings,
} from './create-protected-event-store';
