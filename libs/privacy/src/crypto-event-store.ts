import {
  AppendOutcome,
  EventStore,
  EventToAppend,
  IdempotencyClaim,
  IdempotentOutcome,
  Position,
  readPages,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  noUnfinishedAppends,
  UnfinishedAppendsReport,
} from '@crm/event-store';
import { CachedKeyStore } from './cached-key-store';
import { ERASED, isSealed, seal, SealedValue, subjectsOf, unseal, valueKey } from './cipher';
import { DataKeyMissingError, KeyLookup, KeyStore } from './key-store.port';
import { defineOnRead } from './open-on-read';
import { erasedSubjectOf, PersonalField, personalFieldsOf, subjectsFor } from './personal-data';

/**
 * Crypto-shredding as a decorator around any EventStore (SPEC §6). On append, the personal fields of known event
 * types (./personal-data.ts) are encrypted with their subjects' data keys; on every read path (readStream, readAll,
 * readAllOfTypes, subscribe) they are decrypted, and where a key is destroyed the field reads `[erased]` (or is left
 * out). Which fields are erased is settled when the events are read; the others are decrypted when first read
 * (./open-on-read.ts), with the keys as they were at that read, so a ciphertext that does not open (tampered with,
 * or moved to another stream) throws where its field is read. Everything that reads the log through this store (aggregates, projections, rebuilds, the timeline, exports)
 * sees the same thing without knowing about encryption; the log itself only ever holds ciphertext.
 *
 * Appending personal data about a subject whose key is destroyed is refused with SubjectErasedError (422), before
 * anything is written: it could never be read back, and the domain already refuses erased participants, so this only
 * happens in a race with an erasure or for a departure reason of an erased person.
 *
 * Events written before encryption existed (plain values) are read as they are, and as `[erased]` once their
 * subject's key is destroyed; the plain text stays in the log file until the log is migrated.
 *
 * close() closes the inner store and the key store: this store owns both.
 */
export class CryptoEventStore implements EventStore {
  /** Value keys of free text (derived from several keys), so a replay does not derive one per event. */
  private readonly valueKeys = new Map<string, { keys: Buffer[]; key: Buffer }>();
  /** Counts erasures met, so a value opened after one does not put a key derived before it back in valueKeys. */
  private erasures = 0;

  /** The key store when it is cached: keys it holds are looked up without a promise per subject. */
  private readonly cache?: CachedKeyStore;

  constructor(
    private readonly inner: EventStore,
    readonly keys: KeyStore,
  ) {
    if (keys instanceof CachedKeyStore) {
      this.cache = keys;
      keys.onDestroy((subject) => this.forgetValueKeysOf(subject));
    }
  }

  async append(streams: StreamAppend[], options?: { idempotency?: IdempotencyClaim }): Promise<AppendOutcome> {
    // Every key is made and durably stored before the events encrypted with it are appended.
    const sealed = await Promise.all(
      streams.map(async (stream) => ({
        ...stream,
        events: await Promise.all(stream.events.map((event) => this.sealEvent(stream.streamId, event))),
      })),
    );
    return this.inner.append(sealed, options);
  }

  findIdempotentOutcome(key: string): Promise<IdempotentOutcome | undefined> {
    return this.inner.findIdempotentOutcome(key);
  }

