/**
 * A named lease held by one process at a time, with an expiry, so that one projector applies events while
 * standbys wait; when the holder dies its lease runs out and a standby takes over.
 */
export interface Lease {
  /** Takes the lease if it is free or expired, or extends it if `holder` already has it. True when `holder` holds it. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` has it. */
  release(name: string, holder: string): Promise<void>;
  close(): Promise<void>;
}
