import { randomUUID } from 'node:crypto';
import {
  EventStore,
  EventToAppend,
  IdempotencyKeyUsedError,
  Position,
  readPages,
  RecordedEvent,
  START,
  WrongExpectedRevisionError,
} from '@crm/event-store';

export interface StoreUnderTest {
  store: EventStore;
  cleanup(): Promise<void>;
  /** Stores over the same log that fail part-way; each is closed by `cleanup`. */
  faults: StoreFaults;
}

/**
 * Failures between the steps of an append. Where the adapter writes an append in one transaction, the only such
 * failure is a lost answer after the commit, and that is what these give.
 */
export interface StoreFaults {
  /** Its next append writes the events, then fails before the outcome is recorded (or its answer is lost). */
  outcomeLost(): EventStore;
  /** Its next multi-stream append stops after the first stream is written (or its answer is lost after the commit). */
  stoppedAfterFirstStream(): EventStore;
  /**
   * Runs `before` just before each stream of an append is written, after the revisions were checked (another writer
   * slipping in); absent where an append is one transaction, as nothing can come in between there.
   */
  racedBeforeStreams?(before: (streamId: string) => Promise<void>): EventStore;
}

/**
 * The behaviour every EventStore adapter must have. Stream ids and event types are unique per test, and reads of
 * the whole log look only at this test's streams, so the suite also runs against a shared, non-empty server.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    let faults: StoreFaults;

    beforeEach(async () => {
      ({ store, cleanup, faults } = await makeStore());
    });

    /** A person leaving two partnerships: the person's stream and two partnerships, each written once already. */
    const departure = async () => {
      const person = stream('person');
      const partnerships = [stream('partnership'), stream('partnership')];
      for (const id of partnerships) await store.append([{ streamId: id, expectedRevision: 'no_stream', events: [event('Assigned')] }]);
      const request = [
        { streamId: person, expectedRevision: 'no_stream' as const, events: [event('PersonLeft')] },
        ...partnerships.map((streamId) => ({ streamId, expectedRevision: 0, events: [event('Unassigned')] })),
      ];
      return { person, partnerships, request };
    };

    afterEach(async () => {
      await cleanup();
    });

    describe('append and readStream', () => {
      it('round-trips id, type, data and metadata, with 0-based revisions', async () => {
        const streamId = stream('organisation');
        const id = randomUUID();
        const first: EventToAppend = {
          id,
          type: 'OrganisationRegistered',
          data: { organisationId: streamId, name: 'Școala “De Regenboog”', levels: ['po'], nested: { size: 12, region: null } },
          metadata: { recordedBy: 'user-1', recordedAt: '2025-01-02T03:04:05.000Z', correlationId: 'c-1', causationId: 'c-1', schemaVersion: 1 },
        };
        const second = event('OrganisationUpdated', { name: 'De Regenboog' });

        const outcome = await store.append([{ streamId, expectedRevision: 'no_stream', events: [first, second] }]);

        expect(outcome.streams).toEqual([{ streamId, revision: 1 }]);
        const events = await store.readStream(streamId);
        expect(events).toHaveLength(2);
        expect(events[0]).toMatchObject({ id, streamId, revision: 0, type: first.type, data: first.data, metadata: first.metadata });
        expect(events[1]).toMatchObject({ streamId, revision: 1, type: 'OrganisationUpdated', data: second.data, metadata: second.metadata });
        expect(events[1].id).toMatch(UUID);
        expect(events[1].position).toBeGreaterThan(events[0].position);
        expect(outcome.position).toBe(events[1].position);
      });

      it('reads a stream from a revision, and a missing stream as empty', async () => {
        const streamId = stream('person');
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A'), event('B'), event('C')] }]);

        expect((await store.readStream(streamId, 1)).map((e) => [e.revision, e.type])).toEqual([
          [1, 'B'],
          [2, 'C'],
        ]);
        expect(await store.readStream(streamId, 3)).toEqual([]);
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('continues revisions across appends', async () => {
        const streamId = stream('partnership');
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A')] }]);
        const outcome = await store.append([{ streamId, expectedRevision: 0, events: [event('B'), event('C')] }]);

        expect(outcome.streams).toEqual([{ streamId, revision: 2 }]);
        expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1, 2]);
      });
    });

    describe('expected revision', () => {
      it('no_stream accepts a new stream and refuses an existing one, reporting its revision', async () => {
        const streamId = stream('organisation');
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A'), event('B')] }]);

        const error = await rejection(store.append([{ streamId, expectedRevision: 'no_stream', events: [event('C')] }]));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 1 });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('a number must equal the revision of the last event', async () => {
        const streamId = stream('organisation');
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A'), event('B')] }]);

        const stale = await rejection(store.append([{ streamId, expectedRevision: 0, events: [event('C')] }]));
        const ahead = await rejection(store.append([{ streamId, expectedRevision: 5, events: [event('C')] }]));
        expect(stale).toMatchObject({ streamId, expected: 0, actual: 1 });
        expect(ahead).toMatchObject({ streamId, expected: 5, actual: 1 });
        expect(await store.readStream(streamId)).toHaveLength(2);

        await store.append([{ streamId, expectedRevision: 1, events: [event('C')] }]);
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('a number on a missing stream reports no_stream', async () => {
        const streamId = stream('organisation');
        const error = await rejection(store.append([{ streamId, expectedRevision: 0, events: [event('A')] }]));

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: 0, actual: 'no_stream' });
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('any accepts a new and an existing stream', async () => {
        const streamId = stream('organisation');
        await store.append([{ streamId, expectedRevision: 'any', events: [event('A')] }]);
        const outcome = await store.append([{ streamId, expectedRevision: 'any', events: [event('B')] }]);

        expect(outcome.streams).toEqual([{ streamId, revision: 1 }]);
      });
    });

    describe('multi-stream append', () => {
      it('writes every stream, reports revisions in request order and the last position', async () => {
        const a = stream('partnership');
        const b = stream('person');
        await store.append([{ streamId: b, expectedRevision: 'no_stream', events: [event('B0')] }]);

        const outcome = await store.append([
          { streamId: a, expectedRevision: 'no_stream', events: [event('A0'), event('A1')] },
          { streamId: b, expectedRevision: 0, events: [event('B1')] },
        ]);

        expect(outcome.streams).toEqual([
          { streamId: a, revision: 1 },
          { streamId: b, revision: 1 },
        ]);
        const [a0, a1] = await store.readStream(a);
        const [, b1] = await store.readStream(b);
        expect(a0.position).toBeLessThan(a1.position);
        expect(a1.position).toBeLessThan(b1.position);
        expect(outcome.position).toBe(b1.position);
      });

      it('a mismatch on the first stream writes nothing to any stream', async () => {
        const a = stream('partnership');
        const b = stream('person');
        await store.append([{ streamId: a, expectedRevision: 'no_stream', events: [event('A0')] }]);

        const error = await rejection(
          store.append([
            { streamId: a, expectedRevision: 'no_stream', events: [event('A1')] },
            { streamId: b, expectedRevision: 'no_stream', events: [event('B0')] },
          ]),
        );

        expect(error).toMatchObject({ streamId: a, actual: 0 });
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toEqual([]);
      });

      it('a mismatch on a later stream writes nothing to any stream', async () => {
        const a = stream('partnership');
        const b = stream('person');
        await store.append([{ streamId: b, expectedRevision: 'no_stream', events: [event('B0'), event('B1')] }]);

        const error = await rejection(
          store.append([
            { streamId: a, expectedRevision: 'no_stream', events: [event('A0')] },
            { streamId: b, expectedRevision: 0, events: [event('B2')] },
          ]),
        );

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: b, expected: 0, actual: 1 });
        expect(await store.readStream(a)).toEqual([]);
        expect(await store.readStream(b)).toHaveLength(2);
      });
    });

    describe('the global log', () => {
      it('gives strictly increasing positions and reads them back in log order', async () => {
        const a = stream('organisation');
        const b = stream('person');
        const before = await store.headPosition();
        await store.append([{ streamId: a, expectedRevision: 'no_stream', events: [event('A0'), event('A1')] }]);
        await store.append([{ streamId: b, expectedRevision: 'no_stream', events: [event('B0')] }]);
        const last = await store.append([{ streamId: a, expectedRevision: 1, events: [event('A2')] }]);

        const ours = (await readAllFrom(store, before, last.position)).filter((e) => e.streamId === a || e.streamId === b);

        expect(ours.map((e) => e.type)).toEqual(['A0', 'A1', 'B0', 'A2']);
        expectIncreasing(ours.map((e) => e.position));
        expect(ours[ours.length - 1].position).toBe(last.position);
      });

      it('pages with readAll(after, limit)', async () => {
        const streamId = stream('organisation');
        const before = await store.headPosition();
        const outcome = await store.append([
          { streamId, expectedRevision: 'no_stream', events: ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => event(type)) },
        ]);

        const seen: RecordedEvent[] = [];
        let after = before;
        while (after < outcome.position) {
          const page = await store.readAll(after, 2);
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(2);
          expect(page[0].position).toBeGreaterThan(after);
          seen.push(...page);
          after = page[page.length - 1].position;
        }

        expectIncreasing(seen.map((e) => e.position));
        expect(seen.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
        expect(await store.readAll(outcome.position, 0)).toEqual([]);
      });

      it('pages the log to its end with readPages (the adapter\'s own, or readAll in pages)', async () => {
        const streamId = stream('organisation');
        const before = await store.headPosition();
        await store.append([{ streamId, expectedRevision: 'no_stream', events: ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => event(type)) }]);

        const pages: RecordedEvent[][] = [];
        for await (const page of readPages(store, before, 2)) pages.push(page);

        expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
        expect(pages[pages.length - 1].length).toBeLessThan(2);
        expect(pages.flat()).toEqual(await readAllFrom(store, before, pages.flat().pop()!.position));
        expect(pages.flat().filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
      });

      it('reads the events of some types with readAllOfTypes', async () => {
        const suffix = randomUUID().slice(0, 8);
        const [wanted, other, dotted] = [`Wanted${suffix}`, `Other${suffix}`, `Dotted.Type+${suffix}`];
        const a = stream('partnership');
        const b = stream('person');
        const first = await store.append([{ streamId: a, expectedRevision: 'no_stream', events: [event(wanted, { n: 1 }), event(other)] }]);
        await store.append([{ streamId: b, expectedRevision: 'no_stream', events: [event(dotted, { n: 2 }), event(`DottedXType+${suffix}`)] }]);
        await store.append([{ streamId: a, expectedRevision: 1, events: [event(wanted, { n: 3 })] }]);

        const all = await store.readAllOfTypes([wanted, dotted]);
        expect(all.map((e) => [e.type, e.data.n])).toEqual([
          [wanted, 1],
          [dotted, 2],
          [wanted, 3],
        ]);
        expectIncreasing(all.map((e) => e.position));

        const later = await store.readAllOfTypes([wanted, dotted], first.position);
        expect(later.map((e) => e.data.n)).toEqual([2, 3]);
        expect(await store.readAllOfTypes([])).toEqual([]);
        expect(await store.readAllOfTypes([`Never${suffix}`])).toEqual([]);
      });

      it('reports the head position', async () => {
        const before = await store.headPosition();
        const outcome = await store.append([{ streamId: stream('organisation'), expectedRevision: 'no_stream', events: [event('A')] }]);
        const head = await store.headPosition();

        expect(head).toBeGreaterThanOrEqual(outcome.position);
        expect(outcome.position).toBeGreaterThan(before);
      });
    });

    describe('idempotency', () => {
      it('stores the outcome with the events, and refuses the key a second time without writing', async () => {
        const key = randomUUID();
        const streamId = stream('organisation');
        const claim = { key, fingerprint: 'POST /api/organisations sha256:abc', resultId: randomUUID() };

        const outcome = await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A'), event('B')] }], {
          idempotency: claim,
        });

        const stored = { fingerprint: claim.fingerprint, resultId: claim.resultId, revision: 1, position: outcome.position };
        expect(await store.findIdempotentOutcome(key)).toEqual(stored);

        const other = stream('organisation');
        const again = await rejection(
          store.append([{ streamId: other, expectedRevision: 'no_stream', events: [event('C')] }], {
            idempotency: { key, fingerprint: 'something else', resultId: randomUUID() },
          }),
        );
        expect(again).toBeInstanceOf(IdempotencyKeyUsedError);
        expect((again as IdempotencyKeyUsedError).outcome).toEqual(stored);
        expect(await store.readStream(other)).toEqual([]);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('checks the key before the expected revisions, so a retried request sees its first outcome', async () => {
        const key = randomUUID();
        const streamId = stream('organisation');
        const claim = { key, fingerprint: 'f', resultId: 'r' };
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A')] }], { idempotency: claim });

        const retry = await rejection(store.append([{ streamId, expectedRevision: 'no_stream', events: [event('A')] }], { idempotency: claim }));

        expect(retry).toBeInstanceOf(IdempotencyKeyUsedError);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('an append whose outcome was lost after its events were written still answers the key, and a retry writes nothing', async () => {
        const key = randomUUID();
        const streamId = stream('organisation');
        const request = [{ streamId, expectedRevision: 'no_stream' as const, events: [event('A'), event('B')] }];
        const claim = { key, fingerprint: 'f', resultId: 'r' };

        expect(await rejection(faults.outcomeLost().append(request, { idempotency: claim }))).toBeDefined();

        const written = await store.readStream(streamId);
        expect(written).toHaveLength(2);
        const outcome = { fingerprint: 'f', resultId: 'r', revision: 1, position: written[1].position };
        expect(await store.findIdempotentOutcome(key)).toEqual(outcome);
        const retry = await rejection(store.append(request, { idempotency: claim }));
        expect(retry).toBeInstanceOf(IdempotencyKeyUsedError);
        expect((retry as IdempotencyKeyUsedError).outcome).toEqual(outcome);
        expect(await store.readStream(streamId)).toEqual(written);
      });

      it('a multi-stream append stopped after its first stream is completed by the retry with its key: each stream gets its events once', async () => {
        const { person, partnerships, request } = await departure();
        const claim = { key: randomUUID(), fingerprint: 'f', resultId: person };

        expect(await rejection(faults.stoppedAfterFirstStream().append(request, { idempotency: claim }))).toBeDefined();
        const retry = await rejection(store.append(request, { idempotency: claim }));

        expect(retry).toBeInstanceOf(IdempotencyKeyUsedError);
        expect((await store.readStream(person)).map((e) => e.type)).toEqual(['PersonLeft']);
        for (const id of partnerships) expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Assigned', 'Unassigned']);
        const last = (await store.readStream(partnerships[1]))[1];
        expect((retry as IdempotencyKeyUsedError).outcome).toEqual({ fingerprint: 'f', resultId: person, revision: 0, position: last.position });
      });

      it('a multi-stream append without a key that stopped after its first stream is completed from the log', async () => {
        const { person, partnerships, request } = await departure();

        expect(await rejection(faults.stoppedAfterFirstStream().append(request))).toBeDefined();
        await store.completeUnfinishedAppends?.();

        expect((await store.readStream(person)).map((e) => e.type)).toEqual(['PersonLeft']);
        for (const id of partnerships) expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Assigned', 'Unassigned']);
      });

      it('a stream that moved after the first stream was written gets its events after the other writer\'s, once', async () => {
        const { person, partnerships, request } = await departure();
        let noted = false;
        const raced = faults.racedBeforeStreams?.(async (streamId) => {
          if (streamId !== partnerships[0] || noted) return;
          noted = true;
          await store.append([{ streamId, expectedRevision: 'any', events: [event('Noted')] }]);
        });
        if (!raced) return; // one transaction: nothing can come between its streams

        const outcome = await raced.append(request, { idempotency: { key: randomUUID(), fingerprint: 'f', resultId: person } });

        expect((await store.readStream(person)).map((e) => e.type)).toEqual(['PersonLeft']);
        expect((await store.readStream(partnerships[0])).map((e) => e.type)).toEqual(['Assigned', 'Noted', 'Unassigned']);
        expect((await store.readStream(partnerships[1])).map((e) => e.type)).toEqual(['Assigned', 'Unassigned']);
        expect(outcome.streams.map((s) => s.revision)).toEqual([0, 2, 1]);
      });

      it('a writer that moves the first stream before any of the append is written: nothing written, and the key free for the decision made again', async () => {
        const { person, partnerships, request } = await departure();
        let moved = false;
        const raced = faults.racedBeforeStreams?.(async (streamId) => {
          if (streamId !== person || moved) return;
          moved = true;
          await store.append([{ streamId, expectedRevision: 'any', events: [event('Registered')] }]);
        });
        if (!raced) return; // one transaction: nothing can come in between
        const claim = { key: randomUUID(), fingerprint: 'f', resultId: person };

        expect(await rejection(raced.append(request, { idempotency: claim }))).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream(person)).map((e) => e.type)).toEqual(['Registered']);
        for (const id of partnerships) expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Assigned']);
        expect(await store.findIdempotentOutcome(claim.key)).toBeUndefined();

        const decidedAgain = request.map((write, i) => (i === 0 ? { ...write, expectedRevision: 0 } : write));
        const outcome = await store.append(decidedAgain, { idempotency: claim });
        expect((await store.readStream(person)).map((e) => e.type)).toEqual(['Registered', 'PersonLeft']);
        for (const id of partnerships) expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Assigned', 'Unassigned']);
        expect(outcome.streams.map((s) => s.revision)).toEqual([1, 1, 1]);
        expect(await store.findIdempotentOutcome(claim.key)).toEqual({ fingerprint: 'f', resultId: person, revision: 1, position: outcome.position });
      });

      it('knows nothing of a key never used, and a rejected append stores no outcome', async () => {
        const key = randomUUID();
        expect(await store.findIdempotentOutcome(key)).toBeUndefined();

        const streamId = stream('organisation');
        await rejection(store.append([{ streamId, expectedRevision: 3, events: [event('A')] }], { idempotency: { key, fingerprint: 'f', resultId: 'r' } }));
        expect(await store.findIdempotentOutcome(key)).toBeUndefined();
      });
    });

    describe('subscribe', () => {
      it('from START delivers existing then live events, in order, once each, and calls onCaughtUp once', async () => {
        const streamId = stream('partnership');
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('E0'), event('E1')] }]);

        const delivered: RecordedEvent[] = [];
        const errors: Error[] = [];
        let caughtUp = 0;
        let oursAtCaughtUp = -1;
        const subscription = store.subscribe({
          from: START,
          onEvent: (e) => {
            delivered.push(e);
          },
          onCaughtUp: () => {
            caughtUp += 1;
            oursAtCaughtUp = delivered.filter((e) => e.streamId === streamId).length;
          },
          onError: (error) => errors.push(error),
        });
        try {
          await waitFor(() => caughtUp === 1);
          expect(oursAtCaughtUp).toBe(2);

          await store.append([{ streamId, expectedRevision: 1, events: [event('E2')] }]);
          await store.append([{ streamId, expectedRevision: 2, events: [event('E3'), event('E4')] }]);
          await waitFor(() => delivered.filter((e) => e.streamId === streamId).length >= 5);
          await pause(300);

          const ours = delivered.filter((e) => e.streamId === streamId);
          expect(ours.map((e) => e.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
          expectIncreasing(delivered.map((e) => e.position));
          expect(new Set(delivered.map((e) => e.id)).size).toBe(delivered.length);
          expect(caughtUp).toBe(1);
          expect(errors).toEqual([]);
        } finally {
          await subscription.close();
        }

        const count = delivered.length;
        await store.append([{ streamId, expectedRevision: 4, events: [event('AfterClose')] }]);
        await pause(400);
        expect(delivered.length).toBe(count);
      });

      it('from a position delivers only what follows it', async () => {
        const streamId = stream('partnership');
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('E0'), event('E1'), event('E2')] }]);
        const [e0] = await store.readStream(streamId);

        const delivered: RecordedEvent[] = [];
        let caughtUp = false;
        const subscription = store.subscribe({
          from: e0.position,
          onEvent: (e) => {
            delivered.push(e);
          },
          onCaughtUp: () => {
            caughtUp = true;
          },
        });
        try {
          await waitFor(() => caughtUp);
          await store.append([{ streamId, expectedRevision: 2, events: [event('E3')] }]);
          await waitFor(() => delivered.some((e) => e.type === 'E3' && e.streamId === streamId));

          expect(delivered.every((e) => e.position > e0.position)).toBe(true);
          expect(delivered.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(['E1', 'E2', 'E3']);
        } finally {
          await subscription.close();
        }
      });

      it('awaits each handler before delivering the next event', async () => {
        const streamId = stream('partnership');
        const head = await store.headPosition();
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('E0'), event('E1'), event('E2')] }]);

        let active = 0;
        let maxActive = 0;
        const types: string[] = [];
        const subscription = store.subscribe({
          from: head,
          onEvent: async (e) => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            await pause(20);
            if (e.streamId === streamId) types.push(e.type);
            active -= 1;
          },
        });
        try {
          await waitFor(() => types.length === 3);
          expect(types).toEqual(['E0', 'E1', 'E2']);
          expect(maxActive).toBe(1);
        } finally {
          await subscription.close();
        }
      });

      it('stops and reports through onError when a handler throws', async () => {
        const streamId = stream('partnership');
        const head = await store.headPosition();
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('Boom'), event('After')] }]);

        const errors: Error[] = [];
        const types: string[] = [];
        const subscription = store.subscribe({
          from: head,
          onEvent: (e) => {
            if (e.streamId !== streamId) return;
            types.push(e.type);
            if (e.type === 'Boom') throw new Error('projection failed');
          },
          onError: (error) => errors.push(error),
        });
        try {
          await waitFor(() => errors.length > 0);
          await pause(300);
          expect(errors.map((e) => e.message)).toEqual(['projection failed']);
          expect(types).toEqual(['Boom']);
        } finally {
          await subscription.close();
        }
      });

      it('can be closed from inside its own handler', async () => {
        const streamId = stream('partnership');
        const head = await store.headPosition();
        await store.append([{ streamId, expectedRevision: 'no_stream', events: [event('E0'), event('E1')] }]);

        const types: string[] = [];
        const subscription = store.subscribe({
          from: head,
          onEvent: async (e) => {
            if (e.streamId !== streamId) return;
            types.push(e.type);
            await subscription.close();
          },
        });
        await waitFor(() => types.length > 0);
        await pause(300);
        expect(types).toEqual(['E0']);
        await subscription.close();
      });
    });
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function stream(category: string): string {
  return `${category}-${randomUUID()}`;
}

function event(type: string, data: Record<string, unknown> = {}): EventToAppend {
  return { type, data, metadata: { recordedBy: 'contract-test', schemaVersion: 1 } };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function readAllFrom(store: EventStore, after: Position, until: Position): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor = after;
  while (cursor < until) {
    const page = await store.readAll(cursor, 100);
    if (page.length === 0) break;
    events.push(...page);
    cursor = page[page.length - 1].position;
  }
  return events;
}

function expectIncreasing(positions: number[]): void {
  positions.slice(1).forEach((position, i) => expect(position).toBeGreaterThan(positions[i]));
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(10);
  }
}
