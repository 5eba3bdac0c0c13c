import { CancelledError, DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError } from '@eventstore/db-client';
import { ReadDeadlineError } from './read-until';

/**
 * Errors after which the same request may simply be sent again: the node went away, lost its leadership or the
 * call was cut during a failover (or a read outlived its deadline: a node gone silent). An append sent again carries the same event ids and expected revision, which
 * the server recognises as the same write, so a retry never stores an event twice.
 */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof ReadDeadlineError
  );
}

/** Waits between attempts: 250 ms doubling to 8 s, about 16 s in all — longer than a cluster's leader election. */
export const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000] as const;

/** Runs `attempt` until it succeeds, retrying transient errors after each delay in turn. */
export async function withRetries<T>(attempt: () => Promise<T>, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || i >= RETRY_DELAYS_MS.length) throw error;
      await sleep(RETRY_DELAYS_MS[i]);
    }
  }
}
