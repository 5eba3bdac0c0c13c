import Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { equalityValues, isPlainObject } from '../equality-paths';
import { matcherOf } from '../filter-matcher';
import { Filter, FindOptions, StoredDocument } from '../read-store.port';
import { withIdTieBreak } from '../validation';
import { idsSelectedBy } from './ids-selected-by';
import { sortDocuments } from './mongo-sort';

/** Rows read per turn of the event loop: about 10 ms of parsing when every row is parsed. */
const CHUNK = 2_000;
/** Past this many values, an `$in` is tested on the row's text in JavaScript rather than made a long SQL condition. */
const MAX_SQL_VALUES = 50;
/** A top-level field whose name can stand in a JSON path as it is. */
const PLAIN_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RANGES = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=', $eq: '=' } as const;
const TEXT_BOUNDS = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' } as const;

type Row = { rowid: number; id: string; body: string; key?: number };
type Matches = (document: StoredDocument) => boolean;
/** Parses a stored row, refusing a damaged one (EmbeddedReadStore.parse). */
type Parse = (collection: string, id: string, body: string) => StoredDocument;

/** SQL conditions on the ordered field, with their parameters. */
interface Range {
  where: string[];
  params: number[];
}

/**
 * Queries on a collection the embedded store keeps on disk (the audit trail, an entry per event): answered from the
 * SQLite file, never held in memory, with MongoDB semantics all the same. Every row read is parsed and tested by the
 * same matcher as a collection in memory; what comes before only narrows which rows are parsed, always to a superset:
 *
 * - An index declared `ordersOnly` on a plain top-level field becomes a partial SQLite index on that field's numeric
 *   value, so a sorted page (`position` descending, after a cursor) walks the index and stops once the page is full,
 *   whatever the length of the trail. It is used only while every document holds a number there (one index probe
 *   checks), since SQLite and MongoDB order other types differently.
 * - A string equality (`recordedBy`, `personIds`, … in any path) keeps the rows whose stored JSON text holds that
 *   string, which every matching row does, and parses only those; the matcher then decides.
 * - A bound on a top-level field compared with ASCII text (an audit period's `recordedAt`) is tested by SQLite as it
 *   reads a chunk, on text values only (see narrowingOf).
 *
 * Reads go in chunks of a bounded number of rows, with the event loop running between them. Like a MongoDB cursor, a
 * query that spans several chunks may or may not see what is committed meanwhile.
 */
