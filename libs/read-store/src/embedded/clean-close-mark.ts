import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * A read-model file closed cleanly gets a mark beside it (`<file>.closed-cleanly`) holding the file's size and
 * modification time at that moment. Opening a file that still has both, and nothing in a write-ahead log, skips SQLite's
 * quick_check, which reads every page (1.2 s of the large region's start, on the thread that then loads the documents).
 * Every open takes the mark away first, so a file its process did not close cleanly (a crash, a kill, a power cut) is
 * checked at the next start, and so is one changed since (copied back, truncated, written by another program). Damage
 * that changes neither is still met where it is read: SQLite refuses a malformed page, the store a document that does
 * not parse, and a store that met damage leaves no mark when it closes; the read models can always be rebuilt from the
 * event log, whose own check runs at every start.
 */
const markOf = (file: string) => `${file}.closed-cleanly`;

/** Written whole or not at all (a temporary file renamed over it). */
export function markClosedCleanly(file: string): void {
  const { size, mtimeMs } = statSync(file);
  writeFileSync(`${markOf(file)}.tmp`, JSON.stringify({ size, mtimeMs }));
  renameSync(`${markOf(file)}.tmp`, markOf(file));
}

/** Whether `file` was closed cleanly and has not changed since; false too when the mark cannot be taken away. */
export function takeCleanCloseMark(file: string): boolean {
  let mark: { size?: unknown; mtimeMs?: unknown };
  try {
    mark = JSON.parse(readFileSync(markOf(file), 'utf8')) as typeof mark;
  } catch {
    mark = {};
  }
  try {
    rmSync(markOf(file), { force: true });
  } catch {
    return false;
  }
  const stat = statSync(file, { throwIfNoEntry: false });
  // A write-ahead log with anything in it holds changes the file does not (an empty one a reader may leave behind).
  const log = statSync(`${file}-wal`, { throwIfNoEntry: false });
  return stat !== undefined && (log === undefined || log.size === 0) && mark.size === stat.size && mark.mtimeMs === stat.mtimeMs;
}
