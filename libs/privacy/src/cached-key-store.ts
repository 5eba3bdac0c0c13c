import { KeyLookup, KeyStore, SubjectErasedError } from './key-store.port';

export interface KeyCacheOptions {
  /**
   * How long an active key is reused without asking the store again. Bounds how long another process (a projector)
   * could still decrypt after an erasure elsewhere; it stops at once when it reads the PersonErased event.
   */
  ttlMs?: number;
  /** Most keys held at once; the longest held go first. */
  maxEntries?: number;
}

type Entry = { lookup: Exclude<KeyLookup, { status: 'absent' }>; expiresAt: number };

/**
 * Keeps keys in memory so that a replay or a busy read path does not ask the store (a round trip on MongoDB) for
 * every event. Destructions are remembered for good (a tombstone never comes back); absent keys are not cached.
 */
export class CachedKeyStore implements KeyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly destroyListeners = new Set<(subjectId: string) => void>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly inner: KeyStore,
    options: KeyCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const cached = this.cached(subjectId);
    if (cached?.status === 'active') return cached.key;
    if (cached?.status === 'destroyed') throw new SubjectErasedError(subjectId);
    try {
      const key = await this.inner.getOrCreate(subjectId);
      this.remember(subjectId, { status: 'active', key });
      return key;
    } catch (error) {
      if (error instanceof SubjectErasedError) await this.refresh(subjectId);
      throw error;
    }
  }

  async get(subjectId: string): Promise<KeyLookup> {
    const cached = this.cached(subjectId);
    if (cached) return cached;
    const lookup = await this.inner.get(subjectId);
    if (lookup.status !== 'absent') this.remember(subjectId, lookup);
    return lookup;
  }

  async destroy(subjectId: string): Promise<void> {
    this.entries.delete(subjectId);
    await this.inner.destroy(subjectId);
    await this.refresh(subjectId);
    for (const listener of this.destroyListeners) listener(subjectId);
  }

  /** Called after each destroy through this store, so holders of material derived from a key can drop it. */
  onDestroy(listener: (subjectId: string) => void): void {
    this.destroyListeners.add(listener);
  }

  /**
   * What this process already knows of the subject's key, without asking the store; undefined when that takes a lookup.
   * `now` (Date.now()) may be given by a caller peeking at many subjects at once.
   */
  peek(subjectId: string, now = Date.now()): KeyLookup | undefined {
    return this.cached(subjectId, now);
  }

  close(): Promise<void> {
    this.entries.clear();
    return this.inner.close();
  }

  private async refresh(subjectId: string): Promise<void> {
    const lookup = await this.inner.get(subjectId);
    if (lookup.status !== 'absent') this.remember(subjectId, lookup);
  }

  private cached(subjectId: string, now = Date.now()): Entry['lookup'] | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    if (entry.expiresAt < now) {
      this.entries.delete(subjectId);
      return undefined;
    }
    return entry.lookup;
  }

  private remember(subjectId: string, lookup: Entry['lookup']): void {
    this.entries.delete(subjectId);
    this.entries.set(subjectId, { lookup, expiresAt: lookup.status === 'destroyed' ? Infinity : Date.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
