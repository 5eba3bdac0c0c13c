import { EventStore } from '@crm/event-store';
import { ReadStore } from '@crm/read-store';
import { ProjectionDefinition } from '../projections/projection-definition';
import { catchUpTogether } from './catch-up-together';
import { generationKey as metaKey, generationOf, targetOf } from './generations';
import { defaultRetryDelay, ProjectionRunner, RunnerOptions } from './projection-runner';
import { ProjectionsView } from './projections-view';


export interface ProjectionStatus {
  name: string;
  generation: number;
  position: number;
  caughtUp: boolean;
  rebuilding?: { generation: number; position: number };
  error?: string;
}

/**
 * How long an old generation stays after a rebuild switched to the new one: API processes elsewhere read the live
 * generation every 100 ms (RemoteProjections), and a query already running (an export of every partnership) reads
 * the collection it started on until it ends.
 */
export const OLD_GENERATION_GRACE_MS = 60_000;

export interface EngineOptions extends RunnerOptions {
  /**
   * Resolves when no reader can still be reading an old generation (after `stopped` resolves, it may never):
   * default OLD_GENERATION_GRACE_MS. Tests pass a gate they open themselves.
   */
  oldGenerationGrace?: (stopped: Promise<void>) => Promise<void>;
}

/**
 * Keeps every projection running, each in a numbered generation of its collection. A rebuild builds the next
 * generation from position 0 beside the live one, which keeps answering queries; when the new one has caught
 * up it becomes live, and the old one is dropped after a grace period for readers still on it (also at the next
 * start, should the process stop before). A projection whose definition version changed is rebuilt
 * the same way at start.
 */
