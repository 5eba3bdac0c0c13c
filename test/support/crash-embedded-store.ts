import type { EmbeddedReadStore } from '@crm/read-store';

/**
 * What a killed process leaves of an embedded read store: its connections closed with nothing more written (no last
 * round, no clean-close mark), and the lock file let go, as the OS does. For a store opened without a writer thread.
 */
export function crashEmbeddedStore(store: EmbeddedReadStore): void {
  const { db, lock } = store as unknown as { db: { close(): void }; lock: { close(): void } };
  db.close();
  lock.close();
}
