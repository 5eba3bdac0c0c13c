/**
 * Wakes subscriptions in this process when an append to the same log file commits, so they need not wait for
 * their poll. Keyed by file, so two stores opened on one file (an API and a projector in one process) see each other.
 */
const listeners = new Map<string, Set<() => void>>();

export function onAppend(file: string, listener: () => void): () => void {
  let set = listeners.get(file);
  if (!set) listeners.set(file, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(file) === set) listeners.delete(file);
  };
}

export function notifyAppend(file: string): void {
  for (const listener of listeners.get(file) ?? []) listener();
}

/** A wait that ends on a wake-up or after a timeout; a wake-up that came while not waiting is not lost. */
export class Waker {
  private pending = false;
  private resolve: (() => void) | undefined;

  wake(): void {
    this.pending = true;
    this.resolve?.();
  }

  /** Forgets earlier wake-ups; call right before reading, so anything written later wakes the next wait. */
  reset(): void {
    this.pending = false;
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      const self = this;
      this.resolve = done;
      function done(): void {
        clearTimeout(timer);
        self.resolve = undefined;
        self.pending = false;
        resolve();
      }
    });
  }
}
