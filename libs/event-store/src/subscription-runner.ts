import { RecordedEvent, SubscribeOptions, Subscription } from './event-store.port';

/**
 * The part of a subscription both adapters share: one event at a time, each handler awaited, nothing delivered
 * after close(), and the first error (a throwing handler, a failed read) ends the subscription and goes to onError.
 */
export class SubscriptionRunner implements Subscription {
  private stopped = false;
  private inHandler = false;
  private readonly closeHooks: (() => void | Promise<void>)[] = [];
  private readonly done: Promise<void>;

  constructor(
    private readonly options: SubscribeOptions,
    body: (runner: SubscriptionRunner) => Promise<void>,
  ) {
    this.done = Promise.resolve()
      .then(() => body(this))
      .catch((error: unknown) => this.fail(error));
  }

  get closed(): boolean {
    return this.stopped;
  }

  async deliver(event: RecordedEvent): Promise<void> {
    if (this.stopped) return;
    this.inHandler = true;
    try {
      await this.options.onEvent(event);
    } finally {
      this.inHandler = false;
    }
  }

  caughtUp(): void {
    if (!this.stopped) this.options.onCaughtUp?.();
  }

  /**
   * Runs on close, e.g. to wake a waiting loop or cancel a server subscription. Returns its remover: a hook for
   * something that ended before the close (a server subscription that dropped and was replaced) is removed, so
   * hooks do not pile up over the reconnections of a long-lived subscription.
   */
  onClose(hook: () => void | Promise<void>): () => void {
    if (this.stopped) {
      void hook();
      return () => undefined;
    }
    this.closeHooks.push(hook);
    return () => {
      const index = this.closeHooks.indexOf(hook);
      if (index >= 0) this.closeHooks.splice(index, 1);
    };
  }

  async close(): Promise<void> {
    await this.stop();
    // A handler that closes its own subscription must not wait for itself.
    if (!this.inHandler) await this.done;
  }

  private async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const hook of [...this.closeHooks]) await hook();
  }

  private async fail(error: unknown): Promise<void> {
    if (this.stopped) return;
    await this.stop().catch(() => undefined);
    const err = error instanceof Error ? error : new Error(String(error));
    if (this.options.onError) this.options.onError(err);
    else console.error('event store subscription stopped:', err);
  }
}
