import { equalityValues, isPlainObject, Scalar, valuesAt } from '../equality-paths';
import { Filter, StoredDocument } from '../read-store.port';

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

  /**
   * Moves a document from the values `before` held to those `after` holds. A value both hold keeps the document in
   * its place, so candidates come in the order documents first took a value, however often they were rewritten
   * since: the same for read models built event by event and for a rebuild of them.
   */
  replace(before: StoredDocument | undefined, after: StoredDocument | undefined): void {
    for (const { path, values } of this.byPath.values()) {
      if (!before) {
        // A new document (every one of a rebuild): nothing to compare with.
        if (after) insert(values, after._id, valuesAt(after, path));
        continue;
      }
      const old = valuesAt(before, path);
      const now = after ? valuesAt(after, path) : new Set<Scalar>();
      remove(values, before._id, [...old].filter((value) => !now.has(value)));
      if (after) insert(values, after._id, [...now].filter((value) => !old.has(value)));
    }
  }

  /**
   * Ids that may match `filter`, from its most selective indexed condition; undefined when no index applies. Which is
   * most selective is judged by the sizes of the index's sets before any are combined, so that a wide `$in` (a scoped
   * login's few hundred organisations) costs nothing when a narrower condition (a word searched for) serves. Read the
   * answer at once: it may be the index's own set.
   */
  candidates(filter: Filter): ReadonlySet<string> | undefined {
    let best: Lookup | undefined;
    for (const lookup of this.lookups(filter)) if (!best || lookup.atMost < best.atMost) best = lookup;
    return best?.ids();
  }

  /** For each indexed condition of `filter` (and of its `$and` parts): at most how many ids it gives, and those ids. */
  private lookups(filter: Filter): Lookup[] {
    const found: Lookup[] = [];
    for (const [field, condition] of Object.entries(filter)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) found.push(...this.lookups(part));
        continue;
      }
      const index = this.byPath.get(field);
      if (!index) continue;
      const all = allValues(condition);
      if (all) {
        const sets = all.map((value) => index.values.get(value));
        found.push({ atMost: Math.min(...sets.map((ids) => ids?.size ?? 0)), ids: () => intersection(sets) });
        continue;
      }
      const wanted = equalityValues(condition);
      if (!wanted) continue;
      const sets = wanted.flatMap((value) => index.values.get(value) ?? []);
      found.push({ atMost: sets.reduce((total, ids) => total + ids.size, 0), ids: () => union(sets) });
    }
    return found;
  }
}

interface Lookup {
  atMost: number;
  ids: () => ReadonlySet<string>;
}

/** The ids in any of the sets: the set itself when there is one. */
function union(sets: Set<string>[]): ReadonlySet<string> {
  if (sets.length === 1) return sets[0];
  const out = new Set<string>();
  for (const ids of sets) for (const id of ids) out.add(id);
  return out;
}

/** The values of `{ $all: [...] }` (non-empty, scalars only): a document must hold every one of them. */
function allValues(condition: unknown): Scalar[] | undefined {
  if (!isPlainObject(condition)) return undefined;
  const keys = Object.keys(condition);
  const { $all } = condition as { $all?: unknown };
  if (keys.length !== 1 || !Array.isArray($all) || $all.length === 0) return undefined;
  return $all.every((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') ? ($all as Scalar[]) : undefined;
}

/** The ids in every set (none when a value has no documents), smallest set first. */
function intersection(sets: (Set<string> | undefined)[]): Set<string> {
  if (sets.some((set) => set === undefined)) return new Set();
  const [smallest, ...others] = (sets as Set<string>[]).sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  for (const id of smallest) if (others.every((set) => set.has(id))) out.add(id);
  return out;
}

function insert(index: Map<Scalar, Set<string>>, id: string, values: Iterable<Scalar>): void {
  for (const value of values) {
    let ids = index.get(value);
    if (!ids) index.set(value, (ids = new Set()));
    ids.add(id);
  }
}

function remove(index: Map<Scalar, Set<string>>, id: string, values: Iterable<Scalar>): void {
  for (const value of values) {
    const ids = index.get(value);
    ids?.delete(id);
    if (ids?.size === 0) index.delete(value);
  }
}
