export * from './read-store.port';
export { InvalidReadStoreInputError, ReadStoreCorruptError, ReadStoreInUseError } from './errors';
export { EmbeddedReadStore } from './embedded/embedded-read-store';
import type { MongoReadStore as MongoReadStoreClass } from './mongodb/mongodb-read-store';
import { loadMongoReadStore } from './mongodb/load-mongodb-read-store';
/** The MongoDB adapter; its driver is loaded when this is first read (see loadMongoReadStore). */
export type MongoReadStore = MongoReadStoreClass;
export declare const MongoReadStore: typeof MongoReadStoreClass;
Object.defineProperty(exports, 'MongoReadStore', { enumerable: true, get: loadMongoReadStore });
export type { MongoReadStoreOptions } from './mongodb/mongodb-read-store';
export { databaseNameOf, DEFAULT_DATABASE } from './mongodb/connection-url';
export { createReadStore, type ReadStoreSettings } from './create-read-store';
export { matcherOf } from './filter-matcher';
export { freezeAsStored } from './embedded/stored-form';
export { allWordsIn, containing, equalIgnoringCase, escapeRegex, foldText, searchKeysFor, searchKeysOf, searchWords } from './text-filters';
