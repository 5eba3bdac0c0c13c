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

const isSortValue = (value: unknown): value is SortValue =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** The asOf a cursor carries, as this API writes it (a full UTC ISO date); anything else is not one of ours. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Cursors travel through the client, so they are checked like any input: the sort they were made for, an asOf that
 * is a date, and a key of a sort value and an id (never an object, which could otherwise reach comparisons or
 * queries).
 */
export function decodeCursor(cursor: string | undefined, sort: string): Cursor | undefined {
  if (!cursor) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const { asOf, sort: cursorSort, after } = (decoded ?? {}) as Partial<Cursor>;
  const valid =
    typeof decoded === 'object' &&
    decoded !== null &&
    cursorSort === sort &&
    typeof asOf === 'string' &&
    ISO_UTC.test(asOf) &&
    !Number.isNaN(Date.parse(asOf)) &&
    Array.isArray(after) &&
    after.length === 2 &&
    isSortValue(after[0]) &&
    typeof after[1] === 'string';
  if (!valid) throw badCursor();
  return { asOf: asOf!, sort: cursorSort!, after: [after![0], after![1]] };
}

/** The cursor of a page that ends at `after` (the last row's sort value and id). */
export const encodeCursor = (asOf: string, sort: string, after: [SortValue, string]): string =>
  Buffer.from(JSON.stringify({ asOf, sort, after } satisfies Cursor)).toString('base64url');

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
  const nextCursor = more ? encodeCursor(options.asOf, options.sort, key(items[items.length - 1])) : null;
  return { items, nextCursor };
}
