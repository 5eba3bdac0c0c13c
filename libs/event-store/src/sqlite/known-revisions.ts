import { performance } from 'node:perf_hooks';

/** Streams remembered at most; past that the memory starts again empty (it only saves queries). */
const MAX_STREAMS = 200_000;
/** How long a check for other connections' commits holds for reads (a read is then at most this much older). */
const RECHECK_AFTER_MS = 1;

/**
 * What one SQLite connection knows of the log without asking it: the last revision of streams it has read or
 * appended to, and the head position. Valid only while no other connection has committed to the file, which
 * `PRAGMA data_version` tells (it changes on another connection's commit, never on this one's); `sync()` forgets
 * everything when it has changed. A stream or head not known is read from the file.
 *
 * Asking data_version costs about as much as a small query, so for reads it is asked at most once a millisecond,
 * and again after `recheck()` (called when another store in this process appends to the same file). A read may
 * thus miss a commit another process made within the last millisecond, as if it had been made a moment earlier;
 * appends always ask (`sync(true)`, holding the write lock), so revision checks never rest on a stale view.
 */
export class KnownRevisions {
  private readonly revisions = new Map<string, number>();
  private head: number | undefined;
  private dataVersion: number | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly readDataVersion: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Call before relying on what is known; `fresh` inside a write transaction, before appending. */
  sync(fresh = false): void {
    const now = this.now();
    if (!fresh && now - this.checkedAt < RECHECK_AFTER_MS && now >= this.checkedAt) return;
    this.checkedAt = now;
    const version = this.readDataVersion();
    if (version !== this.dataVersion) {
      this.forget();
      this.dataVersion = version;
    }
  }

  /** The next sync asks the file again. */
  recheck(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  forget(): void {
    this.revisions.clear();
    this.head = undefined;
  }

  revisionOf(streamId: string): number | undefined {
    return this.revisions.get(streamId);
  }

  headPosition(): number | undefined {
    return this.head;
  }

  /** A stream's last revision, as read or as committed by this connection. */
  stream(streamId: string, revision: number): void {
    if (this.revisions.size >= MAX_STREAMS && !this.revisions.has(streamId)) this.revisions.clear();
    this.revisions.set(streamId, revision);
  }

  /** The head position, as committed by this connection. */
  headAt(position: number): void {
    this.head = position;
  }
}