  async completeUnfinishedAppends(): Promise<UnfinishedAppendsReport> {
    return (await this.inner.completeUnfinishedAppends?.()) ?? noUnfinishedAppends();
  }

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readStream(streamId, fromRevision));
  }

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readAll(after, limit));
  }

  async *readPages(after: Position, pageSize: number): AsyncIterableIterator<RecordedEvent[]> {
    // The pages are this store's alone (each read gives new objects), so they are revealed in place, not copied.
    for await (const page of readPages(this.inner, after, pageSize)) yield await this.reveal(page, true);
  }

  async readAllOfTypes(types: readonly string[], after?: Position): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readAllOfTypes(types, after));
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe({
      ...options,
      onEvent: async (event) => {
        const [revealed] = await this.reveal([event]);
        await options.onEvent(revealed);
      },
    });
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      await this.keys.close();
    }
  }

  private async sealEvent(streamId: string, event: EventToAppend): Promise<EventToAppend> {
    const fields = personalFieldsOf(event.type);
    if (!fields) return event;
    const data = { ...event.data };
    for (const field of fields) {
      const value = data[field.field];
      if (value === undefined || isSealed(value)) continue;
      const subjects = subjectsFor(field, event.data);
      const keys = await Promise.all(subjects.map((subject) => this.keys.getOrCreate(subject)));
      data[field.field] = seal(value, this.valueKey(subjects, keys), subjects, associatedData(streamId, event.type, field));
    }
    return { ...event, data };
  }

  private async reveal(events: RecordedEvent[], inPlace = false): Promise<RecordedEvent[]> {
    // An erasure in this batch takes effect for the whole batch, also for the events before it.
    for (const event of events) {
      const subject = erasedSubjectOf(event);
      if (!subject) continue;
      if ((await this.keys.get(subject)).status !== 'destroyed') await this.keys.destroy(subject);
      this.forgetValueKeysOf(subject);
    }
    const fields = events.map((event) => personalFieldsOf(event.type));
    const lookups = await this.lookupsFor(events, fields);
    return events.map((event, i) => this.revealEvent(event, fields[i], lookups, inPlace));
  }

  /** The key (or its absence) of every subject the batch's personal fields need, each asked for once. */
  private async lookupsFor(events: RecordedEvent[], fieldsOf: (readonly PersonalField[] | undefined)[]): Promise<Map<string, KeyLookup>> {
    const lookups = new Map<string, KeyLookup>();
    const unknown = new Set<string>();
    const now = Date.now();
    for (let i = 0; i < events.length; i++) {
      const fields = fieldsOf[i];
      if (!fields) continue;
      const data = events[i].data;
      for (const field of fields) {
        const value = data[field.field];
        if (value === undefined) continue;
        if (!isSealed(value)) {
          for (const subject of subjectsFor(field, data)) this.need(subject, lookups, unknown, now);
          continue;
        }
        this.need(value.kid, lookups, unknown, now);
        const bound = value.bound;
        if (bound) for (let b = 0; b < bound.length; b++) this.need(bound[b], lookups, unknown, now);
      }
    }
    await Promise.all([...unknown].map(async (subject) => lookups.set(subject, await this.keys.get(subject))));
    return lookups;
  }

  /** Notes a subject whose key the batch needs: known to the key cache, or to be asked for. */
  private need(subject: string, lookups: Map<string, KeyLookup>, unknown: Set<string>, now: number): void {
    if (lookups.has(subject)) return;
    const known = this.cache?.peek(subject, now);
    if (known) lookups.set(subject, known);
    else unknown.add(subject);
  }

  /**
   * Whether a field is erased is settled here, from the batch's key lookups; a sealed value that is not erased is
   * decrypted when it is first read. Most readers read few of the personal fields (a rebuild reads a commitment's
   * description but no interaction summary), and decrypting all of them was most of the cost of a rebuild; what
   * the decryption needs (keys, associated data) is gathered then too, from the same lookups.
   */
  private revealEvent(event: RecordedEvent, fields: readonly PersonalField[] | undefined, lookups: Map<string, KeyLookup>, inPlace: boolean): RecordedEvent {
    if (!fields) return event;
    const plain = event.data;
    const data = inPlace ? plain : { ...plain };
    for (const field of fields) {
      const value = data[field.field];
      if (value === undefined) continue;
      if (isSealed(value)) {
        if (!isErased(value, lookups)) {
          defineOnRead(data, field.field, this.opener(value, lookups, event.streamId, event.type, field));
          continue;
        }
      } else if (!subjectsFor(field, plain).some((subject) => lookups.get(subject)!.status === 'destroyed')) {
        // A value stored in the clear (before encryption existed): readable until one of its subjects is erased.
        continue;
      }
      if (field.whenErased === 'placeholder') data[field.field] = ERASED;
      else delete data[field.field];
    }
    return inPlace ? event : { ...event, data };
  }

  /**
   * Decrypts on demand, with the keys of the batch's lookups (those the value was revealed with); a value key
   * derived after an erasure is not kept (it may hold an erased subject's key).
   */
  private opener(sealed: SealedValue, lookups: Map<string, KeyLookup>, streamId: string, type: string, field: PersonalField): () => unknown {
    const erasures = this.erasures;
    return () => {
      const subjects = subjectsOf(sealed);
      // Never GONE here: the value was revealed as not erased from these same lookups.
      const keys = keysOf(subjects, lookups) as Buffer[];
      const aad = associatedData(streamId, type, field);
      return unseal(sealed, erasures === this.erasures ? this.valueKey(subjects, keys) : valueKey(subjects, keys), aad);
    };
  }

  private valueKey(subjects: string[], keys: Buffer[]): Buffer {
    if (keys.length === 1) return keys[0];
    const id = subjects.join('|');
    const cached = this.valueKeys.get(id);
    if (cached && cached.keys.every((key, i) => key === keys[i] || key.equals(keys[i]))) return cached.key;
    const key = valueKey(subjects, keys);
    this.valueKeys.set(id, { keys, key });
    if (this.valueKeys.size > MAX_VALUE_KEYS) {
      // The oldest quarter at once: a Map's first key is found by passing the holes its deletions left, so evicting
      // one entry per insert costs a pass over thousands of them each time.
      let excess = this.valueKeys.size - (MAX_VALUE_KEYS * 3) / 4;
      for (const old of this.valueKeys.keys()) {
        if (excess-- <= 0) break;
        this.valueKeys.delete(old);
      }
    }
    return key;
  }

  /** No derived key that an erased subject's key went into stays in memory. */
  private forgetValueKeysOf(subject: string): void {
    this.erasures++;
    for (const id of this.valueKeys.keys()) if (id.includes(subject) && id.split('|').includes(subject)) this.valueKeys.delete(id);
  }
}

