import { randomUUID } from 'node:crypto';
import { CommitBatch, IndexSpec, ReadStore, StoredDocument } from '@crm/read-store';
import { describeScopeQueries } from './read-store.scope-queries';

export interface ReadStoreUnderTest {
  store: ReadStore;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every ReadStore adapter must have. Collection, projection and meta names are unique per test and
 * the collections are dropped afterwards, so the suite also runs against a shared, non-empty server.
 */
export function describeReadStoreContract(name: string, makeStore: () => Promise<ReadStoreUnderTest>): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    let collections: string[];
    let projections: string[];

    /** A collection (or projection) name of this test only. */
    const collection = (label = 'c'): string => {
      const unique = `${label}_${randomUUID().replace(/-/g, '')}`;
      collections.push(unique);
      return unique;
    };
    const projection = (label = 'p'): string => {
      const unique = `${label}-${randomUUID()}`;
      projections.push(unique);
      return unique;
    };
    const upsert = (coll: string, ...documents: StoredDocument[]): CommitBatch => ({
      upserts: documents.map((document) => ({ collection: coll, document })),
      checkpoints: {},
    });
    const ids = (documents: StoredDocument[]): string[] => documents.map((d) => d._id);
    const sortedIds = (documents: StoredDocument[]): string[] => ids(documents).sort();

    beforeEach(async () => {
      collections = [];
      projections = [];
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      try {
        await store.drop(collections, projections);
      } finally {
        await cleanup();
      }
    });

    describe('commit and read back', () => {
      it('round-trips documents through get, getMany and find', async () => {
        const coll = collection();
        const a: StoredDocument = {
          _id: 'a',
          name: 'Școala “De Regenboog”',
          levels: ['po', 'vo'],
          nested: { size: 12, region: null, deeper: { flag: true, list: [{ x: 1 }, { x: 2.5 }] } },
          empty: [],
        };
        const b: StoredDocument = { _id: 'b', name: 'Het Atelier', count: 0 };

        await store.commit(upsert(coll, a, b));

        expect(await store.get(coll, 'a')).toEqual(a);
        expect(await store.get(coll, 'missing')).toBeUndefined();
        expect(await store.get(collection('never_written'), 'a')).toBeUndefined();
        expect(await store.getMany(coll, ['b', 'missing', 'a', 'b'])).toEqual([b, a]);
        expect(await store.getMany(coll, [])).toEqual([]);
        const all = await store.find(coll);
        expect(all).toHaveLength(2);
        expect(all).toEqual(expect.arrayContaining([a, b]));
      });

      it('replaces a whole document on upsert, dropping fields the new version lacks', async () => {
        const coll = collection();
        await store.commit(upsert(coll, { _id: 'a', name: 'Old', stale: true, nested: { keep: 1, drop: 2 } }));
        await store.commit(upsert(coll, { _id: 'a', name: 'New', nested: { keep: 1 } }));

        expect(await store.get(coll, 'a')).toEqual({ _id: 'a', name: 'New', nested: { keep: 1 } });
        expect(await store.count(coll)).toBe(1);
      });

      it('drops undefined fields, as JSON does', async () => {
        const coll = collection();
        await store.commit(upsert(coll, { _id: 'a', gone: undefined, kept: null, nested: { gone: undefined } }));

        expect(await store.get(coll, 'a')).toEqual({ _id: 'a', kept: null, nested: {} });
        expect(Object.keys((await store.get(coll, 'a'))!)).toEqual(['_id', 'kept', 'nested']);
      });

      it('deletes documents, ignoring ids that do not exist', async () => {
        const coll = collection();
        await store.commit(upsert(coll, { _id: 'a' }, { _id: 'b' }, { _id: 'c' }));

        await store.commit({ upserts: [], deletes: [{ collection: coll, id: 'b' }, { collection: coll, id: 'never' }], checkpoints: {} });

        expect(sortedIds(await store.find(coll))).toEqual(['a', 'c']);
        expect(await store.get(coll, 'b')).toBeUndefined();
        expect(await store.count(coll)).toBe(2);
      });

      it('applies deletes after upserts in the same batch, across collections', async () => {
        const [first, second] = [collection('first'), collection('second')];
        await store.commit(upsert(first, { _id: 'old' }));

        await store.commit({
          upserts: [
            { collection: first, document: { _id: 'short-lived' } },
            { collection: second, document: { _id: 'x', v: 1 } },
          ],
          deletes: [
            { collection: first, id: 'short-lived' },
            { collection: first, id: 'old' },
          ],
          checkpoints: {},
        });

        expect(await store.find(first)).toEqual([]);
        expect(await store.find(second)).toEqual([{ _id: 'x', v: 1 }]);
      });

      it('commits a catch-up batch larger than one MongoDB transaction holds, whole and with its checkpoint', async () => {
        const coll = collection('large');
        const documents = Array.from({ length: 2_500 }, (_, i) => ({ _id: `d${String(i).padStart(5, '0')}`, position: i + 1, text: 'x'.repeat(500) }));
        await store.commit({ upserts: documents.map((document) => ({ collection: coll, document })), checkpoints: { large: 2_500 } });
        expect(await store.count(coll)).toBe(2_500);
        expect(await store.get(coll, 'd02499')).toEqual(documents[2_499]);
        expect(await store.checkpoint('large')).toBe(2_500);
      });

      it('accepts an empty batch', async () => {
        await expect(store.commit({ upserts: [], deletes: [], checkpoints: {} })).resolves.toBeUndefined();
      });
    });

