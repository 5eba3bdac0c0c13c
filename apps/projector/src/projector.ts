import { EventStore } from '@crm/event-store';
import { ALL_PROJECTIONS, ProjectionEngine, REBUILD_REQUEST_KEY } from '@crm/read-models';
import { ReadStore } from '@crm/read-store';

const TICK_MS = 1000;

/** What the projector logs with (pino's Logger has it). */
export interface ProjectorLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * The projector of production mode: runs every projection against the shared read store, and rebuilds them
 * when an API instance asks (POST /admin/projections/rebuild sets REBUILD_REQUEST_KEY). Each projection resumes
 * after its committed checkpoint; once a second it logs how far it has got (`projected`, when that moved).
 */
export class Projector {
  private readonly engine: ProjectionEngine;
  private timer?: NodeJS.Timeout;
  private reported = -1;
  private stopping = false;
  /** A tick waits for the file (saved); the next one is skipped until it is done. */
  private ticking = false;

  constructor(
    events: EventStore,
    private readonly store: ReadStore,
    private readonly log: ProjectorLog,
    /** A projection stopped on an error (the projector process then restarts, resuming from the checkpoints). */
    onFailure: (error: Error) => void = () => undefined,
  ) {
    this.engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, {
      onError: (error) => {
        log.error({ err: error }, `projection failed: ${error.message}`);
        onFailure(error);
      },
    });
  }

  get position(): number {
    return this.engine.position;
  }

  /** Starts every projection from its checkpoint; resolves once they run (catching up goes on in the background). */
  async start(): Promise<void> {
    await this.engine.start();
    this.reported = this.engine.position;
    this.log.info(
      { position: this.engine.position, projections: this.engine.status().map(({ name, generation, position }) => ({ name, generation, position })) },
      `resuming from checkpoint ${this.engine.position}`,
    );
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    void this.engine.whenCaughtUp().then(async () => {
      const position = this.engine.position;
      if (!(await this.isSaved())) return;
      this.reported = Math.max(this.reported, position);
      this.log.info({ position }, `projections caught up at position ${position}`);
    });
  }

  /** Stops reading, commits what was applied, so a restart resumes exactly after the last committed event. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.engine.stop();
  }

  /** The positions it logs are on disk: a projector killed after one resumes from there or later. */
  private async isSaved(): Promise<boolean> {
    try {
      await this.store.saved();
      return !this.stopping;
    } catch (error) {
      if (this.stopping) return false;
      this.log.warn({ err: error }, `read models not saved: ${(error as Error).message}`);
      return false;
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const position = this.engine.position;
      if (position > this.reported && (await this.isSaved()) && position > this.reported) {
        this.reported = position;
        this.log.info({ position }, 'projected');
      }
      await this.rebuildIfAsked().catch((error: Error) => this.log.error({ err: error }, `rebuild failed: ${error.message}`));
    } finally {
      this.ticking = false;
    }
  }

  private async rebuildIfAsked(): Promise<void> {
    if (this.engine.isRebuilding || !(await this.store.getMeta(REBUILD_REQUEST_KEY))) return;
    this.log.info({}, 'rebuild requested');
    await this.engine.rebuild();
    await this.store.setMeta(REBUILD_REQUEST_KEY, '');
    this.log.info({ position: this.engine.position }, `rebuild live at position ${this.engine.position}`);
  }
}
