import { SortSpec, StoredDocument } from '../read-store.port';

/**
 * MongoDB's sort order for JSON values (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/).
 * mingo's own $sort differs where it matters here: it puts missing before null, and sorts an array by its JSON
 * rather than by its smallest (ascending) or largest (descending) element.
 */
const EMPTY_ARRAY = Symbol('empty array');

function rank(value: unknown): number {
  if (value === EMPTY_ARRAY) return 0; // an empty array as a sort key sorts before null and missing
  if (value === null || value === undefined) return 1;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 6;
  }
  if (Array.isArray(value)) return 5;
  if (value instanceof Date) return 7;
  if (value instanceof RegExp) return 8;
  return 4;
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 2:
    case 3:
    case 6:
      // Strings compare by UTF-16 code unit, MongoDB by UTF-8 byte; they differ only past U+E000 against surrogates.
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 4:
    case 5:
      return compareEntries(Object.entries(a as object), Object.entries(b as object));
    case 7:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 8:
      return compareValues(String(a), String(b));
    default:
      return 0;
  }
}

/** BSON documents (and arrays, documents keyed "0", "1", …) compare pair by pair: value type, key, then value. */
function compareEntries(a: [string, unknown][], b: [string, unknown][]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const byType = rank(a[i][1]) - rank(b[i][1]);
    if (byType !== 0) return Math.sign(byType);
    if (a[i][0] !== b[i][0]) return a[i][0] < b[i][0] ? -1 : 1;
    const byValue = compareValues(a[i][1], b[i][1]);
    if (byValue !== 0) return byValue;
  }
  return Math.sign(a.length - b.length);
}

/** Every value a dotted path reaches, descending into arrays of documents as MongoDB does. */
function collect(value: unknown, path: readonly string[], depth: number, out: unknown[]): void {
  if (depth === path.length) {
    if (!Array.isArray(value)) out.push(value);
    else if (value.length === 0) out.push(EMPTY_ARRAY);
    else out.push(...value);
    return;
  }
  if (Array.isArray(value)) {
    const segment = path[depth];
    if (/^\d+$/.test(segment)) return collect(value[Number(segment)], path, depth + 1, out);
    for (const item of value) if (!Array.isArray(item)) collect(item, path, depth, out);
    return;
  }
  if (value !== null && typeof value === 'object') collect((value as Record<string, unknown>)[path[depth]], path, depth + 1, out);
  else out.push(undefined);
}

/** The value a document sorts by on one key: an array field sorts by its smallest element ascending, largest descending. */
function sortKey(document: StoredDocument, path: readonly string[], direction: 1 | -1): unknown {
  const values: unknown[] = [];
  collect(document, path, 0, values);
  let key = values[0];
  for (let i = 1; i < values.length; i++) if (compareValues(values[i], key) * direction < 0) key = values[i];
  return key;
}

/** Sorts in place after computing each document's keys once. */
export function sortDocuments(documents: StoredDocument[], sort: SortSpec): StoredDocument[] {
  const fields = Object.entries(sort).map(([field, direction]) => ({ path: field.split('.'), direction }));
  const keyed = documents.map((document) => ({ document, keys: fields.map((f) => sortKey(document, f.path, f.direction)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareValues(a.keys[i], b.keys[i]);
      if (order !== 0) return order * fields[i].direction;
    }
    return 0;
  });
  for (let i = 0; i < keyed.length; i++) documents[i] = keyed[i].document;
  return documents;
}
