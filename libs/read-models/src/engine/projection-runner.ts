import { EventStore, QUARANTINED_EVENT_TYPE, RecordedEvent } from '@crm/event-store';
import { Filter, matcherOf, ReadStore, StoredDocument } from '@crm/read-store';
import { ProjectionDefinition } from '../projections/projection-definition';
import { catchUpTogether } from './catch-up-together';
import type { Following } from './follow-together';

export interface RunnerTarget {
  collection: string;
  checkpoint: string;
}

/** See ProjectionRunner.catchUpBatch. */
const KEPT_ON_DISK_BATCH = 10_000;

/** See RunnerOptions.liveLagMs. */
const LIVE_LAG_MS = 1_000;

/**
 * While events keep arriving, a commit waits until the time since the last one is this many times what that one
 * took: commits then take at most a fifth of the thread, however large the documents they rewrite.
 */
const COMMIT_SPACING = 4;

/**
 * Once live, a commit is made in parts of about this many milliseconds each (sized by what documents took to commit
 * lately), the event loop running between them: rewriting two hundred partnerships with their histories in one go
 * held every request up for 20 to 80 ms, when each commit still wrote the embedded file (it now goes to memory, the
 * file following in rounds of its own: embedded-read-store.ts; a MongoDB commit is still written in full). Not
 * smaller: a reader waits for every part, and requests are answered between them.
 */
const LIVE_PART_MS = 10;

/** The first part's size, before any has been timed. */
const FIRST_PART_DOCUMENTS = 32;

export interface RunnerOptions {
  /**
   * While catching up, events applied in memory before one commit. A commit writes every document changed since
   * the last one, and each is copied again on its next change: few large commits keep a rebuild fast and its
   * memory at about one copy of the documents; a crash loses at most this much progress.
   */
  catchUpBatch?: number;
  /** While catching up, events read from the log at a time (one page is shared by the runners catching up together). */
  catchUpPage?: number;
  /**
   * Once live, a commit follows each burst of events (at most this many). Bursts this large come only from bulk
   * writes (an import, the generator); like a catch-up batch they hold at most one copy of the documents they touch,
   * and each commit copies every touched document again, so small batches made the medium region's live build 2×
   * slower (generated while projected: 96 s at 20,000, 205 s at 1,000, peak RSS 1.5 and 1.8 GB).
   */
  liveBatch?: number;
  /**
   * Once live, how long events may wait uncommitted while more keep arriving (commands without a pause, a long
   * import) before a commit is made anyway, as often as COMMIT_SPACING allows. A reader waiting for a position
   * (`X-Min-Position`) that is applied has it committed as soon as that spacing allows. Default 1 s: a reader who does
   * not wait sees others' writes at most about that late, and documents rewritten less often cost commands less.
   */
  liveLagMs?: number;
  /** Milliseconds from any fixed origin (tests pass their own clock). Default: performance.now. */
  clock?: () => number;
  /**
   * After a failure, how long to wait before the runner restarts from its checkpoint (`attempt` counts from 1 since
   * the last success). Default: 250 ms doubling up to 30 s. `false`: no restart (a rebuild's runners, whose failure
   * ends the rebuild instead).
   */
  retryDelayMs?: ((attempt: number) => number) | false;
  /** A failure: the runner has stopped applying and will restart from its checkpoint. */
  onError?(error: Error): void;
  /** The failure reported last is gone: the runner has committed past it (or caught up with the log) since. */
  onRecovered?(): void;
}

/** 250 ms, 500 ms, 1 s, … up to 30 s. */
export const defaultRetryDelay = (attempt: number): number => Math.min(30_000, 250 * 2 ** Math.min(attempt - 1, 7));

type Draft = StoredDocument & { position: number };

