import { Lease } from '@crm/lease';

export interface LeaseKeeperOptions {
  lease: Lease;
  /** The lease's name: one active holder per name. */
  name: string;
  /** Who this process is (host, pid, a random part): never shared by two processes. */
  holder: string;
  /** How long the lease lasts after each renewal; a standby takes over this long after the holder's last renewal. */
  ttlMs: number;
  /** Called once, at once, when the lease is (or may be) lost: the holder must stop applying events. */
  onLost(reason: string): void;
  /** Warnings (a renewal that failed but left time to retry). */
  warn(message: string): void;
  /** A monotonic clock in ms (tests pass their own). */
  now?: () => number;
}

/**
 * Holds a lease for the active projector: takes it, renews it every third of its time-to-live, and declares it lost
 * — before it can have run out in the store — when a renewal is refused (someone else holds it) or when renewals have
 * failed for so long that it could have expired. `holds` is checked before every write to the read models, so a
 * holder that was paused past its expiry (GC, SIGSTOP, a slow disk) cannot commit after a standby took over.
 *
 * Validity is counted from the moment each acquire call *started*, on this process's monotonic clock, so it never
 * outlasts the expiry the store wrote, which was computed later. The margin absorbs the difference between clocks
 * (SQLite: one machine, one clock; MongoDB: the clocks of the projector hosts, which must stay well within it).
 */
export class LeaseKeeper {
  private validUntil = -Infinity;
  private timer?: NodeJS.Timeout;
  private renewing = false;
  private lost = false;
  private readonly now: () => number;

  constructor(private readonly options: LeaseKeeperOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** How often the lease is renewed, and how often a standby tries to take it. */
  get renewEveryMs(): number {
    return Math.max(50, Math.floor(this.options.ttlMs / 3));
  }

  /** How long before the lease's expiry this holder stops counting on it. */
  get marginMs(): number {
    return Math.max(25, Math.floor(this.options.ttlMs / 6));
  }

  /** True while the lease certainly holds: renewed recently enough that it cannot have expired in the store. */
  get holds(): boolean {
    return !this.lost && this.now() < this.validUntil - this.marginMs;
  }

  /** One attempt to take (or extend) the lease. */
  async tryAcquire(): Promise<boolean> {
    const started = this.now();
    const { lease, name, holder, ttlMs } = this.options;
    const won = await lease.acquire(name, holder, ttlMs);
    if (won) this.validUntil = started + ttlMs;
    return won;
  }

  /** Renews every `renewEveryMs` until stopped or lost. */
  startRenewing(): void {
    this.timer ??= setInterval(() => void this.renew(), this.renewEveryMs);
  }

  /** Stops renewing and gives the lease up, so a standby takes over at once rather than after the expiry. */
  async release(): Promise<void> {
    this.stopRenewing();
    if (this.lost) return;
    this.lost = true;
    await this.options.lease.release(this.options.name, this.options.holder);
  }

  stopRenewing(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Marks the lease lost (once) and tells the holder. */
  declareLost(reason: string): void {
    if (this.lost) return;
    this.lost = true;
    this.stopRenewing();
    this.options.onLost(reason);
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    if (!this.holds) {
      this.declareLost(`not renewed within ${this.options.ttlMs - this.marginMs} ms`);
      return;
    }
    if (this.renewing) return; // a slow renewal is still running; the check above bounds how long it may take
    this.renewing = true;
    try {
      if (!(await this.tryAcquire())) this.declareLost('another projector holds the lease');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.holds) this.options.warn(`lease renewal failed, retrying: ${message}`);
      else this.declareLost(`lease renewal failed: ${message}`);
    } finally {
      this.renewing = false;
    }
  }
}
