import { InvalidReadStoreInputError } from './errors';
import { FindOptions, SortSpec, StoredDocument } from './read-store.port';

/** Collections the MongoDB adapter keeps its own bookkeeping in; refused on both adapters so they behave alike. */
export const CHECKPOINTS_COLLECTION = 'checkpoints';
export const META_COLLECTION = 'meta';

/** MongoDB's own rules for collection names, plus the two names reserved above. */
export function checkCollectionName(collection: unknown): asserts collection is string {
  if (
    typeof collection !== 'string' ||
    collection === '' ||
    /[$\0]/.test(collection) ||
    collection.startsWith('system.') ||
    collection === CHECKPOINTS_COLLECTION ||
    collection === META_COLLECTION
  ) {
    throw new InvalidReadStoreInputError(`invalid collection name ${JSON.stringify(collection)}`);
  }
}

export function checkDocument(collection: string, document: unknown): asserts document is StoredDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidReadStoreInputError(`a document for ${collection} is not an object`);
  }
  const id = (document as { _id?: unknown })._id;
  if (typeof id !== 'string' || id === '') {
    throw new InvalidReadStoreInputError(`a document for ${collection} has no string _id (got ${JSON.stringify(id)})`);
  }
}

export function checkId(collection: string, id: unknown): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new InvalidReadStoreInputError(`a delete from ${collection} has no string id`);
}

export function checkCheckpoint(projection: string, position: unknown): asserts position is number {
  if (projection === '' || typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
    throw new InvalidReadStoreInputError(`invalid checkpoint ${JSON.stringify(projection)} → ${String(position)}`);
  }
}

/** Sort directions 1 or -1; skip and limit as MongoDB's find takes them: non-negative integers, limit 0 meaning none. */
export function checkFindOptions({ sort, skip, limit }: FindOptions): void {
  for (const [key, direction] of Object.entries(sort ?? {})) {
    if (direction !== 1 && direction !== -1) throw new InvalidReadStoreInputError(`sort on ${key} must be 1 or -1`);
  }
  for (const [name, value] of [['skip', skip], ['limit', limit]] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new InvalidReadStoreInputError(`${name} must be a non-negative integer, got ${String(value)}`);
    }
  }
}

/** The sort with `_id` appended as the last key, so equal keys come back in the same order every time. */
export function withIdTieBreak(sort: SortSpec): SortSpec {
  return '_id' in sort ? sort : { ...sort, _id: 1 };
}