const GONE = Symbol('erased');
/** A large region has some 16,000 pairs of a partnership and a commitment's owner. */
const MAX_VALUE_KEYS = 50_000;

/**
 * Whether one of a sealed value's subjects (owner first, then bound, as keysOf reads them) has its key destroyed; a
 * subject never keyed before that means the wrong key store. Without the arrays keysOf makes: most values revealed
 * are never read.
 */
function isErased(sealed: SealedValue, lookups: Map<string, KeyLookup>): boolean {
  if (statusOf(sealed.kid, lookups) === 'destroyed') return true;
  const bound = sealed.bound;
  if (bound) for (let i = 0; i < bound.length; i++) if (statusOf(bound[i], lookups) === 'destroyed') return true;
  return false;
}

function statusOf(subject: string, lookups: Map<string, KeyLookup>): 'active' | 'destroyed' {
  const { status } = lookups.get(subject)!;
  if (status === 'absent') throw new DataKeyMissingError(subject);
  return status;
}

/** The subjects' keys in order, or GONE when one is destroyed; a subject never keyed means the wrong key store. */
function keysOf(subjects: string[], lookups: Map<string, KeyLookup>): Buffer[] | typeof GONE {
  const keys: Buffer[] = [];
  for (const subject of subjects) {
    const lookup = lookups.get(subject)!;
    if (lookup.status === 'destroyed') return GONE;
    if (lookup.status === 'absent') throw new DataKeyMissingError(subject);
    keys.push(lookup.key);
  }
  return keys;
}

/** Binds a ciphertext to its stream, event type and field. */
function associatedData(streamId: string, type: string, field: PersonalField): string {
  return `${streamId}|${type}|${field.field}`;
}