export class ProjectionEngine implements ProjectionsView {
  private readonly live = new Map<string, { generation: number; runner: ProjectionRunner }>();
  private readonly building = new Map<string, { generation: number; runner: ProjectionRunner }>();
  private rebuilding?: Promise<void>;
  /** Old generations waiting out their grace period before they are dropped. */
  private readonly retiring = new Set<Promise<void>>();
  private hasStopped = false;
  private stopping!: () => void;
  private readonly stopped = new Promise<void>((resolve) => (this.stopping = resolve));

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    private readonly definitions: readonly ProjectionDefinition[],
    private readonly options: EngineOptions = {},
  ) {}

  /** Starts every projection from its checkpoint; resolves once they run (catching up goes on in the background). */
  async start(): Promise<void> {
    const outdated: ProjectionDefinition[] = [];
    for (const definition of this.definitions) {
      const { generation, version } = generationOf(await this.store.getMeta(metaKey(definition.name)));
      if (!version) await this.store.setMeta(metaKey(definition.name), `${generation}:${definition.version}`);
      else if (version !== definition.version) outdated.push(definition);
      const runner = this.runner(definition, generation);
      await this.ensureIndexes(runner);
      await runner.open();
      this.live.set(definition.name, { generation, runner });
      // The generation before the live one, in case a process stopped during its grace period: dropped after one.
      if (generation > 1) this.retire(targetOf(definition, generation - 1));
    }
    void this.catchUp([...this.live.values()].map(({ runner }) => runner));
    if (outdated.length > 0) void this.rebuild(outdated).catch((error: Error) => this.options.onError?.(error));
  }

  /** The collection queries read for a projection: its live generation. */
  collection(name: string): string {
    const entry = this.live.get(name);
    if (!entry) throw new Error(`unknown projection ${name}`);
    return entry.runner.target.collection;
  }

  /** The position up to which every live projection is committed. */
  get position(): number {
    return Math.min(...[...this.live.values()].map(({ runner }) => runner.position));
  }

  /** Read-your-writes: true once every live projection has committed `position`, false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const reached = await Promise.all([...this.live.values()].map(({ runner }) => runner.waitFor(position, timeoutMs)));
    return reached.every(Boolean);
  }

  whenCaughtUp(): Promise<void> {
    return Promise.all([...this.live.values()].map(({ runner }) => runner.whenCaughtUp())).then(() => undefined);
  }

  /** Like whenCaughtUp, but rejects with the first failure of a projection (which then retries on its own). */
  caughtUpOrFailure(): Promise<void> {
    return Promise.all([...this.live.values()].map(({ runner }) => runner.caughtUpOrFailure())).then(() => undefined);
  }

  status(): ProjectionStatus[] {
    return this.definitions.map((definition) => {
      const { generation, runner } = this.live.get(definition.name)!;
      const next = this.building.get(definition.name);
      return {
        name: definition.name,
        generation,
        position: runner.position,
        caughtUp: runner.isCaughtUp,
        ...(next && { rebuilding: { generation: next.generation, position: next.runner.position } }),
        ...(runner.error && { error: runner.error.message }),
      };
    });
  }

  /**
   * Rebuilds projections from position 0 into new generations while the live ones keep serving.
   * Resolves when the new generations are live. A rebuild already running is joined, not started twice.
   * A failure of any new generation (a damaged event, a store that refuses the commit) ends the rebuild: its new
   * generations are dropped, the live ones stay, and the promise rejects with that error (a rebuild never hangs).
   */
  rebuild(definitions: readonly ProjectionDefinition[] = this.definitions): Promise<void> {
    this.rebuilding ??= this.rebuildNow(definitions).finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  get isRebuilding(): boolean {
    return this.rebuilding !== undefined;
  }

  /** Stops the projections; an old generation still in its grace period is left for the next start to drop. */
  async stop(): Promise<void> {
    this.hasStopped = true;
    this.stopping();
    await Promise.all([...this.building.values(), ...this.live.values()].map(({ runner }) => runner.stop()));
    await this.whenRetired();
  }

  /** Resolves once the old generations waiting out their grace period are dropped (or left, after stop). */
  async whenRetired(): Promise<void> {
    while (this.retiring.size > 0) await Promise.all([...this.retiring]);
  }

  private async rebuildNow(definitions: readonly ProjectionDefinition[]): Promise<void> {
    const next = await Promise.all(
      definitions.map(async (definition) => {
        const generation = this.live.get(definition.name)!.generation + 1;
        // No restart on a failure: the rebuild ends with it instead (see rebuild).
        const runner = this.runner(definition, generation, { retryDelayMs: false });
        await this.store.drop([runner.target.collection], [runner.target.checkpoint]);
        await this.ensureIndexes(runner);
        await runner.open();
        this.building.set(definition.name, { generation, runner });
        return { definition, generation, runner };
      }),
    );
    void this.catchUp(next.map(({ runner }) => runner));
    try {
      await Promise.all(next.map(({ runner }) => runner.caughtUpOrFailure()));
    } catch (error) {
      await this.abandon(next.map(({ definition }) => definition.name));
      throw error;
    }
    const old = await Promise.all(
      next.map(async ({ definition, generation, runner }) => {
        const replaced = this.live.get(definition.name)!;
        runner.retryAfterFailures(this.options.retryDelayMs || undefined);
        this.live.set(definition.name, { generation, runner });
        this.building.delete(definition.name);
        await replaced.runner.stop();
        return replaced.runner.target;
      }),
    );
    // Queries are answered from the new generations now; the file names them live only once their documents are in
    // it (the embedded store writes them in rounds): a crash before that restarts on the old ones, whole at their
    // checkpoints. A refused write (a full disk) is tried again until it succeeds; stopped first, the file keeps the old.
    if (!(await this.savedUnlessStopped())) return;
    await Promise.all(next.map(({ definition, generation }) => this.store.setMeta(metaKey(definition.name), `${generation}:${definition.version}`)));
    for (const target of old) this.retire(target);
  }

  private async savedUnlessStopped(): Promise<boolean> {
    for (let attempt = 1; !this.hasStopped; attempt++) {
      try {
        await this.store.saved();
        return true;
      } catch (error) {
        this.options.onError?.(error as Error);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, defaultRetryDelay(attempt)))), this.stopped]);
        clearTimeout(timer);
      }
    }
    return false;
  }

  /** Drops an old generation once no reader can still be on it (see OLD_GENERATION_GRACE_MS), unless stopped first. */
  private retire(target: { collection: string; checkpoint: string }): void {
    const grace = this.options.oldGenerationGrace ?? graceOf(OLD_GENERATION_GRACE_MS);
    const retiring = (async () => {
      await Promise.race([grace(this.stopped), this.stopped]);
      if (!this.hasStopped) await this.store.drop([target.collection], [target.checkpoint]);
    })()
      .catch((error: Error) => this.options.onError?.(error))
      .finally(() => this.retiring.delete(retiring));
    this.retiring.add(retiring);
  }

  /** Stops and drops the generations being built for these projections. */
  private async abandon(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const entry = this.building.get(name);
      if (!entry) continue;
      this.building.delete(name);
      await entry.runner.stop();
      await this.store.drop([entry.runner.target.collection], [entry.runner.target.checkpoint]).catch(() => undefined);
    }
  }

  /** The runners read the log together until they have caught up, then each follows it on its own. */
  private catchUp(runners: ProjectionRunner[]): Promise<void> {
    return catchUpTogether(this.events, runners, this.options.catchUpPage);
  }

  private async ensureIndexes(runner: ProjectionRunner): Promise<void> {
    const { indexes } = runner.definition;
    if (indexes) await this.store.ensureIndexes({ [runner.target.collection]: indexes });
  }

  private runner(definition: ProjectionDefinition, generation: number, options: RunnerOptions = {}): ProjectionRunner {
    return new ProjectionRunner(this.events, this.store, definition, targetOf(definition, generation), { ...this.options, ...options });
  }
}

/** Waits `ms`, or less when stopped (the timer then keeps no process alive). */
function graceOf(ms: number): (stopped: Promise<void>) => Promise<void> {
  return (stopped) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void stopped.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
}
