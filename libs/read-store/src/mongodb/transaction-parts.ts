/**
 * MongoDB aborts a transaction that runs past 60 s (transactionLifetimeLimitSeconds) or that writes more than its
 * cache can hold (about 5% of the WiredTiger cache), and `withTransaction` then retries it for 120 s: a projector
 * committing a whole catch-up or rebuild in one transaction never finishes. A large commit is therefore written in
 * parts of bounded size, each a transaction of its own, the checkpoint moving only with the last one.
 *
 * That is safe because every projected document carries the position of the last event applied to it: after a
 * crash between parts, the projection resumes from the old checkpoint and skips the events that the documents
 * already written contain, so nothing is counted twice.
 */
export interface PartLimits {
  /** Writes (upserts and deletes) in one transaction. */
  maxWrites: number;
  /** Bytes of documents in one transaction. */
  maxBytes: number;
}

export const DEFAULT_PART_LIMITS: PartLimits = { maxWrites: 1_000, maxBytes: 8 * 1024 * 1024 };

/** Splits writes, in order, into consecutive parts within the limits; a part holds at least one write. */
export function transactionParts<T>(writes: readonly T[], sizeOf: (write: T) => number, limits: PartLimits = DEFAULT_PART_LIMITS): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  let bytes = 0;
  for (const write of writes) {
    const size = sizeOf(write);
    if (part.length > 0 && (part.length >= limits.maxWrites || bytes + size > limits.maxBytes)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(write);
    bytes += size;
  }
  parts.push(part);
  return parts;
}
