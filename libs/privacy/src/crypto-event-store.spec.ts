import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamOf } from '@crm/domain';
import { EventToAppend, RecordedEvent, SqliteEventStore, START } from '@crm/event-store';
import { CachedKeyStore } from './cached-key-store';
import { isSealed, SealedValue, unseal } from './cipher';
import { CryptoEventStore } from './crypto-event-store';
import { DataKeyMissingError, subjectOf, SubjectErasedError } from './key-store.port';
import { SqliteKeyStore } from './sqlite/sqlite-key-store';

const NAME = 'Fatima el Amrani';
const EMAIL = 'f.elamrani@clusius.nl';
const PHONE = '+31 6 12345678';
const SUMMARY = 'Fatima el Amrani arranges four internship places in February';

const meta = { recordedBy: 'user-1', recordedAt: '2025-03-01T10:00:00.000Z', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
const event = (type: string, data: Record<string, unknown>): EventToAppend => ({ id: randomUUID(), type, data, metadata: meta });

describe('CryptoEventStore (over the SQLite log and key store)', () => {
  let dir: string;
  let inner: SqliteEventStore;
  let keys: SqliteKeyStore;
  let store: CryptoEventStore;

  const personId = randomUUID();
  const otherId = randomUUID();
  const partnershipId = randomUUID();
  const registered = (id: string, name: string, extra: Record<string, unknown> = {}) =>
    event('PersonRegistered', { personId: id, organisationId: 'org-1', name, role: 'stagecoördinator', tier: 'operational', ...extra });
  const interaction = (participantIds: string[], summary?: string) =>
    event('InteractionRecorded', {
      partnershipId,
      interactionId: randomUUID(),
      kind: 'call',
      occurredAt: '2025-03-01T00:00:00.000Z',
      initiatedBy: 'partner',
      participantIds,
      ...(summary !== undefined && { summary }),
    });

  async function seed() {
    await store.append([{ streamId: streamOf.person(personId), expectedRevision: 'no_stream', events: [registered(personId, NAME, { email: EMAIL, phone: PHONE })] }]);
    await store.append([{ streamId: streamOf.person(otherId), expectedRevision: 'no_stream', events: [registered(otherId, 'Jan de Vries')] }]);
    await store.append([
      {
        streamId: streamOf.partnership(partnershipId),
        expectedRevision: 'no_stream',
        events: [
          event('PartnershipOpened', { partnershipId, schoolId: 's', partnerId: 'p', levels: ['vmbo'], intensity: 'placement', themes: [], openedAt: '2025-01-01T00:00:00.000Z' }),
          interaction([personId, otherId], SUMMARY),
          interaction([otherId], 'Jan calls back about the open day'),
          interaction([personId]),
        ],
      },
    ]);
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-crypto-store-'));
    inner = new SqliteEventStore(join(dir, 'events.sqlite'));
    keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    store = new CryptoEventStore(inner, keys);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores personal fields only as ciphertext, in the port and in the file', async () => {
    await seed();

    const stored = await inner.readAll(START, 100);
    const person = stored.find((e) => e.type === 'PersonRegistered' && e.data.personId === personId)!;
    expect(isSealed(person.data.name)).toBe(true);
    expect(isSealed(person.data.email)).toBe(true);
    expect(isSealed(person.data.phone)).toBe(true);
    expect(person.data).toMatchObject({ personId, organisationId: 'org-1', role: 'stagecoördinator', tier: 'operational' });
    expect(person.data.name).toMatchObject({ enc: 'aes-256-gcm', kid: subjectOf.person(personId) });
    const summary = stored.find((e) => e.type === 'InteractionRecorded')!.data.summary as SealedValue;
    expect(summary).toMatchObject({ kid: subjectOf.partnership(partnershipId), bound: [subjectOf.person(personId), subjectOf.person(otherId)] });

    const everything = JSON.stringify(stored);
    for (const secret of [NAME, 'Fatima', EMAIL, PHONE, 'Jan de Vries', 'internship', 'open day']) expect(everything).not.toContain(secret);
    const raw = new Database(join(dir, 'events.sqlite'), { readonly: true });
    const rows = JSON.stringify(raw.prepare('SELECT * FROM events').all());
    raw.close();
    for (const secret of [NAME, EMAIL, PHONE, 'internship']) expect(rows).not.toContain(secret);
  });

  it('gives every reader back exactly what was appended', async () => {
    await seed();
    const subscribed: RecordedEvent[] = [];
    const subscription = store.subscribe({ from: START, onEvent: (e) => void subscribed.push(e) });
    await waitFor(() => subscribed.length === 6);
    await subscription.close();

    const person = (await store.readStream(streamOf.person(personId)))[0];
    expect(person.data).toEqual({ personId, organisationId: 'org-1', name: NAME, email: EMAIL, phone: PHONE, role: 'stagecoördinator', tier: 'operational' });
    const all = await store.readAll(START, 100);
    expect(all).toEqual(subscribed);
    expect(all.filter((e) => e.type === 'InteractionRecorded').map((e) => e.data.summary)).toEqual([SUMMARY, 'Jan calls back about the open day', undefined]);
    expect(await store.readAllOfTypes(['PersonRegistered'])).toEqual(all.filter((e) => e.type === 'PersonRegistered'));
    // Events without personal data are not touched.
    const opened = (await inner.readAll(START, 100)).find((e) => e.type === 'PartnershipOpened');
    expect(all.find((e) => e.type === 'PartnershipOpened')).toEqual(opened);
  });

  it('reads pages of the log (readPages, read ahead in a worker for a long read) as readAll reads them, erasures included', async () => {
    await seed();
    await store.append([{ streamId: streamOf.partnership(partnershipId), expectedRevision: 3, events: Array.from({ length: 40 }, () => interaction([personId, otherId], SUMMARY)) }]);
    const pages = async (pageSize: number) => {
      const read: RecordedEvent[][] = [];
      for await (const page of store.readPages(START, pageSize)) read.push(page);
      return read;
    };

    // 46 events in pages of 1 (the last 30 read in a worker) and of 10 (all read here).
    expect((await pages(1)).flat()).toEqual(await store.readAll(START, 100));
    expect((await pages(10)).map((page) => page.length)).toEqual([10, 10, 10, 10, 6]);
    expect((await pages(1)).flat().filter((e) => e.type === 'InteractionRecorded').map((e) => e.data.summary)).toContain(SUMMARY);

    await keys.destroy(subjectOf.person(personId));
    const erased = (await pages(1)).flat();
    expect(erased).toEqual(await store.readAll(START, 100));
    expect(erased.find((e) => e.data.personId === personId)!.data).not.toHaveProperty('email');
    expect(erased.filter((e) => e.type === 'InteractionRecorded' && (e.data.participantIds as string[]).includes(personId)).every((e) => e.data.summary === undefined || e.data.summary === '[erased]')).toBe(true);
  });

  it('does not change the events it is given (the write side keeps folding them)', async () => {
    const appended = registered(personId, NAME, { email: EMAIL });
    const copy = structuredClone(appended);
    await store.append([{ streamId: streamOf.person(personId), expectedRevision: 'no_stream', events: [appended] }]);
    expect(appended).toEqual(copy);
  });

  it('after the key is destroyed, reads [erased] for the name, leaves out email and phone, and erases free text the person took part in; nothing else changes', async () => {
    await seed();
    const before = await store.readAll(START, 100);

    await keys.destroy(subjectOf.person(personId));

    const after = await store.readAll(START, 100);
    expect(after.map(({ data: _data, ...rest }) => rest)).toEqual(before.map(({ data: _data, ...rest }) => rest));
    const person = after.find((e) => e.data.personId === personId)!;
    expect(person.data).toEqual({ personId, organisationId: 'org-1', name: '[erased]', role: 'stagecoördinator', tier: 'operational' });
    expect(after.find((e) => e.data.personId === otherId)!.data.name).toBe('Jan de Vries');
    const interactions = after.filter((e) => e.type === 'InteractionRecorded');
    expect(interactions.map((e) => e.data.summary)).toEqual(['[erased]', 'Jan calls back about the open day', undefined]);
    const [first] = interactions;
    const { summary: _s, ...figures } = first.data;
    const { summary: _b, ...figuresBefore } = before.find((e) => e.id === first.id)!.data;
    expect(figures).toEqual(figuresBefore);
    expect(await store.readStream(streamOf.person(personId))).toEqual([person]);
  });

  it('leaves ciphertext that no remaining key opens', async () => {
    await seed();
    const sealedName = (await inner.readStream(streamOf.person(personId)))[0].data.name as SealedValue;
    const aad = `${streamOf.person(personId)}|PersonRegistered|name`;
    const key = await keys.getOrCreate(subjectOf.person(personId));
    expect(unseal(sealedName, key, aad)).toBe(NAME);

    await keys.destroy(subjectOf.person(personId));

    expect(await keys.get(subjectOf.person(personId))).toMatchObject({ status: 'destroyed' });
    const others = [await keys.getOrCreate(subjectOf.person(otherId)), await keys.getOrCreate(subjectOf.partnership(partnershipId))];
    for (const other of others) expect(() => unseal(sealedName, other, aad)).toThrow();
    expect((await inner.readStream(streamOf.person(personId)))[0].data.name).toEqual(sealedName);
  });

  it('destroys the key when it reads a PersonErased the erasure did not get to (a crash in between)', async () => {
    await store.append([
      {
        streamId: streamOf.person(personId),
        expectedRevision: 'no_stream',
        events: [registered(personId, NAME), event('PersonErased', { personId, at: '2025-04-01T00:00:00.000Z' })],
      },
    ]);
    expect((await keys.get(subjectOf.person(personId))).status).toBe('active');

    const events = await store.readStream(streamOf.person(personId));

    expect((await keys.get(subjectOf.person(personId))).status).toBe('destroyed');
    expect(events[0].data.name).toBe('[erased]');
  });

  it('refuses personal data about an erased subject and writes nothing (also as a participant of free text)', async () => {
    await seed();
    await keys.destroy(subjectOf.person(personId));
    const head = await store.headPosition();

    await expect(
      store.append([{ streamId: streamOf.person(personId), expectedRevision: 0, events: [event('PersonLeftOrganisation', { personId, leftAt: '2025-05-01T00:00:00.000Z', reason: 'burn-out' })] }]),
    ).rejects.toThrow(SubjectErasedError);
    await expect(
      store.append([
        { streamId: streamOf.person(otherId), expectedRevision: 0, events: [event('PersonRoleChanged', { personId: otherId, role: 'x', tier: 'tactical', at: '2025-05-01T00:00:00.000Z' })] },
        { streamId: streamOf.partnership(partnershipId), expectedRevision: 'any', events: [interaction([personId, otherId], 'with Fatima')] },
      ]),
    ).rejects.toMatchObject({ code: 'person_erased', kind: 'rule', details: { personId } });
    expect(await store.headPosition()).toBe(head);

    // Records without personal text about them, and departures without a reason, still go in.
    await store.append([{ streamId: streamOf.partnership(partnershipId), expectedRevision: 'any', events: [interaction([personId])] }]);
    await store.append([{ streamId: streamOf.person(personId), expectedRevision: 0, events: [event('PersonLeftOrganisation', { personId, leftAt: '2025-05-01T00:00:00.000Z' })] }]);
  });

  it('reads values stored in the clear before encryption existed, and erases them with their subject', async () => {
    await inner.append([{ streamId: streamOf.person(personId), expectedRevision: 'no_stream', events: [registered(personId, NAME, { email: EMAIL })] }]);
    await inner.append([{ streamId: streamOf.partnership(partnershipId), expectedRevision: 'no_stream', events: [interaction([personId], SUMMARY)] }]);
    expect((await store.readAll(START, 10)).map((e) => e.data.name ?? e.data.summary)).toEqual([NAME, SUMMARY]);

    await keys.destroy(subjectOf.person(personId));

    const after = await store.readAll(START, 10);
    expect(after.map((e) => e.data.name ?? e.data.summary)).toEqual(['[erased]', '[erased]']);
    expect(after[0].data).not.toHaveProperty('email');
  });

  it('does not open a ciphertext moved to another stream or tampered with (it throws where the field is read)', async () => {
    await seed();
    const [stored] = await inner.readStream(streamOf.person(personId));
    const sealedName = stored.data.name as SealedValue;
    const elsewhere = randomUUID();
    await inner.append([{ streamId: streamOf.person(elsewhere), expectedRevision: 'no_stream', events: [registered(personId, sealedName as never)] }]);
    // Fields are decrypted when first read, so the read itself succeeds and the field does not open.
    const [moved] = await store.readStream(streamOf.person(elsewhere));
    expect(() => moved.data.name).toThrow();

    const tampered = randomUUID();
    const data = Buffer.from(sealedName.data, 'base64');
    data[0] ^= 1;
    await inner.append([
      { streamId: streamOf.person(tampered), expectedRevision: 'no_stream', events: [registered(personId, { ...sealedName, data: data.toString('base64') } as never)] },
    ]);
    const [changed] = await store.readStream(streamOf.person(tampered));
    expect(() => changed.data.name).toThrow();
    expect(() => JSON.stringify(changed.data)).toThrow();
  });

  it('fails loudly when the key store is not the one the log was written with', async () => {
    await seed();
    const strangerKeys = new SqliteKeyStore(join(dir, 'other-keys.sqlite'));
    const stranger = new CryptoEventStore(new SqliteEventStore(join(dir, 'events.sqlite')), strangerKeys);
    try {
      await expect(stranger.readStream(streamOf.person(personId))).rejects.toThrow(DataKeyMissingError);
    } finally {
      await stranger.close();
    }
  });

  it('decrypts and erases on a live subscription, and stops decrypting at once when the PersonErased comes by', async () => {
    const cached = new CryptoEventStore(new SqliteEventStore(join(dir, 'events.sqlite')), new CachedKeyStore(new SqliteKeyStore(join(dir, 'keys.sqlite')), { ttlMs: 60_000 }));
    const seen: RecordedEvent[] = [];
    const subscription = cached.subscribe({ from: START, onEvent: (e) => void seen.push(e) });
    try {
      await seed();
      await waitFor(() => seen.length === 6);
      expect(seen[0].data.name).toBe(NAME);
      // The erasure is written by "another process" (the uncached store) that has not got to destroying the key.
      await store.append([{ streamId: streamOf.person(personId), expectedRevision: 0, events: [event('PersonErased', { personId, at: '2025-04-01T00:00:00.000Z' })] }]);
      await waitFor(() => seen.length === 7);
      // The cache held the key; reading the erasure made this process drop it.
      expect((await cached.readStream(streamOf.person(personId)))[0].data.name).toBe('[erased]');
      expect((await cached.readAll(START, 100)).find((e) => e.type === 'InteractionRecorded')!.data.summary).toBe('[erased]');
    } finally {
      await subscription.close();
      await cached.close();
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
