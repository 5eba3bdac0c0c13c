import { Query } from 'mingo';
import { equalityValues, holdsAnyAt } from './equality-paths';
import { Filter, StoredDocument } from './read-store.port';

/** $where and $function would run caller-supplied JavaScript; MongoDB deployments commonly disable them too. */
const QUERY_OPTIONS = { scriptEnabled: false };

/**
 * A filter compiled to test documents in memory with MongoDB semantics (mingo): what the embedded store queries
 * with, and what a projection uses to find the documents a filter selects among those it has not committed yet.
 * Compiling throws on an unknown operator, as MongoDB does.
 *
 * Top-level equality conditions (`{ 'commitments.ownerId': id }`) first rule out documents that hold none of the
 * wanted values along the path, which is much cheaper than mingo's test; mingo decides for the rest.
 */
export function matcherOf(filter: Filter): (document: StoredDocument) => boolean {
  if (Object.keys(filter).length === 0) return () => true;
  const query = new Query(filter, QUERY_OPTIONS);
  const equalities = Object.entries(filter).flatMap(([field, condition]) => {
    const path = field.split('.');
    const wanted = field.startsWith('$') || path.some((segment) => /^\d+$/.test(segment)) ? undefined : equalityValues(condition);
    return wanted ? [{ path, wanted }] : [];
  });
  return (document) => {
    for (const { path, wanted } of equalities) if (!holdsAnyAt(document, path, wanted)) return false;
    return query.test(document);
  };
}
