import type { StreamingRead } from '@eventstore/db-client';

/** How long one read of a few events may take before the server call is abandoned (reads have no deadline by default). */
export const READ_DEADLINE_MS = 30_000;

/**
 * Iterates a read until `visit` returns true. A read left before its end is cancelled: leaving `for await` only
 * destroys the client's Transform, while the gRPC call stays open and paused on the server (one leaked call per
 * health check until the connection's call limit is reached).
 */
export async function readUntil<T>(read: StreamingRead<T>, visit: (item: T) => boolean | void): Promise<void> {
  let ended = false;
  try {
    for await (const item of read) {
      if (visit(item) === true) return;
    }
    ended = true;
  } finally {
    if (!ended) await read.cancel().catch(() => undefined);
  }
}
