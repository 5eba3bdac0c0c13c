/**
 * Equality conditions and the values along a dotted path, shared by the embedded store's indexes (which use them to
 * narrow candidates) and the filter matcher (which decides equality conditions with them where they read a document
 * as MongoDB does, and leaves the rest to mingo).
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

/**
 * Whether one of `wanted` is among the scalars along `path`, through at most one array on the way (`levels: [...]`,
 * `contacts: [{ personId }]`). Where a second array lies under the first (`a: [{ b: [1, 2] }]`, `a: [[1]]`), MongoDB's
 * readings vary by operator, and mingo's differ from them: unless `wanted` is found elsewhere, that gives undefined
 * and the caller asks mingo.
 */
export function holdsAnyAt(document: StoredDocument, path: readonly string[], wanted: ReadonlySet<Scalar>): boolean | undefined {
  let unsure = false;
  const visit = (value: unknown, depth: number, inArray: boolean): boolean => {
    if (Array.isArray(value)) {
      if (inArray) {
        unsure = true;
        return false;
      }
      return value.some((item) => visit(item, depth, true));
    }
    if (depth === path.length) return isScalar(value) && wanted.has(value);
    return isPlainObject(value) && visit(value[path[depth]], depth + 1, inArray);
  };
  return visit(document, 0, false) || (unsure ? undefined : false);
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
