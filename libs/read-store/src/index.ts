export * from './read-store.port';
export { InvalidReadStoreInputError, ReadStoreCorruptError, ReadStoreInUseError } from './errors';
export { EmbeddedReadStore } from './embedded/embedded-read-store';
export { MongoReadStore, type MongoReadStoreOptions } from './mongodb/mongodb-read-store';
export { databaseNameOf, DEFAULT_DATABASE } from './mongodb/connection-url';
export { createReadStore, type ReadStoreSettings } from './create-read-store';
export { matcherOf } from './filter-matcher';
export { containing, equalIgnoringCase, escapeRegex } from './text-filters';