export class KeptOnDisk {
  private readonly statements = new Map<string, Database.Statement>();
  /** The fields each collection has an order index on (see ensureOrderIndex). */
  private readonly ordered = new Map<string, Set<string>>();
  /** Drops per collection: a query that spans several chunks fails when its collection is dropped meanwhile. */
  private readonly drops = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly parse: Parse,
    private readonly assertOpen: () => void,
  ) {}

  /** Creates the partial index that orders `collection` by the number in `field` (a no-op for a field not plain). */
  ensureOrderIndex(collection: string, field: string): void {
    if (!PLAIN_FIELD.test(field)) return;
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName(collection, field)} ON documents (${numberIn(field)}) WHERE collection = ${literal(collection)}`);
    let fields = this.ordered.get(collection);
    if (!fields) this.ordered.set(collection, (fields = new Set()));
    fields.add(field);
  }

  /** Drops the order indexes of `collection`, those of an earlier run included (call inside the drop's transaction). */
  dropIndexes(collection: string): void {
    const prefix = indexPrefix(collection);
    const names = this.db
      .prepare<[string, string], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND substr(name, 1, length(?)) = ?")
      .pluck()
      .all(prefix, prefix);
    for (const name of names) this.db.exec(`DROP INDEX IF EXISTS ${quoted(name)}`);
    this.ordered.delete(collection);
    this.drops.set(collection, (this.drops.get(collection) ?? 0) + 1);
    for (const sql of this.statements.keys()) if (sql.includes(quoted(prefix).slice(0, -1))) this.statements.delete(sql);
  }

  async find(collection: string, filter: Filter, options: FindOptions): Promise<StoredDocument[]> {
    const matches = matcherOf(filter);
    const skip = options.skip ?? 0;
    const wanted = options.limit ? skip + options.limit : Infinity;
    const sort = options.sort !== undefined && Object.keys(options.sort).length > 0 ? withIdTieBreak(options.sort) : undefined;
    const [first, direction] = sort ? Object.entries(sort)[0] : [];
    const ids = idsSelectedBy(filter);
    let found: StoredDocument[];
    if (ids) found = this.byIds(collection, ids).filter(matches);
    else if (first !== undefined && this.ordersBy(collection, first)) found = await this.walkIndex(collection, first, direction!, filter, matches, wanted);
    else found = await this.walkRows(collection, filter, matches, sort ? Infinity : wanted);
    if (sort) sortDocuments(found, sort);
    return skip === 0 && wanted >= found.length ? found : found.slice(skip, wanted);
  }

  async count(collection: string, filter: Filter): Promise<number> {
    if (Object.keys(filter).length === 0) {
      return this.statement<{ n: number }>('SELECT count(*) AS n FROM documents WHERE collection = ?').get(collection)!.n;
    }
    const ids = idsSelectedBy(filter);
    const matches = matcherOf(filter);
    return (ids ? this.byIds(collection, ids).filter(matches) : await this.walkRows(collection, filter, matches, Infinity)).length;
  }

  /** Documents by id, in the order asked, each once; unknown ids skipped. */
  byIds(collection: string, ids: readonly string[]): StoredDocument[] {
    const read = this.statement<{ body: string }>('SELECT body FROM documents WHERE collection = ? AND id = ?');
    const found: StoredDocument[] = [];
    for (const id of new Set(ids)) {
      const body = read.get(collection, id)?.body;
      if (body !== undefined) found.push(this.parse(collection, id, body));
    }
    return found;
  }

  /** Whether `field` has an order index on `collection` and every document there holds a number in it. */
  private ordersBy(collection: string, field: string): boolean {
    if (!this.ordered.get(collection)?.has(field)) return false;
    const other = this.statement(`SELECT 1 FROM documents INDEXED BY ${indexName(collection, field)} WHERE collection = ${literal(collection)} AND ${numberIn(field)} IS NULL LIMIT 1`);
    return other.get() === undefined;
  }

  /**
   * The matching documents in index order until `wanted` are found, plus those with the same key as the last of them
   * (the caller's sort puts ties in their final order). A chunk at a time: the key CHUNK entries further along the index
   * (an index walk, no row read) bounds what SQLite reads, all its ties included; of those rows, only the ones the
   * filter's narrowing keeps come to JavaScript to be parsed and matched.
   */
  private async walkIndex(collection: string, field: string, direction: 1 | -1, filter: Filter, matches: Matches, wanted: number): Promise<StoredDocument[]> {
    const key = numberIn(field);
    const range = rangeOf(key, filter[field]);
    const narrowing = narrowingOf(filter);
    const [order, beyond, upTo] = direction === -1 ? ['DESC', '<', '>='] : ['ASC', '>', '<='];
    // INDEXED BY: the planner, without statistics, would rather take the primary key's collection prefix and sort.
    const from = `FROM documents INDEXED BY ${indexName(collection, field)} WHERE collection = ${literal(collection)} AND ${[`${key} IS NOT NULL`, ...range.where].join(' AND ')}`;
    const found: StoredDocument[] = [];
    const drops = this.drops.get(collection);
    let lastKey: number | undefined; // the key of the `wanted`th match, once found
    for (let after: number | undefined; ; ) {
      const past = after === undefined ? '' : ` AND ${key} ${beyond} ?`;
      const pastParams = after === undefined ? [] : [after];
      const end = this.statement<{ key: number }>(`SELECT ${key} AS key ${from}${past} ORDER BY ${key} ${order} LIMIT 1 OFFSET ${CHUNK - 1}`).get(...range.params, ...pastParams)?.key;
      const until = end === undefined ? '' : ` AND ${key} ${upTo} ?`;
      const rows = this.statement<Row>(`SELECT rowid, id, body, ${key} AS key ${from}${past}${until}${narrowing.where.map((term) => ` AND ${term}`).join('')} ORDER BY ${key} ${order}, rowid ${order}`).all(
        ...range.params,
        ...pastParams,
        ...(end === undefined ? [] : [end]),
        ...narrowing.params,
      );
      for (const row of rows) {
        if (lastKey !== undefined && row.key !== lastKey) return found;
        if (!narrowing.holds(row.body)) continue;
        const document = this.parse(collection, row.id, row.body);
        if (!matches(document)) continue;
        found.push(document);
        if (found.length === wanted) lastKey = row.key;
      }
      // The chunk held every row with its last key: the ties of a full page's last match are all read.
      if (end === undefined || lastKey !== undefined) return found;
      after = end;
      await this.nextTurn(collection, drops);
    }
  }

  /** The matching documents in natural (stored) order, stopping once `wanted` are found; chunks bounded as in walkIndex. */
  private async walkRows(collection: string, filter: Filter, matches: Matches, wanted: number): Promise<StoredDocument[]> {
    const narrowing = narrowingOf(filter);
    // NOT INDEXED: through the table by rowid (the stored order), not the primary key, which would sort every chunk.
    const endOf = this.statement<{ rowid: number }>(`SELECT rowid FROM documents NOT INDEXED WHERE rowid > ? AND collection = ? ORDER BY rowid LIMIT 1 OFFSET ${CHUNK - 1}`);
    const found: StoredDocument[] = [];
    const drops = this.drops.get(collection);
    for (let after = 0; ; ) {
      const end = endOf.get(after, collection)?.rowid;
      const until = end === undefined ? '' : ' AND rowid <= ?';
      const rows = this.statement<Row>(
        `SELECT rowid, id, body FROM documents NOT INDEXED WHERE rowid > ?${until} AND collection = ?${narrowing.where.map((term) => ` AND ${term}`).join('')} ORDER BY rowid`,
      ).all(after, ...(end === undefined ? [] : [end]), collection, ...narrowing.params);
      for (const row of rows) {
        if (!narrowing.holds(row.body)) continue;
        const document = this.parse(collection, row.id, row.body);
        if (!matches(document)) continue;
        found.push(document);
        if (found.length >= wanted) return found;
      }
      if (end === undefined) return found;
      after = end;
      await this.nextTurn(collection, drops);
    }
  }

  /** Lets the event loop run; then fails if the store was closed, or the collection dropped (an old generation retired), meanwhile. */
  private async nextTurn(collection: string, drops: number | undefined): Promise<void> {
    await nextTurn();
    this.assertOpen();
    if (this.drops.get(collection) !== drops) throw new Error(`collection ${collection} was dropped while a query read it; ask again`);
  }

  private statement<R>(sql: string): Database.Statement<unknown[], R> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as Database.Statement<unknown[], R>;
  }
}

/**
 * The field's value when it is a number, else NULL: the expression the order index holds and queries repeat. A
 * damaged row (not JSON) gets NULL too, rather than failing the statement: the collection is then walked row by row,
 * and the matcher's parse names the damaged document.
 */
function numberIn(field: string): string {
  const path = `'$.${field}'`;
  const number = `CASE json_type(body, ${path}) WHEN 'integer' THEN json_extract(body, ${path}) WHEN 'real' THEN json_extract(body, ${path}) END`;
  return `(CASE WHEN json_valid(body) THEN ${number} END)`;
}

/** Numeric bounds the filter puts on the ordered field, as conditions on its index. */
function rangeOf(key: string, condition: unknown): Range {
  const where: string[] = [];
  const params: number[] = [];
  const bound = (operator: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    where.push(`${key} ${operator} ?`);
    params.push(value);
  };
  if (isPlainObject(condition)) for (const [name, operator] of Object.entries(RANGES)) bound(operator, condition[name]);
  else bound('=', condition);
  return { where, params };
}

/** Per top-level string equality, its values as they stand in stored JSON text: a row that matches holds one of each. */
function wantedTexts(filter: Filter): string[][] {
  const wanted: string[][] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) continue;
    const values = equalityValues(condition);
    if (values && values.length > 0 && values.every((value): value is string => typeof value === 'string')) wanted.push(values.map((value) => JSON.stringify(value)));
  }
  return wanted;
}

/**
 * What narrows the rows a query reads, always to a superset of the matches, for SQLite to test while it reads a chunk
 * (`where`, `params`) and, past what SQL takes, for the row's text before it is parsed (`holds`):
 * - each string equality: one of its values in the stored JSON text (in SQL up to MAX_SQL_VALUES values);
 * - the bounds of a top-level field compared with ASCII text (a period's `recordedAt`). SQLite orders text by UTF-8
 *   byte and JavaScript by UTF-16 unit; against an ASCII bound the two agree. A value that is not text there is left
 *   to the matcher (MongoDB compares within a type, and through arrays).
 */
function narrowingOf(filter: Filter): { where: string[]; params: string[]; holds: (body: string) => boolean } {
  const wanted = wantedTexts(filter);
  const inSql = wanted.filter((texts) => texts.length <= MAX_SQL_VALUES);
  const inText = wanted.filter((texts) => texts.length > MAX_SQL_VALUES);
  const holds = (body: string) => inText.every((texts) => texts.some((text) => body.includes(text)));
  const contains = inSql.map((texts) => `(${texts.map(() => 'instr(body, ?) > 0').join(' OR ')})`);
  const bounds: string[] = [];
  const boundParams: string[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (!PLAIN_FIELD.test(field) || !isPlainObject(condition)) continue;
    for (const [name, bound] of Object.entries(condition)) {
      const operator = TEXT_BOUNDS[name as keyof typeof TEXT_BOUNDS];
      if (operator === undefined || typeof bound !== 'string' || !/^[\x00-\x7f]*$/.test(bound)) continue;
      // A row that is not JSON goes on to the matcher's parse, which names it (json_type would fail the whole query).
      bounds.push(`(NOT json_valid(body) OR json_type(body, '$.${field}') IS NOT 'text' OR json_extract(body, '$.${field}') ${operator} ?)`);
      boundParams.push(bound);
    }
  }
  if (bounds.length === 0) return { where: contains, params: inSql.flat(), holds };
  if (contains.length === 0) return { where: bounds, params: boundParams, holds };
  // The bounds parse the row's JSON: asked only of rows that hold the strings (SQLite may test AND's terms in any order).
  return { where: [`CASE WHEN ${contains.join(' AND ')} THEN ${bounds.join(' AND ')} ELSE 0 END`], params: [...inSql.flat(), ...boundParams], holds };
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
// The collection in hex, so that no collection's prefix is the start of another's.
const indexPrefix = (collection: string) => `kept_order_${Buffer.from(collection).toString('hex')}_`;
const indexName = (collection: string, field: string) => quoted(`${indexPrefix(collection)}${field}`);
