import type { StreamingRead } from '@eventstore/db-client';

/** How long one read of a few events may take before the server call is abandoned. */
export const READ_DEADLINE_MS = 30_000;

/** A read that did not finish within its deadline (its server call is cancelled). */
export class ReadDeadlineError extends Error {
  constructor(deadlineMs: number) {
    super(`EventStoreDB read did not finish within ${deadlineMs} ms; the call was cancelled`);
    this.name = 'ReadDeadlineError';
  }
}

/**
 * Iterates a read until `visit` returns true or the read ends, within `deadlineMs`.
 *
 * A read left before its end is cancelled: leaving `for await` only destroys the client's Transform, while the gRPC
 * call stays open and paused on the server (one leaked call per health check until the connection's call limit is
 * reached). And the deadline is kept here: client 6.x gives every streaming read the deadline Infinity, whatever
 * `deadline` the caller passes, so a read that hangs (a node gone silent) would otherwise hang its caller for ever.
 */
export async function readUntil<T>(read: StreamingRead<T>, visit: (item: T) => boolean | void, deadlineMs = READ_DEADLINE_MS): Promise<void> {
  let ended = false;
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    void read.cancel().catch(() => undefined);
    read.destroy(new ReadDeadlineError(deadlineMs));
  }, deadlineMs);
  try {
    for await (const item of read) {
      if (visit(item) === true) return;
    }
    ended = true;
  } catch (error) {
    throw expired ? new ReadDeadlineError(deadlineMs) : error;
  } finally {
    clearTimeout(timer);
    if (!ended && !expired) await read.cancel().catch(() => undefined);
  }
}
