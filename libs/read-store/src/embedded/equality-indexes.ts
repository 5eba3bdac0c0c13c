import { Filter, StoredDocument } from '../read-store.port';

type Scalar = string | number | boolean;

/**
 * In-memory hash indexes on the first field of each declared index, used to narrow equality and `$in` lookups
 * (e.g. `{ 'contacts.personId': id }`) to a few candidates before mingo tests the whole filter on them.
 *
 * An index only ever narrows to a superset of the matches: it records every scalar reachable along the path
 * through any arrays, and mingo still decides. So it can make a query faster, never change its result.
 */
export class EqualityIndexes {
  private readonly byPath = new Map<string, { path: readonly string[]; values: Map<Scalar, Set<string>> }>();

  /** Starts indexing `field` over the documents already stored. Positional paths (`a.0.b`) are not indexed. */
  add(field: string, documents: Iterable<StoredDocument>): void {
    const path = field.split('.');
    if (this.byPath.has(field) || path.some((segment) => /^\d+$/.test(segment))) return;
    const index = { path, values: new Map<Scalar, Set<string>>() };
    this.byPath.set(field, index);
    for (const document of documents) insert(index.values, document._id, valuesAt(document, path));
  }

  replace(before: StoredDocument | undefined, after: StoredDocument | undefined): void {
    for (const { path, values } of this.byPath.values()) {
      if (before) remove(values, before._id, valuesAt(before, path));
      if (after) insert(values, after._id, valuesAt(after, path));
    }
  }

  /** Ids that may match `filter`, from its most selective indexed equality; undefined when no index applies. */
  candidates(filter: Filter): Set<string> | undefined {
    let best: Set<string> | undefined;
    const consider = (ids: Set<string> | undefined): void => {
      if (ids && (!best || ids.size < best.size)) best = ids;
    };
    for (const [field, condition] of Object.entries(filter)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) consider(this.candidates(part));
        continue;
      }
      const index = this.byPath.get(field);
      const wanted = index && equalityValues(condition);
      if (!index || !wanted) continue;
      const ids = new Set<string>();
      for (const value of wanted) for (const id of index.values.get(value) ?? []) ids.add(id);
      consider(ids);
    }
    return best;
  }
}

/** The values an equality condition accepts: `v`, `{ $eq: v }` or `{ $in: [...] }` of non-null scalars. */
function equalityValues(condition: unknown): Scalar[] | undefined {
  if (isScalar(condition)) return [condition];
  if (!isPlainObject(condition)) return undefined;
  const keys = Object.keys(condition);
  // Operators sit alone in a condition object; a key without `$` makes it an exact sub-document match instead.
  if (keys.length === 0 || !keys.every((key) => key.startsWith('$'))) return undefined;
  const { $eq, $in } = condition as { $eq?: unknown; $in?: unknown };
  if (isScalar($eq)) return [$eq];
  if (Array.isArray($in) && $in.every(isScalar)) return $in;
  return undefined;
}

/** Every scalar along `path`, looking through arrays at every level (more than MongoDB would: a superset). */
function valuesAt(document: StoredDocument, path: readonly string[]): Set<Scalar> {
  const out = new Set<Scalar>();
  const visit = (value: unknown, depth: number): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth);
    } else if (depth === path.length) {
      if (isScalar(value)) out.add(value);
    } else if (isPlainObject(value)) {
      visit(value[path[depth]], depth + 1);
    }
  };
  visit(document, 0);
  return out;
}

function insert(index: Map<Scalar, Set<string>>, id: string, values: Set<Scalar>): void {
  for (const value of values) {
    let ids = index.get(value);
    if (!ids) index.set(value, (ids = new Set()));
    ids.add(id);
  }
}

function remove(index: Map<Scalar, Set<string>>, id: string, values: Set<Scalar>): void {
  for (const value of values) {
    const ids = index.get(value);
    ids?.delete(id);
    if (ids?.size === 0) index.delete(value);
  }
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
}
