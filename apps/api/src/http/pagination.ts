import { BadRequestException } from '@nestjs/common';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

type SortValue = string | number | null;

interface Cursor {
  asOf: string;
  sort: string;
  after: [SortValue, string];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const badCursor = () =>
  new BadRequestException({
    statusCode: 400,
    code: 'invalid_cursor',
    message: 'cursor is not one this API gave out, or belongs to another sort',
    errors: [{ field: 'cursor', messages: ['invalid cursor'] }],
  });

export function decodeCursor(cursor: string | undefined, sort: string): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (decoded.sort !== sort || !Array.isArray(decoded.after) || typeof decoded.asOf !== 'string') throw badCursor();
    return decoded;
  } catch {
    throw badCursor();
  }
}

const compareValues = (a: SortValue, b: SortValue): number => {
  if (a === b) return 0;
  if (a === null) return 1; // missing values last, whichever the direction
  if (b === null) return -1;
  return a < b ? -1 : 1;
};

/**
 * Keyset pagination: rows are ordered by (sort value, id) and a page starts after the last key of the previous
 * one, so a row written meanwhile never shifts or repeats the rows that follow. The cursor also fixes `asOf`,
 * so every page of one listing is computed for the same date.
 */
export function paginate<T>(
  rows: readonly T[],
  options: { sort: string; valueOf: (row: T, field: string) => SortValue; idOf: (row: T) => string; limit: number; asOf: string; cursor?: Cursor },
): Page<T> {
  const descending = options.sort.startsWith('-');
  const field = descending ? options.sort.slice(1) : options.sort;
  const key = (row: T): [SortValue, string] => [options.valueOf(row, field), options.idOf(row)];
  const compare = (a: [SortValue, string], b: [SortValue, string]) => {
    const byValue = compareValues(a[0], b[0]);
    const directed = descending && a[0] !== null && b[0] !== null ? -byValue : byValue;
    return directed !== 0 ? directed : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  };
  const sorted = [...rows].sort((a, b) => compare(key(a), key(b)));
  const start = options.cursor ? sorted.findIndex((row) => compare(key(row), options.cursor!.after) > 0) : 0;
  const items = start < 0 ? [] : sorted.slice(start, start + options.limit);
  const more = start >= 0 && start + options.limit < sorted.length;
  const nextCursor = more
    ? Buffer.from(JSON.stringify({ asOf: options.asOf, sort: options.sort, after: key(items[items.length - 1]) } satisfies Cursor)).toString('base64url')
    : null;
  return { items, nextCursor };
}
