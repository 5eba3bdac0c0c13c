import { ReadStore } from '@crm/read-store';
import { ProjectionDefinition } from '../projections/projection-definition';
import { ProjectionStatus } from './projection-engine';
import { generationOf, targetOf } from './generations';
import { ProjectionsView, REBUILD_REQUEST_KEY } from './projections-view';

const REFRESH_MS = 100;

/**
 * The projections as an API process sees them when the projector runs elsewhere (production): the live
 * generation and checkpoint of each projection are read from the read store, refreshed every 100 ms.
 */
export class RemoteProjections implements ProjectionsView {
  private readonly live = new Map<string, { generation: number; position: number }>();
  private timer?: NodeJS.Timeout;
  private rebuildRequested = false;

  constructor(
    private readonly store: ReadStore,
    private readonly definitions: readonly ProjectionDefinition[],
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
  }

  collection(name: string): string {
    const definition = this.definitions.find((d) => d.name === name);
    const live = this.live.get(name);
    if (!definition || !live) throw new Error(`unknown projection ${name}`);
    return targetOf(definition, live.generation).collection;
  }

  get position(): number {
    return Math.min(...[...this.live.values()].map((live) => live.position));
  }

  get isRebuilding(): boolean {
    return this.rebuildRequested;
  }

  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.position < position) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await this.refresh();
    }
    return true;
  }

  status(): ProjectionStatus[] {
    return this.definitions.map((definition) => {
      const live = this.live.get(definition.name) ?? { generation: 1, position: 0 };
      return { name: definition.name, generation: live.generation, position: live.position, caughtUp: false };
    });
  }

  async rebuild(): Promise<void> {
    await this.store.setMeta(REBUILD_REQUEST_KEY, new Date().toISOString());
    this.rebuildRequested = true;
  }

  private async refresh(): Promise<void> {
    for (const definition of this.definitions) {
      const { generation } = generationOf(await this.store.getMeta(`projection:${definition.name}`));
      const position = await this.store.checkpoint(targetOf(definition, generation).checkpoint);
      this.live.set(definition.name, { generation, position });
    }
    this.rebuildRequested = Boolean(await this.store.getMeta(REBUILD_REQUEST_KEY));
  }
}
