/**
 * Equality conditions and the values along a dotted path, shared by the embedded store's indexes and the filter
 * matcher: both use them to rule documents out cheaply, never to decide a match (mingo does).
 */
import { StoredDocument } from './read-store.port';

export type Scalar = string | number | boolean;

/** The values an equality condition accepts: `v`, `{ $eq: v }` or `{ $in: [...] }` of non-null scalars. */
export function equalityValues(condition: unknown): Scalar[] | undefined {
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

/** Whether one of `wanted` is among the scalars along `path` (as valuesAt finds them), stopping at the first. */
export function holdsAnyAt(document: StoredDocument, path: readonly string[], wanted: readonly Scalar[]): boolean {
  const visit = (value: unknown, depth: number): boolean => {
    if (Array.isArray(value)) return value.some((item) => visit(item, depth));
    if (depth === path.length) return isScalar(value) && wanted.includes(value);
    return isPlainObject(value) && visit(value[path[depth]], depth + 1);
  };
  return visit(document, 0);
}

/** Every scalar along `path`, looking through arrays at every level (more than MongoDB would: a superset). */
export function valuesAt(document: StoredDocument, path: readonly string[]): Set<Scalar> {
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

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
}
