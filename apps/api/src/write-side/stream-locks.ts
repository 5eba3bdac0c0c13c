/**
 * One command at a time per stream in this process. Commands on one partnership queue here instead of racing
 * between load and append, so a command sent without If-Match never loses to another writer of this process
 * (only a writer in another process can still make it retry).
 */
export class StreamLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Waits for the commands queued on this stream before it; call the returned function when done. */
  async acquire(streamId: string): Promise<() => void> {
    const before = this.tails.get(streamId);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = before ? before.then(() => done) : done;
    this.tails.set(streamId, tail);
    if (before) await before;
    return () => {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    };
  }

  /** Streams with a command running or queued (for tests and metrics). */
  get busy(): number {
    return this.tails.size;
  }
}
