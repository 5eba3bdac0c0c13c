import { Lease } from '@crm/lease';
import { LeaseKeeper } from './lease-keeper';
import { LeaseLostError } from './lease-guarded-read-store';
import { ProjectorLog } from './projector';

/** The lease every projector of one deployment competes for. */
export const PROJECTOR_LEASE = 'projector';

/** Exit code after losing the lease (EX_TEMPFAIL): the orchestrator restarts the process, which comes back as a standby. */
export const EXIT_LEASE_LOST = 75;

/** A running projector: `stop()` commits what it applied (the checkpoints) and closes its stores. */
export interface Activation {
  stop(): Promise<void>;
}

export interface ActivationContext {
  /** Throws LeaseLostError (and ends the process) once the lease can no longer be counted on: call before every write. */
  assertHeld(): void;
  /** Whether the lease still certainly holds. */
  holds(): boolean;
  /** Whether the process is shutting down (stop waiting for anything). */
  stopping(): boolean;
  /** The lease's name and this process's holder id, for a store that checks the lease itself (fencing). */
  lease: string;
  holder: string;
}

export interface ProjectorProcessOptions {
  lease: Lease;
  holder: string;
  ttlMs: number;
  log: ProjectorLog;
  /** Opens the stores and starts projecting. Called only once the lease is held, never before. */
  activate(context: ActivationContext): Promise<Activation>;
  /** Ends the process at once, without flushing anything (after the lease is lost). */
  exit(code: number): void;
  name?: string;
  now?: () => number;
}

/**
 * One projector process: standby until it holds the lease, then active — it opens the stores only then (the embedded
 * read store admits one process at a time), renews the lease every third of its TTL, and stops at once, without
 * another write, when the lease is lost. A standby tries to take the lease as often as the holder renews it, so it
 * takes over at most TTL + TTL/3 after the holder's last renewal (SIGKILL, crash, lost network). A graceful stop
 * (SIGTERM) commits the checkpoints, closes the stores and releases the lease, so a standby takes over at once.
 */
export class ProjectorProcess {
  readonly keeper: LeaseKeeper;
  private state: 'starting' | 'standby' | 'active' | 'stopping' = 'starting';
  private activation?: Promise<Activation>;
  private stopped?: Promise<void>;
  private wake?: () => void;
  private readonly name: string;

  constructor(private readonly options: ProjectorProcessOptions) {
    this.name = options.name ?? PROJECTOR_LEASE;
    this.keeper = new LeaseKeeper({
      lease: options.lease,
      name: this.name,
      holder: options.holder,
      ttlMs: options.ttlMs,
      now: options.now,
      onLost: (reason) => this.leaseLost(reason),
      warn: (message) => options.log.warn({ holder: options.holder }, message),
    });
  }

  get isActive(): boolean {
    return this.state === 'active';
  }

  /** Waits as a standby until the lease is won, then starts projecting. Resolves once active (or stopped first). */
  async run(): Promise<void> {
    const { log, holder, ttlMs } = this.options;
    while (this.state !== 'stopping') {
      let won = false;
      try {
        won = await this.keeper.tryAcquire();
      } catch (error) {
        log.warn({ holder, err: error }, `lease store not reachable: ${(error as Error).message}`);
      }
      if (won) break;
      if (this.state === 'starting') {
        this.state = 'standby';
        log.info({ holder, lease: this.name, ttlMs }, 'standby');
      }
      await this.sleep(this.keeper.renewEveryMs);
    }
    if (this.state === 'stopping') return;
    this.state = 'active';
    log.info({ holder, lease: this.name, ttlMs, renewEveryMs: this.keeper.renewEveryMs }, 'lease acquired');
    this.keeper.startRenewing();
    this.activation = this.options.activate({
      assertHeld: () => this.assertHeld(),
      holds: () => this.keeper.holds,
      stopping: () => this.state === 'stopping',
      lease: this.name,
      holder,
    });
    await this.activation;
  }

  /** Graceful stop: a standby just stops; the active projector commits its checkpoints, closes, releases the lease. */
  stop(reason: string): Promise<void> {
    this.stopped ??= this.stopNow(reason);
    return this.stopped;
  }

  private async stopNow(reason: string): Promise<void> {
    const { log, holder } = this.options;
    const wasActive = this.state === 'active';
    this.state = 'stopping';
    this.wake?.();
    log.info({ holder, reason }, `stopping (${reason})`);
    if (!wasActive) return;
    const active = await this.activation?.catch(() => undefined);
    try {
      if (active) {
        await active.stop();
        log.info({ holder }, 'checkpoints flushed');
      }
    } finally {
      await this.keeper.release();
      log.info({ holder }, 'lease released');
    }
  }

  private leaseLost(reason: string): void {
    this.options.log.error({ holder: this.options.holder, reason }, 'lease lost: stopping at once');
    this.options.exit(EXIT_LEASE_LOST);
  }

  private assertHeld(): void {
    if (this.keeper.holds) return;
    this.keeper.declareLost('the lease could have run out before this write');
    throw new LeaseLostError();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
