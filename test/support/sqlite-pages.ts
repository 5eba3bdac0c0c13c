import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Overwrites one page of a SQLite file with garbage, as damage on disk would: the page `pageQuery` names, a query on
 * the file itself (its schema, or the dbstat table) that answers with one page number.
 */
export function damagePage(file: string, pageQuery: string): void {
  const db = new Database(file, { readonly: true });
  let page: number;
  let pageSize: number;
  try {
    page = db.prepare(pageQuery).pluck().get() as number;
    pageSize = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
