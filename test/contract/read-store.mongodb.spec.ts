import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { LEASES_COLLECTION, MongoLease } from '@crm/lease';
import { createReadStore, databaseNameOf, FencedOutError, MongoReadStore } from '@crm/read-store';
import { describeReadStoreContract } from './read-store.contract';

/**
 * Runs against a real MongoDB replica set (transactions), e.g.
 * MONGODB_URL=mongodb://localhost:27017/crm_contract?replicaSet=rs0; never a stand-in.
 */
const url = process.env.MONGODB_URL;

describe('MongoDB connection strings', () => {
  it('take the database from the path, else partnership_crm', () => {
    expect(databaseNameOf('mongodb://localhost:27017')).toBe('partnership_crm');
    expect(databaseNameOf('mongodb://localhost:27017/')).toBe('partnership_crm');
    expect(databaseNameOf('mongodb://localhost:27017/?replicaSet=rs0')).toBe('partnership_crm');
    expect(databaseNameOf('mongodb://localhost:27017/crm?replicaSet=rs0')).toBe('crm');
    expect(databaseNameOf('mongodb://user:p%40ss@a:27017,b:27018/crm_prod?authSource=admin')).toBe('crm_prod');
    expect(databaseNameOf('mongodb+srv://user:pw@cluster0.example.net/crm?retryWrites=true')).toBe('crm');
  });
});

if (url) {
  jest.setTimeout(30_000);

  describeReadStoreContract(`MongoDB (${databaseNameOf(url)})`, async () => {
    const store = await MongoReadStore.connect(url);
    return { store, cleanup: () => store.close() };
  });

  describe('MongoReadStore', () => {
    it('creates the indexes it is given at connect', async () => {
      const collection = `indexed_${randomUUID().replace(/-/g, '')}`;
      const store = await MongoReadStore.connect(url, {
        indexes: { [collection]: [{ key: { 'contacts.personId': 1 } }, { key: { externalId: 1 }, unique: true }] },
      });
      const client = await new MongoClient(url).connect();
      try {
        const indexes = await client.db(databaseNameOf(url)).collection(collection).indexes();
        expect(indexes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ key: { 'contacts.personId': 1 } }),
            expect.objectContaining({ key: { externalId: 1 }, unique: true }),
          ]),
        );
      } finally {
        await store.drop([collection]);
        await store.close();
        await client.close();
      }
    });

    it('stores documents under _id = the id', async () => {
      const collection = `raw_${randomUUID().replace(/-/g, '')}`;
      const store = await MongoReadStore.connect(url);
      const client = await new MongoClient(url).connect();
      try {
        await store.commit({ upserts: [{ collection, document: { _id: 'partnership-1', stage: 'active' } }], checkpoints: {} });
        const raw = await client.db(databaseNameOf(url)).collection(collection).findOne({});
        expect(raw).toEqual({ _id: 'partnership-1', stage: 'active' });
      } finally {
        await store.drop([collection]);
        await store.close();
        await client.close();
      }
    });

    it('commits a batch fenced by a lease only while that holder holds it, by the server clock', async () => {
      const collection = `fenced_${randomUUID().replace(/-/g, '')}`;
      const name = `lease_${randomUUID()}`;
      const store = await MongoReadStore.connect(url);
      const lease = await MongoLease.connect(url);
      const fence = { collection: LEASES_COLLECTION, name, holder: 'a' };
      try {
        expect(await lease.acquire(name, 'a', 500)).toBe(true);
        await store.commit({ upserts: [{ collection, document: { _id: 'x', v: 1 } }], checkpoints: {}, fence });
        await new Promise((resolve) => setTimeout(resolve, 700)); // a's lease runs out; b takes over
        expect(await lease.acquire(name, 'b', 10_000)).toBe(true);
        await expect(
          store.commit({ upserts: [{ collection, document: { _id: 'x', v: 2 } }], checkpoints: { [name]: 9 }, fence }),
        ).rejects.toBeInstanceOf(FencedOutError);
        expect(await store.get(collection, 'x')).toEqual({ _id: 'x', v: 1 });
        expect(await store.checkpoint(name)).toBe(0);
      } finally {
        await lease.release(name, 'b');
        await store.drop([collection]);
        await store.close();
        await lease.close();
      }
    });

    it('is what createReadStore returns when MONGODB_URL is set', async () => {
      const store = await createReadStore({ dataDir: '/nonexistent', mongodbUrl: url });
      try {
        expect(store).toBeInstanceOf(MongoReadStore);
      } finally {
        await store.close();
      }
    });
  });
} else {
  process.stdout.write('MongoDB contract suite skipped: MONGODB_URL is not set\n');
  describe.skip('ReadStore contract: MongoDB (skipped: MONGODB_URL is not set)', () => {
    it('needs a running MongoDB replica set', () => undefined);
  });
}