/**
 * Runs one projection: catches up from its checkpoint (reading the log in pages, see catchUpTogether), then
 * subscribes to the log and follows it live; applies events to documents, and commits the documents and the
 * checkpoint together. Every document carries the position of the last event applied to it, so an event
 * delivered again (after a crash between apply and commit, or by an at-least-once subscription) is recognised
 * and skipped: nothing is counted twice.
 *
 * The runner works on drafts of the documents it changes and hands them to the store when it commits; the
 * store's documents are frozen, so a draft that is one is copied on its first change (once per document per
 * commit, not per event). A projection's documents are thus held once in memory, not twice.
 *
 * A failure (a commit the store refused, e.g. MongoDB or a collection kept on disk on a full disk; an event that
 * cannot be read or applied) halts the runner (the embedded store takes other commits into memory, and retries its
 * own refused writes to the file: see EmbeddedReadStore.commit): it applies and commits nothing more, drops its drafts, and after a backoff restarts from its checkpoint,
 * which the failed commit did not move. So the checkpoint never passes an event whose effect is not stored, and once
 * the cause is gone the documents equal a rebuild without anyone asking. The failure stays reported (`error`) until
 * the runner has committed past the event it failed at, or caught up with the log.
 */
export class ProjectionRunner {
  private committed = 0;
  private applied = 0;
  private pending = 0;
  private caughtUp = false;
  private readonly drafts = new Map<string, Draft | null>();
  private readonly dirty = new Set<string>();
  /** The live subscription it follows the log by, alone or with the runners it caught up with (followTogether). */
  private following?: Following;
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  /** When the oldest event not yet committed was applied (live), by `clock`; undefined when none waits. */
  private pendingSince?: number;
  /** When the last commit ended and how long it took, by `clock`. */
  private lastCommitEnd = -Infinity;
  private lastCommitMs = 0;
  /** What one document of a live commit took to commit lately (ms, by `clock`; a moving average over parts). */
  private msPerDocument?: number;
  private readonly waiters = new Set<{ position: number; resolve(reached: boolean): void }>();
  private caughtUpWaiters: (() => void)[] = [];
  private failure?: Error;
  /** The first position whose effect the failure left unstored; the failure is gone once committed up to it. */
  private failedAt = 0;
  /** Halted by a failure: nothing is applied or committed until the restart. */
  private halted = false;
  /** Counts restarts: deliveries meant for an earlier run (a page, a subscription) are ignored. */
  private runNumber = 0;
  private attempts = 0;
  private retryTimer?: NodeJS.Timeout;
  private readonly failureWaiters = new Set<(error: Error) => void>();
  private retryDelay: ((attempt: number) => number) | false;
  private stopped = false;
  /** The page or live event being applied: stop and restart wait for it. */
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    readonly definition: ProjectionDefinition,
    readonly target: RunnerTarget,
    private readonly options: RunnerOptions = {},
  ) {
    this.retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  }

  /** From now on, restarts after a failure with this backoff (a rebuilt generation that has become live). */
  retryAfterFailures(delay: (attempt: number) => number = defaultRetryDelay): void {
    this.retryDelay = delay;
  }

  /** Global position up to which this projection's documents are committed. */
  get position(): number {
    return this.committed;
  }

  get isCaughtUp(): boolean {
    // committed === applied: the last batch's commit may still be under way (see flushBehind).
    return this.caughtUp && this.pending === 0 && this.committed === this.applied && !this.halted;
  }

  get error(): Error | undefined {
    return this.failure;
  }

  /** Position of the last event applied (committed or not): where catching up goes on from. */
  get appliedPosition(): number {
    return this.applied;
  }

  /** Whether the runner applies nothing now: stopped by stop(), or halted by a failure until it restarts. */
  get isStopped(): boolean {
    return this.stopped || this.halted;
  }

  /** Which run of the runner this is (it restarts after a failure); work started for an earlier run is dropped. */
  get run(): number {
    return this.runNumber;
  }

  /** Catches up from the checkpoint and then follows the log; resolves once that has begun. */
  async start(): Promise<void> {
    await this.open();
    void catchUpTogether(this.events, [this], this.options.catchUpPage);
  }

  /** Reads the checkpoint: the runner goes on after it. */
  async open(): Promise<void> {
    this.committed = this.applied = await this.store.checkpoint(this.target.checkpoint);
  }

  /**
   * Applies a page of the log read while catching up (for run `run`); events at or before the runner's position
   * are skipped.
   */
  catchUp(page: readonly RecordedEvent[], run = this.runNumber): Promise<void> {
    if (run !== this.runNumber) return Promise.resolve();
    this.applying = (async () => {
      let event: RecordedEvent | undefined;
      try {
        for (event of page) {
          if (this.isStopped || run !== this.runNumber) return;
          const waiting = this.onEvent(event);
          if (waiting) await waiting;
        }
      } catch (error) {
        this.fail(error as Error, run, event?.position);
      }
    })();
    return this.applying;
  }

  /** Takes the live subscription that will deliver to it (see followTogether); one for an earlier run is left at once. */
  followBy(run: number, following: Following): void {
    if (this.isStopped || run !== this.runNumber) {
      void following.leave().catch(() => undefined);
      return;
    }
    this.following = following;
  }

  /** A live event, from the subscription it follows (for run `run`); a promise only when it has to wait. */
  receive(event: RecordedEvent, run: number): Promise<void> | void {
    if (this.isStopped || run !== this.runNumber) return;
    const waiting = this.onEvent(event);
    if (!waiting) return;
    // A failure is the subscription's to report (it calls fail); stop and restart only wait for it to end.
    this.applying = waiting.catch(() => undefined);
    return waiting;
  }

  /** The subscription has delivered everything in the log: caught up, once that is committed. */
  caughtUpLive(run: number): void {
    const current = () => run === this.runNumber && !this.isStopped;
    if (!current()) return;
    this.caughtUp = true;
    void this.flush().then(() => {
      if (!current()) return;
      this.recovered();
      for (const resolve of this.caughtUpWaiters.splice(0)) resolve();
    });
  }

  /**
   * Halts on an error (a failed read or commit, a projection that threw): nothing more is applied or committed, and
   * unless the runner is stopped it restarts from its checkpoint after a backoff. `at`: the position whose effect
   * the failure left unstored, when known.
   */
  fail(error: Error, run = this.runNumber, at = this.applied + 1): void {
    if (run !== this.runNumber || this.halted || this.stopped) return;
    this.halted = true;
    this.runNumber++;
    this.failure = error;
    this.failedAt = at;
    const following = this.following;
    this.following = undefined;
    void following?.leave().catch(() => undefined);
    this.options.onError?.(error);
    for (const reject of [...this.failureWaiters]) reject(error);
    const delay = this.retryDelay;
    if (delay !== false) this.retryTimer = setTimeout(() => void this.restart(), delay(++this.attempts));
  }

  /**
   * The log could not be read past the last event applied (e.g. a damaged event): what was applied is sound, so it is
   * committed before the runner halts, and the restart reads from just before the event that failed.
   */
  async failReading(error: Error, run = this.runNumber): Promise<void> {
    if (run !== this.runNumber || this.halted || this.stopped) return;
    await this.flush();
    this.fail(error, run);
  }

  /** Resolves once the projection has read and committed everything that was in the log when it started. */
  whenCaughtUp(): Promise<void> {
    if (this.isCaughtUp) return Promise.resolve();
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  /** Like whenCaughtUp, but rejects with the runner's next failure (a rebuild answers it instead of waiting for good). */
  caughtUpOrFailure(): Promise<void> {
    if (this.isCaughtUp) return Promise.resolve();
    if (this.halted && this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const onFailure = (error: Error) => {
        this.failureWaiters.delete(onFailure);
        reject(error);
      };
      this.failureWaiters.add(onFailure);
      void this.whenCaughtUp().then(() => {
        this.failureWaiters.delete(onFailure);
        resolve();
      });
    });
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
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.following?.leave();
    await this.applying;
    await this.flush();
    for (const waiter of [...this.waiters]) waiter.resolve(false);
  }

  /** After a failure: forgets every draft and catches up again from the checkpoint the store holds. */
  private async restart(): Promise<void> {
    await this.applying;
    await this.flushing;
    if (this.stopped) return;
    this.drafts.clear();
    this.dirty.clear();
    this.pending = 0;
    this.caughtUp = false;
    this.halted = false;
    const run = this.runNumber;
    try {
      await this.open();
    } catch (error) {
      this.fail(error as Error, run, this.failedAt);
      return;
    }
    void catchUpTogether(this.events, [this], this.options.catchUpPage);
  }

  private recovered(): void {
    if (!this.failure || this.halted) return;
    this.failure = undefined;
    this.attempts = 0;
    this.options.onRecovered?.();
  }

  /** Applies an event; returns a promise only when it has to wait (for the store, or for a commit). */
  private onEvent(event: RecordedEvent): Promise<void> | void {
    if (event.position <= this.applied) return;
    // A quarantined event (docs/operations.md) is passed over: it counts as read, and changes nothing.
    if (event.type === QUARANTINED_EVENT_TYPE) return this.advance(event);
    const id = this.definition.documentId(event);
    const filter = this.definition.relatedDocuments?.(event);
    // A document made by its event alone (oneDocumentPerEvent) has nothing stored to start from.
    const draft = id === undefined ? null : this.definition.oneDocumentPerEvent ? (this.drafts.get(id) ?? null) : this.drafts.get(id);
    if (filter || draft === undefined) return this.applyLoading(event, id, filter);
    if (id !== undefined) this.applyTo(id, draft, event);
    return this.advance(event);
  }

  /** The same, for an event whose documents are not all drafts yet. */
  private async applyLoading(event: RecordedEvent, id: string | undefined, filter: Filter | undefined): Promise<void> {
    for (const each of filter ? await this.documentsMatching(filter, id, event) : id === undefined ? [] : [id]) {
      const known = this.drafts.get(each);
      this.applyTo(each, known !== undefined ? known : await this.draftOf(each), event);
    }
    await this.advance(event);
  }

  /**
   * A collection kept on disk (keptOnDisk) gets a document per event that nothing reads again while
   * catching up: committed every KEPT_ON_DISK_BATCH events, it is not held in memory until the end of a rebuild.
   */
  private get catchUpBatch(): number {
    const batch = this.options.catchUpBatch ?? 2_000_000;
    return this.definition.keptOnDisk ? Math.min(batch, KEPT_ON_DISK_BATCH) : batch;
  }

  private applyTo(id: string, draft: Draft | null, event: RecordedEvent): void {
    if (draft && draft.position >= event.position) return;
    // A stored document is frozen and shared with readers: it is copied on its first change.
    const working = draft && Object.isFrozen(draft) ? (this.definition.copyForChange?.(draft) ?? structuredClone(draft)) : draft;
    const next = this.definition.apply(working ?? undefined, event) as Draft | undefined;
    this.drafts.set(id, next ?? null);
    this.dirty.add(id);
  }

  /** Counts the event as applied; commits when a catch-up batch is full, or soon once live. */
  private advance(event: RecordedEvent): Promise<void> | void {
    this.applied = event.position;
    this.pending++;
    if (!this.caughtUp) {
      if (this.pending >= this.catchUpBatch) return this.definition.keptOnDisk && this.definition.oneDocumentPerEvent ? this.flushBehind() : this.flush();
    } else if (this.pending >= (this.options.liveBatch ?? 20_000)) {
      return this.flush();
    } else {
      this.scheduleFlush();
    }
  }

  /**
   * `id` and the documents `filter` selects as they are now: the committed ones the store finds, unless there is a
   * draft of them, and the drafts that match (applied but not yet committed).
   */
  private async documentsMatching(filter: Filter, id: string | undefined, event: RecordedEvent): Promise<string[]> {
    const ids = new Set(id === undefined ? [] : [id]);
    for (const document of await this.store.find(this.target.collection, filter)) {
      if (!this.drafts.has(document._id)) ids.add(document._id);
    }
    const matches = matcherOf(filter);
    const { mayBeRelated } = this.definition;
    for (const [draftId, draft] of this.drafts) {
      if (draft && (!mayBeRelated || mayBeRelated(draft, event)) && matches(draft)) ids.add(draftId);
    }
    return [...ids];
  }

  private async draftOf(id: string): Promise<Draft | null> {
    const draft = (await this.store.get<Draft>(this.target.collection, id)) ?? null;
    this.drafts.set(id, draft);
    return draft;
  }

  /**
   * Live events that arrive together are committed together: once a turn of the event loop has passed without a new
   * one. A subscription hands over a large append (an import, the generator) a page at a time and lets the event loop
   * turn between pages; a commit per page rewrote every partnership the page touched, about 200 times over for the
   * medium region (generated while projected: 111 s, of which 34 s in commits).
   *
   * Events that never stop arriving (commands at a steady rate) would wait for a quiet turn for seconds, readers
   * asking for their own writes with them, and then be committed in one long stall. So a commit is also made when a
   * reader waits for a position already applied, or when events have waited `liveLagMs`; not sooner after the last
   * commit than COMMIT_SPACING times what it took.
   */
  private scheduleFlush(): void {
    this.pendingSince ??= this.now();
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    let seen = this.applied;
    const flushWhenQuiet = () => {
      if (this.applied !== seen && !this.halted && !this.stopped && !this.commitDue()) {
        seen = this.applied;
        setImmediate(flushWhenQuiet);
        return;
      }
      this.flushScheduled = false;
      void this.flush();
    };
    setImmediate(flushWhenQuiet);
  }

  /** While events keep arriving: whether a reader or the events' age calls for a commit that the spacing allows. */
  private commitDue(): boolean {
    const now = this.now();
    if (now - this.lastCommitEnd < this.lastCommitMs * COMMIT_SPACING) return false;
    if (this.pendingSince !== undefined && now - this.pendingSince >= (this.options.liveLagMs ?? LIVE_LAG_MS)) return true;
    for (const waiter of this.waiters) if (waiter.position <= this.applied) return true;
    return false;
  }

  /** Smoothed, so that one part held up by a garbage collection does not cut the next commits into slivers. */
  private noteCommitCost(msPerDocument: number): void {
    this.msPerDocument = this.msPerDocument === undefined ? msPerDocument : 0.7 * this.msPerDocument + 0.3 * msPerDocument;
  }

  /** A live commit's documents in parts of about LIVE_PART_MS each. */
  private liveParts<T>(upserts: T[]): T[][] {
    const perDocument = this.msPerDocument;
    const size = perDocument === undefined ? FIRST_PART_DOCUMENTS : perDocument > 0 ? Math.max(1, Math.floor(LIVE_PART_MS / perDocument)) : upserts.length;
    if (upserts.length <= size) return [upserts];
    const parts: T[][] = [];
    for (let at = 0; at < upserts.length; at += size) parts.push(upserts.slice(at, at + size));
    return parts;
  }

  private now(): number {
    return this.options.clock ? this.options.clock() : performance.now();
  }

  /**
   * While catching up, a full batch of a collection kept on disk with a document per event (the audit trail) is
   * committed behind the events that follow: they are applied while the store writes it (in a worker thread: a third
   * of a rebuild's main thread when it was written here), and wait only while the batch before is still being
   * written. One commit under way, one waiting. Only there: such documents are made by their event alone and never
   * changed after, so nothing applied meanwhile reads or changes a document of the batch under way (a projection
   * whose events change documents found by a query would miss those of a batch between its find and its commit).
   */
  private flushBehind(): Promise<void> {
    const before = this.flushing;
    void this.flush();
    return before;
  }

  private flush(): Promise<void> {
    const run = this.runNumber;
    this.flushing = this.flushing.then(() => this.commitPending()).catch((error: Error) => this.fail(error, run));
    return this.flushing;
  }

  private async commitPending(): Promise<void> {
    if (this.pending === 0 || this.halted) return;
    const run = this.runNumber;
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
    this.pendingSince = undefined;
    const checkpoints = { [this.target.checkpoint]: position };
    const parts = this.caughtUp ? this.liveParts(upserts) : [upserts];
    let spent = 0;
    try {
      for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        const started = this.now();
        // Handed over: the embedded store keeps the drafts themselves (frozen) instead of copies. The checkpoint moves
        // with the last part only: a document committed ahead of it carries its own position (see applyTo).
        await this.store.commit({ upserts: part, deletes: last ? deletes : [], checkpoints: last ? checkpoints : {}, handOver: true });
        const took = this.now() - started;
        spent += took;
        if (this.caughtUp && part.length > 0) this.noteCommitCost(took / part.length);
        if (last) break;
        await new Promise(setImmediate);
        if (run !== this.runNumber) return;
      }
      this.lastCommitEnd = this.now();
      this.lastCommitMs = spent;
    } catch (error) {
      // The checkpoint has not moved: the restart applies the batch again (what an earlier part stored is skipped by
      // the positions its documents carry).
      this.fail(error as Error, run, this.committed + 1);
      return;
    }
    this.committed = position;
    if (position >= this.failedAt) this.recovered();
    // The store holds what was committed; drafts changed since (while the commit was under way) stay.
    for (const id of this.drafts.keys()) if (!this.dirty.has(id)) this.drafts.delete(id);
    for (const waiter of [...this.waiters]) if (waiter.position <= position) waiter.resolve(true);
  }
}
