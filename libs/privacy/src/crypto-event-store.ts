import {
  AppendOutcome,
  EventStore,
  EventToAppend,
  IdempotencyClaim,
  IdempotentOutcome,
  Position,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '@crm/event-store';
import { CachedKeyStore } from './cached-key-store';
import { ERASED, isSealed, seal, SealedValue, subjectsOf, unseal, valueKey } from './cipher';
import { DataKeyMissingError, KeyStore } from './key-store.port';
import { erasedSubjectOf, PersonalField, personalFieldsOf, subjectsFor } from './personal-data';

/**
 * Crypto-shredding as a decorator around any EventStore (SPEC §6). On append, the personal fields of known event
 * types (./personal-data.ts) are encrypted with their subjects' data keys; on every read path (readStream, readAll,
 * readAllOfTypes, subscribe) they are decrypted, and where a key is destroyed the field reads `[erased]` (or is left
 * out). Everything that reads the log through this store (aggregates, projections, rebuilds, the timeline, exports)
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

  constructor(
    private readonly inner: EventStore,
    readonly keys: KeyStore,
  ) {
    if (keys instanceof CachedKeyStore) keys.onDestroy((subject) => this.forgetValueKeysOf(subject));
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

  async readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readStream(streamId, fromRevision));
  }

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readAll(after, limit));
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

  private async reveal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    // An erasure in this batch takes effect for the whole batch, also for the events before it.
    for (const event of events) {
      const subject = erasedSubjectOf(event);
      if (!subject) continue;
      if ((await this.keys.get(subject)).status !== 'destroyed') await this.keys.destroy(subject);
      this.forgetValueKeysOf(subject);
    }
    const revealed: RecordedEvent[] = [];
    for (const event of events) revealed.push(await this.revealEvent(event));
    return revealed;
  }

  private async revealEvent(event: RecordedEvent): Promise<RecordedEvent> {
    const fields = personalFieldsOf(event.type);
    if (!fields) return event;
    const data = { ...event.data };
    for (const field of fields) {
      const value = data[field.field];
      if (value === undefined) continue;
      const plain = isSealed(value)
        ? await this.open(value, associatedData(event.streamId, event.type, field))
        : await this.unlessErased(value, subjectsFor(field, event.data));
      if (plain !== GONE) data[field.field] = plain;
      else if (field.whenErased === 'placeholder') data[field.field] = ERASED;
      else delete data[field.field];
    }
    return { ...event, data };
  }

  /** The value, or GONE when a key it needs is destroyed. */
  private async open(sealed: SealedValue, aad: string): Promise<unknown> {
    const subjects = subjectsOf(sealed);
    const keys: Buffer[] = [];
    for (const subject of subjects) {
      const lookup = await this.keys.get(subject);
      if (lookup.status === 'destroyed') return GONE;
      if (lookup.status === 'absent') throw new DataKeyMissingError(subject);
      keys.push(lookup.key);
    }
    return unseal(sealed, this.valueKey(subjects, keys), aad);
  }

  private valueKey(subjects: string[], keys: Buffer[]): Buffer {
    if (keys.length === 1) return keys[0];
    const id = subjects.join('|');
    const cached = this.valueKeys.get(id);
    if (cached && cached.keys.every((key, i) => key === keys[i] || key.equals(keys[i]))) return cached.key;
    const key = valueKey(subjects, keys);
    this.valueKeys.set(id, { keys, key });
    if (this.valueKeys.size > MAX_VALUE_KEYS) this.valueKeys.delete(this.valueKeys.keys().next().value as string);
    return key;
  }

  /** No derived key that an erased subject's key went into stays in memory. */
  private forgetValueKeysOf(subject: string): void {
    for (const id of this.valueKeys.keys()) if (id.split('|').includes(subject)) this.valueKeys.delete(id);
  }

  /** A value stored in the clear (before encryption existed): readable until one of its subjects is erased. */
  private async unlessErased(value: unknown, subjects: string[]): Promise<unknown> {
    for (const subject of subjects) if ((await this.keys.get(subject)).status === 'destroyed') return GONE;
    return value;
  }
}

const GONE = Symbol('erased');
const MAX_VALUE_KEYS = 10_000;

/** Binds a ciphertext to its stream, event type and field. */
function associatedData(streamId: string, type: string, field: PersonalField): string {
  return `${streamId}|${type}|${field.field}`;
}
