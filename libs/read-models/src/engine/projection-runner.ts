import { EventStore, RecordedEvent, Subscription } from '@crm/event-store';
import { ReadStore, StoredDocument } from '@crm/read-store';
import { ProjectionDefinition } from '../projections/projection-definition';

export interface RunnerTarget {
  collection: string;
  checkpoint: string;
}

export interface RunnerOptions {
  /** While catching up, events applied in memory before one commit: few large commits keep a rebuild fast. */
  catchUpBatch?: number;
  /** Once live, a commit follows each burst of events (at most this many). */
  liveBatch?: number;
  onError?(error: Error): void;
}

type Draft = StoredDocument & { position: number };

/**
 * Runs one projection: subscribes to the log after its checkpoint, applies events to documents, and commits
 * the documents and the checkpoint together. Every document carries the position of the last event applied
 * to it, so an event delivered again (after a crash between apply and commit, or by an at-least-once
 * subscription) is recognised and skipped: nothing is counted twice.
 */
export class ProjectionRunner {
  private committed = 0;
  private applied = 0;
  private pending = 0;
  private caughtUp = false;
  private readonly drafts = new Map<string, Draft | null>();
  private readonly dirty = new Set<string>();
  private subscription?: Subscription;
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private readonly waiters = new Set<{ position: number; resolve(reached: boolean): void }>();
  private caughtUpWaiters: (() => void)[] = [];
  private failure?: Error;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    readonly definition: ProjectionDefinition,
    readonly target: RunnerTarget,
    private readonly options: RunnerOptions = {},
  ) {}

  /** Global position up to which this projection's documents are committed. */
  get position(): number {
    return this.committed;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp && this.pending === 0;
  }

  get error(): Error | undefined {
    return this.failure;
  }

  async start(): Promise<void> {
    this.committed = this.applied = await this.store.checkpoint(this.target.checkpoint);
    this.subscription = this.events.subscribe({
      from: this.committed,
      onEvent: (event) => this.onEvent(event),
      onCaughtUp: () => {
        this.caughtUp = true;
        void this.flush().then(() => {
          for (const resolve of this.caughtUpWaiters.splice(0)) resolve();
        });
      },
      onError: (error) => {
        this.failure = error;
        this.options.onError?.(error);
      },
    });
  }

  /** Resolves once the projection has read and committed everything that was in the log when it started. */
  whenCaughtUp(): Promise<void> {
    if (this.caughtUp && this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  /** Resolves true once documents are committed up to `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.committed >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.flush();
    for (const waiter of [...this.waiters]) waiter.resolve(false);
  }

  private async onEvent(event: RecordedEvent): Promise<void> {
    if (event.position <= this.applied) return;
    for (const id of await this.documentsOf(event)) {
      const draft = await this.draftOf(id);
      if (!draft || draft.position < event.position) {
        const next = this.definition.apply(draft ?? undefined, event) as Draft | undefined;
        this.drafts.set(id, next ?? null);
        this.dirty.add(id);
      }
    }
    this.applied = event.position;
    this.pending++;
    if (!this.caughtUp) {
      if (this.pending >= (this.options.catchUpBatch ?? 50_000)) await this.flush();
    } else if (this.pending >= (this.options.liveBatch ?? 1_000)) {
      await this.flush();
    } else {
      this.scheduleFlush();
    }
  }

  private async documentsOf(event: RecordedEvent): Promise<string[]> {
    const id = this.definition.documentId(event);
    const filter = this.definition.relatedDocuments?.(event);
    if (!filter) return id === undefined ? [] : [id];
    // The query sees the store, so everything applied so far is committed first (the drafts then equal the store).
    await this.flush();
    const related = await this.store.find(this.target.collection, filter);
    return [...new Set([...(id === undefined ? [] : [id]), ...related.map((document) => document._id)])];
  }

  private async draftOf(id: string): Promise<Draft | null> {
    const cached = this.drafts.get(id);
    if (cached !== undefined) return cached;
    // Stored documents are read-only; the runner works on its own copy.
    const stored = await this.store.get<Draft>(this.target.collection, id);
    const draft = stored ? structuredClone(stored) : null;
    this.drafts.set(id, draft);
    return draft;
  }

  /** Live events that arrive together are committed together, on the next turn of the event loop. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.commitPending()).catch((error: Error) => {
      this.failure = error;
      this.options.onError?.(error);
    });
    return this.flushing;
  }

  private async commitPending(): Promise<void> {
    if (this.pending === 0) return;
    const position = this.applied;
    const upserts: { collection: string; document: StoredDocument }[] = [];
    const deletes: { collection: string; id: string }[] = [];
    for (const id of this.dirty) {
      const draft = this.drafts.get(id);
      if (draft) upserts.push({ collection: this.target.collection, document: draft });
      else deletes.push({ collection: this.target.collection, id });
    }
    this.dirty.clear();
    this.pending = 0;
    await this.store.commit({ upserts, deletes, checkpoints: { [this.target.checkpoint]: position } });
    this.committed = position;
    for (const waiter of [...this.waiters]) if (waiter.position <= position) waiter.resolve(true);
  }
}
