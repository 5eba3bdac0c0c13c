import { Filter } from '../read-store.port';

/**
 * The ids a filter pins `_id` to (`'x'`, `{ $eq: 'x' }` or `{ $in: [...] }` of strings), so only those documents
 * are tested against the whole filter instead of every document in the collection.
 */
export function idsSelectedBy(filter: Filter): readonly string[] | undefined {
  const id = filter._id;
  if (typeof id === 'string') return [id];
  if (typeof id !== 'object' || id === null || Array.isArray(id) || id instanceof RegExp) return undefined;
  const operators = Object.keys(id);
  if (operators.length !== 1) return undefined;
  const { $eq, $in } = id as { $eq?: unknown; $in?: unknown };
  if (typeof $eq === 'string') return [$eq];
  if (Array.isArray($in) && $in.every((value) => typeof value === 'string')) return $in as string[];
  return undefined;
}
