import { EventStore } from '@crm/event-store';
import { ALL_PROJECTIONS, ProjectionEngine, REBUILD_REQUEST_KEY } from '@crm/read-models';
import { ReadStore } from '@crm/read-store';

const REBUILD_POLL_MS = 1000;

/**
 * The projector of production mode: runs every projection against the shared read store, and rebuilds them
 * when an API instance asks (POST /admin/projections/rebuild sets REBUILD_REQUEST_KEY).
 */
export class Projector {
  private readonly engine: ProjectionEngine;
  private timer?: NodeJS.Timeout;

  constructor(
    events: EventStore,
    private readonly store: ReadStore,
    private readonly log: (line: string) => void,
  ) {
    this.engine = new ProjectionEngine(events, store, ALL_PROJECTIONS, { onError: (error) => log(`projection failed: ${error.message}`) });
  }

  async start(): Promise<void> {
    await this.engine.start();
    this.timer = setInterval(() => void this.rebuildIfAsked(), REBUILD_POLL_MS);
    await this.engine.whenCaughtUp();
    this.log(`projections caught up at position ${this.engine.position}`);
  }

  /** Stops reading, commits what was applied, so a restart resumes exactly after the last committed event. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.engine.stop();
  }

  private async rebuildIfAsked(): Promise<void> {
    if (this.engine.isRebuilding || !(await this.store.getMeta(REBUILD_REQUEST_KEY))) return;
    this.log('rebuild requested');
    await this.engine.rebuild();
    await this.store.setMeta(REBUILD_REQUEST_KEY, '');
    this.log(`rebuild live at position ${this.engine.position}`);
  }
}