    describe('MongoDB query semantics', () => {
      let coll: string;
      const partnerships: StoredDocument[] = [
        {
          _id: 'p1',
          name: 'De Regenboog × Bakkerij Jansen',
          levels: ['po', 'mbo'],
          stage: 'active',
          intensity: 3,
          openedAt: '2024-03-01T09:00:00.000Z',
          contacts: [
            { personId: 'anna', side: 'school', role: 'primary' },
            { personId: 'bram', side: 'partner', role: 'backup' },
          ],
        },
        {
          _id: 'p2',
          name: 'Het Atelier × Gemeente',
          levels: ['vo'],
          stage: 'agreed',
          intensity: 1,
          openedAt: '2024-11-15T12:00:00.000Z',
          contacts: [{ personId: 'bram', side: 'school', role: 'primary' }],
          endedAt: null,
        },
        {
          _id: 'p3',
          name: 'regenboog campus × Techniek BV',
          levels: ['mbo', 'hbo'],
          stage: 'exploring',
          intensity: 2,
          openedAt: '2025-01-01T00:00:00.000Z',
          contacts: [{ personId: 'anna', side: 'partner', role: 'primary' }],
          endedAt: '2025-06-30',
        },
        { _id: 'p4', name: 'Zonder Contacten', levels: [], stage: 'active', intensity: 3, openedAt: '2023-12-31T23:59:59.999Z' },
      ];
      const query = async (filter: Record<string, unknown>): Promise<string[]> => sortedIds(await store.find(coll, filter));

      beforeEach(async () => {
        coll = collection('partnerships');
        await store.commit(upsert(coll, ...partnerships));
      });

      it('matches a scalar against an array field by membership', async () => {
        expect(await query({ levels: 'mbo' })).toEqual(['p1', 'p3']);
        expect(await query({ levels: 'wo' })).toEqual([]);
      });

      it('matches a whole array exactly, order included', async () => {
        expect(await query({ levels: ['po', 'mbo'] })).toEqual(['p1']);
        expect(await query({ levels: ['mbo', 'po'] })).toEqual([]);
        expect(await query({ levels: [] })).toEqual(['p4']);
      });

      it('supports $in, $nin and $ne, on scalar and array fields', async () => {
        expect(await query({ stage: { $in: ['agreed', 'active'] } })).toEqual(['p1', 'p2', 'p4']);
        expect(await query({ levels: { $in: ['vo', 'hbo'] } })).toEqual(['p2', 'p3']);
        expect(await query({ stage: { $nin: ['active'] } })).toEqual(['p2', 'p3']);
        expect(await query({ levels: { $ne: 'mbo' } })).toEqual(['p2', 'p4']);
      });

      it('supports $all on an array field (every value held, in any order)', async () => {
        expect(await query({ levels: { $all: ['mbo', 'po'] } })).toEqual(['p1']);
        expect(await query({ levels: { $all: ['mbo'] } })).toEqual(['p1', 'p3']);
        expect(await query({ levels: { $all: ['mbo', 'wo'] } })).toEqual([]);
      });

      it('supports $and and $or, also nested', async () => {
        expect(await query({ $and: [{ levels: 'mbo' }, { stage: 'active' }] })).toEqual(['p1']);
        expect(await query({ $or: [{ stage: 'agreed' }, { intensity: { $gte: 3 } }] })).toEqual(['p1', 'p2', 'p4']);
        expect(await query({ $or: [{ levels: 'hbo' }, { $and: [{ stage: 'active' }, { levels: 'po' }] }] })).toEqual(['p1', 'p3']);
      });

      it('supports case-insensitive $regex', async () => {
        expect(await query({ name: { $regex: 'regenboog', $options: 'i' } })).toEqual(['p1', 'p3']);
        expect(await query({ name: { $regex: 'regenboog' } })).toEqual(['p3']);
        expect(await query({ name: { $regex: '^het', $options: 'i' } })).toEqual(['p2']);
      });

      it('compares ISO date strings with $gte and $lt', async () => {
        expect(await query({ openedAt: { $gte: '2024-01-01', $lt: '2025-01-01' } })).toEqual(['p1', 'p2']);
        expect(await query({ openedAt: { $lt: '2024-01-01' } })).toEqual(['p4']);
        expect(await query({ openedAt: { $gte: '2025-01-01T00:00:00.000Z' } })).toEqual(['p3']);
      });

      it('follows nested paths through arrays of sub-documents', async () => {
        expect(await query({ 'contacts.personId': 'anna' })).toEqual(['p1', 'p3']);
        expect(await query({ 'contacts.personId': { $in: ['bram'] } })).toEqual(['p1', 'p2']);
        expect(await query({ 'contacts.side': 'partner', 'contacts.role': 'primary' })).toEqual(['p1', 'p3']);
      });

      it('requires one array element to satisfy every $elemMatch condition', async () => {
        expect(await query({ contacts: { $elemMatch: { side: 'partner', role: 'primary' } } })).toEqual(['p3']);
        expect(await query({ contacts: { $elemMatch: { personId: 'bram', side: 'school' } } })).toEqual(['p2']);
        expect(await query({ contacts: { $elemMatch: { personId: 'anna', side: 'school', role: 'backup' } } })).toEqual([]);
      });

      it('treats null as matching a missing field, and $exists as presence', async () => {
        expect(await query({ endedAt: null })).toEqual(['p1', 'p2', 'p4']);
        expect(await query({ endedAt: { $exists: true } })).toEqual(['p2', 'p3']);
        expect(await query({ contacts: { $exists: false } })).toEqual(['p4']);
      });

      it('narrows by _id, also combined with other conditions', async () => {
        expect(await query({ _id: 'p2' })).toEqual(['p2']);
        expect(await query({ _id: { $in: ['p3', 'p1', 'p3', 'nope'] } })).toEqual(['p1', 'p3']);
        expect(await query({ _id: { $in: ['p1', 'p2'] }, levels: 'vo' })).toEqual(['p2']);
        expect(await query({ _id: { $eq: 'p4' } })).toEqual(['p4']);
      });

      it('gives the same answers with indexes on the queried fields', async () => {
        await store.ensureIndexes({
          [coll]: [{ key: { levels: 1 } }, { key: { 'contacts.personId': 1, stage: 1 } }, { key: { stage: 1 } }],
        });
        expect(await query({ levels: 'mbo' })).toEqual(['p1', 'p3']);
        expect(await query({ 'contacts.personId': 'anna', stage: 'active' })).toEqual(['p1']);
        expect(await query({ 'contacts.personId': { $in: ['bram', 'nobody'] } })).toEqual(['p1', 'p2']);
        expect(await query({ levels: { $all: ['mbo', 'po'] } })).toEqual(['p1']);
        expect(await query({ levels: { $all: ['mbo', 'wo'] } })).toEqual([]);
        expect(await query({ $and: [{ stage: { $in: ['active', 'agreed'] } }, { levels: { $ne: 'vo' } }] })).toEqual(['p1', 'p4']);

        // The index follows later writes and deletes.
        await store.commit({
          upserts: [{ collection: coll, document: { ...partnerships[1], levels: ['mbo'] } }],
          deletes: [{ collection: coll, id: 'p3' }],
          checkpoints: {},
        });
        expect(await query({ levels: 'mbo' })).toEqual(['p1', 'p2']);
        expect(await query({ levels: 'vo' })).toEqual([]);
      });

      it('counts with and without a filter', async () => {
        expect(await store.count(coll)).toBe(4);
        expect(await store.count(coll, {})).toBe(4);
        expect(await store.count(coll, { levels: 'mbo' })).toBe(2);
        expect(await store.count(coll, { stage: 'ended' })).toBe(0);
        expect(await store.count(collection('never_written'))).toBe(0);
        expect(await store.find(collection('never_written'), { levels: 'mbo' })).toEqual([]);
      });

      it('rejects an unknown query operator', async () => {
        await expect(store.find(coll, { stage: { $noSuchOperator: 1 } })).rejects.toThrow();
      });
    });

