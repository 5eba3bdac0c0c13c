import { Query } from 'mingo';
import { equalityValues, holdsAnyAt, isPlainObject, Scalar } from './equality-paths';
import { Filter, StoredDocument } from './read-store.port';

/** $where and $function would run caller-supplied JavaScript; MongoDB deployments commonly disable them too. */
const QUERY_OPTIONS = { scriptEnabled: false };

/**
 * A filter compiled to test documents in memory with MongoDB semantics (mingo): what the embedded store queries
 * with, and what a projection uses to find the documents a filter selects among those it has not committed yet.
 * Compiling throws on an unknown operator, as MongoDB does.
 *
 * Top-level equality conditions (`{ schoolId: id }`, `{ 'contacts.personId': { $in: ids } }`) are decided here, by a
 * set lookup along the path: mingo's test costs microseconds a document, and tens of them for an `$in` of a few
 * hundred values (the organisations a scoped login sees). Mingo tests the other conditions, and decides the whole
 * filter for a document with an array under another along an equality's path (see holdsAnyAt).
 */
export function matcherOf(filter: Filter): (document: StoredDocument) => boolean {
  if (Object.keys(filter).length === 0) return () => true;
  const equalities: { path: string[]; wanted: ReadonlySet<Scalar> }[] = [];
  const others: Filter = {};
  for (const [field, condition] of Object.entries(filter)) {
    const path = field.split('.');
    const wanted = field.startsWith('$') || path.some((segment) => /^\d+$/.test(segment)) ? undefined : plainEquality(condition);
    if (wanted) equalities.push({ path, wanted: new Set(wanted) });
    else others[field] = condition;
  }
  // Compiled first, so an unknown operator fails even on an empty collection, as it does on MongoDB.
  const rest = Object.keys(others).length > 0 ? new Query(others, QUERY_OPTIONS) : undefined;
  let whole: Query | undefined;
  return (document) => {
    for (const { path, wanted } of equalities) {
      const held = holdsAnyAt(document, path, wanted);
      if (held === false) return false;
      if (held === undefined) return (whole ??= new Query(filter, QUERY_OPTIONS)).test(document);
    }
    return rest ? rest.test(document) : true;
  };
}

/** The values of `v`, `{ $eq: v }` or `{ $in: [...] }` (non-null scalars), the operator alone in its condition. */
function plainEquality(condition: unknown): Scalar[] | undefined {
  if (isPlainObject(condition) && Object.keys(condition).length !== 1) return undefined;
  return equalityValues(condition);
}
