export * from './key-store.port';
export { DamagedKeyError, KeyStoreCorruptError, SqliteKeyStore } from './sqlite/sqlite-key-store';
export { MongoKeyStore, KEYS_COLLECTION } from './mongodb/mongodb-key-store';
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