    describe('sort, skip and limit', () => {
      let coll: string;

      beforeEach(async () => {
        coll = collection('sorting');
        await store.commit(
          upsert(
            coll,
            { _id: 'e', name: 'Eva', score: 2, at: '2025-01-05' },
            { _id: 'a', name: 'Anna', score: 3, at: '2025-01-01' },
            { _id: 'd', name: 'Daan', score: 1 },
            { _id: 'c', name: 'Cas', score: 2, at: '2025-01-03' },
            { _id: 'b', name: 'Bram', score: 3, at: null },
            { _id: 'f', name: 'Fleur', score: 1, at: '2025-01-02' },
          ),
        );
      });

      it('sorts on one key either way', async () => {
        expect(ids(await store.find(coll, {}, { sort: { name: 1 } }))).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
        expect(ids(await store.find(coll, {}, { sort: { name: -1 } }))).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
      });

      it('sorts on two keys', async () => {
        expect(ids(await store.find(coll, {}, { sort: { score: -1, name: 1 } }))).toEqual(['a', 'b', 'c', 'e', 'd', 'f']);
        expect(ids(await store.find(coll, {}, { sort: { score: 1, name: -1 } }))).toEqual(['f', 'd', 'e', 'c', 'b', 'a']);
      });

      it('puts missing and null first ascending and last descending, breaking ties by _id', async () => {
        expect(ids(await store.find(coll, {}, { sort: { at: 1 } }))).toEqual(['b', 'd', 'a', 'f', 'c', 'e']);
        expect(ids(await store.find(coll, {}, { sort: { at: -1 } }))).toEqual(['e', 'c', 'f', 'a', 'b', 'd']);
        expect(ids(await store.find(coll, {}, { sort: { score: 1 } }))).toEqual(['d', 'f', 'c', 'e', 'a', 'b']);
      });

      it('sorts numbers before strings, as BSON type order does', async () => {
        const mixed = collection('mixed');
        await store.commit(upsert(mixed, { _id: '1', v: 'text' }, { _id: '2', v: 10 }, { _id: '3', v: 9 }, { _id: '4' }, { _id: '5', v: true }));
        expect(ids(await store.find(mixed, {}, { sort: { v: 1 } }))).toEqual(['4', '3', '2', '1', '5']);
      });

      it('sorts an array field by its smallest element ascending and largest descending', async () => {
        const arrays = collection('arrays');
        await store.commit(upsert(arrays, { _id: 'x', v: [5, 1] }, { _id: 'y', v: [3] }, { _id: 'z', v: 2 }));
        expect(ids(await store.find(arrays, {}, { sort: { v: 1 } }))).toEqual(['x', 'z', 'y']);
        expect(ids(await store.find(arrays, {}, { sort: { v: -1 } }))).toEqual(['x', 'y', 'z']);
      });

      it('sorts on a nested path', async () => {
        const nested = collection('nested');
        await store.commit(upsert(nested, { _id: 'x', health: { score: 40 } }, { _id: 'y', health: { score: 90 } }, { _id: 'z', health: {} }));
        expect(ids(await store.find(nested, {}, { sort: { 'health.score': -1 } }))).toEqual(['y', 'x', 'z']);
      });

      it('pages with skip and limit after filtering and sorting', async () => {
        const page = (skip: number, limit: number) => store.find(coll, { score: { $gte: 2 } }, { sort: { score: -1, name: 1 }, skip, limit });
        expect(ids(await page(0, 2))).toEqual(['a', 'b']);
        expect(ids(await page(2, 2))).toEqual(['c', 'e']);
        expect(ids(await page(4, 2))).toEqual([]);
        expect(ids(await store.find(coll, {}, { sort: { name: 1 }, skip: 4 }))).toEqual(['e', 'f']);
        expect(ids(await store.find(coll, {}, { sort: { name: 1 }, limit: 0 }))).toHaveLength(6);
      });

      it('limits and skips without a sort too', async () => {
        const all = ids(await store.find(coll));
        expect(await store.find(coll, {}, { limit: 2 })).toHaveLength(2);
        expect(await store.find(coll, {}, { skip: 5 })).toHaveLength(1);
        expect(all).toHaveLength(6);
      });

      it('rejects a negative skip or limit', async () => {
        await expect(store.find(coll, {}, { skip: -1 })).rejects.toThrow();
        await expect(store.find(coll, {}, { limit: -2 })).rejects.toThrow();
      });

      // An index that only orders (the audit trail's position) pages thousands of entries, with ties across pages.
      it('pages a long collection by an ordersOnly index, ties, ranges and other key types included', async () => {
        const trail = collection('trail');
        // Stored in _id order, so the store's own order within a tie (the order written, or its reverse) is not the answer.
        const entries = Array.from({ length: 4_500 }, (_, i) => ({ _id: `e${String(i).padStart(4, '0')}`, n: Math.floor(i / 3), by: i % 5 === 0 ? 'anna' : 'bram' }));
        await store.commit(upsert(trail, ...entries));
        await store.ensureIndexes({ [trail]: [{ key: { n: -1 }, ordersOnly: true }] });
        // MongoDB's order for these: n descending, then _id ascending.
        const newestFirst = (list: typeof entries) => [...list].sort((a, b) => (b.n as number) - (a.n as number) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
        const expected = newestFirst(entries);

        expect(ids(await store.find(trail, {}, { sort: { n: -1 }, limit: 10 }))).toEqual(ids(expected.slice(0, 10)));
        expect(ids(await store.find(trail, {}, { sort: { n: -1 }, skip: 3_000, limit: 4 }))).toEqual(ids(expected.slice(3_000, 3_004)));
        const annaBefore = expected.filter((e) => e.by === 'anna' && e.n < 1_200);
        expect(ids(await store.find(trail, { by: 'anna', n: { $lt: 1_200 } }, { sort: { n: -1 }, limit: 25 }))).toEqual(ids(annaBefore.slice(0, 25)));
        const window = expected.filter((e) => e.n >= 10 && e.n < 20).reverse();
        expect(ids(await store.find(trail, { n: { $gte: 10, $lt: 20 } }, { sort: { n: 1, _id: -1 } }))).toEqual(ids(window));
        expect(await store.find(trail, { by: 'carla' }, { sort: { n: -1 }, limit: 5 })).toEqual([]);

        await store.commit(upsert(trail, { _id: 'text', n: 'late', by: 'anna' }, { _id: 'none', by: 'anna' }));
        expect(ids(await store.find(trail, { by: 'anna' }, { sort: { n: -1 }, limit: 3 }))).toEqual(['text', ...ids(expected.filter((e) => e.by === 'anna').slice(0, 2))]);
        expect(ids(await store.find(trail, { by: 'anna' }, { sort: { n: 1 }, limit: 2 }))).toEqual(['none', 'e0000']);
        expect(await store.count(trail, { by: 'anna' })).toBe(902);
      });
    });

    describeScopeQueries({ store: () => store, collection });

    describe('checkpoints', () => {
      it('start at 0 and move with each commit', async () => {
        const [p, q] = [projection(), projection()];
        const coll = collection();
        expect(await store.checkpoint(p)).toBe(0);

        await store.commit({ upserts: [{ collection: coll, document: { _id: 'a' } }], checkpoints: { [p]: 17 } });
        expect(await store.checkpoint(p)).toBe(17);
        expect(await store.checkpoint(q)).toBe(0);

        await store.commit({ upserts: [], checkpoints: { [p]: 42, [q]: 5 } });
        expect(await store.checkpoint(p)).toBe(42);
        expect(await store.checkpoint(q)).toBe(5);
      });

      it('keep large positions exactly', async () => {
        const p = projection();
        await store.commit({ upserts: [], checkpoints: { [p]: Number.MAX_SAFE_INTEGER } });
        expect(await store.checkpoint(p)).toBe(Number.MAX_SAFE_INTEGER);
      });
    });

    describe('all or nothing', () => {
      let existing: string;
      let other: string;
      let p: string;

      beforeEach(async () => {
        [existing, other, p] = [collection('existing'), collection('other'), projection()];
        await store.commit({
          upserts: [
            { collection: existing, document: { _id: 'kept', v: 1 } },
            { collection: existing, document: { _id: 'to-delete', v: 1 } },
          ],
          checkpoints: { [p]: 5 },
        });
      });

      async function expectUnchanged(): Promise<void> {
        expect(await store.find(existing, {}, { sort: { _id: 1 } })).toEqual([
          { _id: 'kept', v: 1 },
          { _id: 'to-delete', v: 1 },
        ]);
        expect(await store.find(other)).toEqual([]);
        expect(await store.checkpoint(p)).toBe(5);
      }

      /** Valid writes to two collections come first, so the invalid entry must undo writes already made. */
      const batchEndingWith = (bad: Partial<CommitBatch>): CommitBatch => ({
        upserts: [
          { collection: existing, document: { _id: 'kept', v: 2 } },
          { collection: other, document: { _id: 'new', v: 1 } },
          ...(bad.upserts ?? []),
        ],
        deletes: [{ collection: existing, id: 'to-delete' }, ...(bad.deletes ?? [])],
        checkpoints: { [p]: 9, ...bad.checkpoints },
      });

      it('rejects a document without a string _id and changes nothing', async () => {
        const third = collection('third');
        const noId = { name: 'no id' } as unknown as StoredDocument;
        await expect(store.commit(batchEndingWith({ upserts: [{ collection: third, document: noId }] }))).rejects.toThrow(/_id/);
        await expectUnchanged();
        expect(await store.find(third)).toEqual([]);

        const numericId = { _id: 7 } as unknown as StoredDocument;
        await expect(store.commit(batchEndingWith({ upserts: [{ collection: other, document: numericId }] }))).rejects.toThrow(/_id/);
        await expectUnchanged();
      });

      it('rejects a delete without an id and changes nothing', async () => {
        const badDelete = { collection: other, id: undefined as unknown as string };
        await expect(store.commit(batchEndingWith({ deletes: [badDelete] }))).rejects.toThrow();
        await expectUnchanged();
      });

      it('rejects an invalid checkpoint and changes nothing', async () => {
        const q = projection();
        await expect(store.commit(batchEndingWith({ checkpoints: { [q]: -1 } }))).rejects.toThrow(/checkpoint/);
        await expect(store.commit(batchEndingWith({ checkpoints: { [q]: 1.5 } }))).rejects.toThrow(/checkpoint/);
        await expectUnchanged();
        expect(await store.checkpoint(q)).toBe(0);
      });

      it('rejects reserved or invalid collection names and changes nothing', async () => {
        for (const name of ['checkpoints', 'meta', '', 'a$b', 'system.views']) {
          await expect(store.commit(batchEndingWith({ upserts: [{ collection: name, document: { _id: 'x' } }] }))).rejects.toThrow(
            /collection name/,
          );
        }
        await expectUnchanged();
      });

      it('applies the same batch once it is valid', async () => {
        await store.commit(batchEndingWith({}));
        expect(await store.find(existing)).toEqual([{ _id: 'kept', v: 2 }]);
        expect(await store.find(other)).toEqual([{ _id: 'new', v: 1 }]);
        expect(await store.checkpoint(p)).toBe(9);
      });
    });

    describe('meta', () => {
      it('gets and sets small values', async () => {
        const key = `meta-${randomUUID()}`;
        expect(await store.getMeta(key)).toBeUndefined();
        await store.setMeta(key, 'partnerships_v1');
        expect(await store.getMeta(key)).toBe('partnerships_v1');
        await store.setMeta(key, 'partnerships_v2');
        expect(await store.getMeta(key)).toBe('partnerships_v2');
      });
    });

    describe('drop', () => {
      it('removes collections and the named checkpoints, leaving the rest', async () => {
        const [gone, kept] = [collection('gone'), collection('kept')];
        const [p, q] = [projection(), projection()];
        await store.commit({
          upserts: [
            { collection: gone, document: { _id: 'a' } },
            { collection: kept, document: { _id: 'b' } },
          ],
          checkpoints: { [p]: 3, [q]: 4 },
        });

        await store.drop([gone, collection('never_written')], [p]);

        expect(await store.find(gone)).toEqual([]);
        expect(await store.count(gone)).toBe(0);
        expect(await store.get(gone, 'a')).toBeUndefined();
        expect(await store.checkpoint(p)).toBe(0);
        expect(await store.find(kept)).toEqual([{ _id: 'b' }]);
        expect(await store.checkpoint(q)).toBe(4);

        // A dropped collection can be written again from scratch.
        await store.commit({ upserts: [{ collection: gone, document: { _id: 'c' } }], checkpoints: { [p]: 1 } });
        expect(await store.find(gone)).toEqual([{ _id: 'c' }]);
        expect(await store.checkpoint(p)).toBe(1);
      });

      it('refuses to drop the bookkeeping collections', async () => {
        await expect(store.drop(['checkpoints'])).rejects.toThrow(/collection name/);
        await expect(store.drop(['meta'])).rejects.toThrow(/collection name/);
      });
    });

    describe('isolation of returned documents', () => {
      it('does not let a caller change stored documents through a result or a committed object', async () => {
        const coll = collection();
        const original = { _id: 'a', name: 'Original', tags: ['x'], nested: { n: 1 } };
        const committed: StoredDocument = structuredClone(original);
        await store.commit(upsert(coll, committed));
        committed.name = 'changed after commit';
        (committed.tags as string[]).push('y');

        const results = [await store.get(coll, 'a'), ...(await store.find(coll)), ...(await store.getMany(coll, ['a']))];
        for (const result of results) {
          // The embedded store hands out frozen documents (a TypeError here); MongoDB hands out fresh copies.
          tryTo(() => (result!.name = 'mutated'));
          tryTo(() => (result!.tags as string[]).push('z'));
          tryTo(() => ((result!.nested as { n: number }).n = 2));
        }

        expect(await store.get(coll, 'a')).toEqual(original);
        expect(await store.find(coll, { name: 'Original' })).toEqual([original]);
        expect(await store.find(coll, { tags: 'z' })).toEqual([]);
      });

      it('hands out documents a caller can clone into a new version', async () => {
        const coll = collection();
        await store.commit(upsert(coll, { _id: 'a', facts: [{ at: '2025-01-01' }] }));

        const draft = structuredClone((await store.get(coll, 'a'))!);
        (draft.facts as unknown[]).push({ at: '2025-02-01' });
        await store.commit(upsert(coll, draft));

        expect(await store.get(coll, 'a')).toEqual({ _id: 'a', facts: [{ at: '2025-01-01' }, { at: '2025-02-01' }] });
      });
    });

    describe('indexes', () => {
      it('accepts index specs, also repeated, and keeps answering queries', async () => {
        const coll = collection();
        const spec: IndexSpec = { [coll]: [{ key: { name: 1 } }, { key: { externalId: 1 }, unique: true }] };
        await store.ensureIndexes(spec);
        await store.ensureIndexes(spec);
        await store.commit(upsert(coll, { _id: 'a', name: 'x', externalId: 'e1' }, { _id: 'b', name: 'y', externalId: 'e2' }));
        expect(ids(await store.find(coll, { name: 'y' }))).toEqual(['b']);
      });
    });
  });
}

function tryTo(change: () => unknown): void {
  try {
    change();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}
