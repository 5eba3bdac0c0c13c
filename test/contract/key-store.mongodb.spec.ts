import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { databaseNameOf } from '@crm/read-store';
import { createKeyStore, KEYS_COLLECTION, MongoKeyStore } from '@crm/privacy';
import { describeKeyStoreContract } from './key-store.contract';

/**
 * Runs against a real MongoDB (majority writes and reads need a replica set, a single node will do), e.g.
 * MONGODB_URL=mongodb://localhost:27017/crm_contract?replicaSet=rs0; never a stand-in.
 */
const url = process.env.MONGODB_URL;

if (url) {
  jest.setTimeout(30_000);

  describeKeyStoreContract(`MongoDB (${databaseNameOf(url)})`, async () => {
    const store = await MongoKeyStore.connect(url);
    return { store, other: () => MongoKeyStore.connect(url), cleanup: () => store.close() };
  });

  describe('MongoKeyStore', () => {
    it(`keeps one document per subject in ${KEYS_COLLECTION}, without the key once destroyed`, async () => {
      const subject = `person:${randomUUID()}`;
      const store = await MongoKeyStore.connect(url);
      const client = await new MongoClient(url).connect();
      try {
        const key = await store.getOrCreate(subject);
        const keys = client.db(databaseNameOf(url)).collection(KEYS_COLLECTION);
        const stored = await keys.findOne({ _id: subject as never });
        expect(Buffer.from(stored!.key.buffer).equals(key)).toBe(true);

        await store.destroy(subject);

        const tombstone = await keys.findOne({ _id: subject as never });
        expect(tombstone).not.toHaveProperty('key');
        expect(tombstone!.destroyedAt).toBeInstanceOf(Date);
      } finally {
        await store.close();
        await client.close();
      }
    });

    it('is what createKeyStore returns when MONGODB_URL is set', async () => {
      const store = await createKeyStore({ dataDir: '/nonexistent', mongodbUrl: url });
      try {
        expect(store).toBeInstanceOf(MongoKeyStore);
      } finally {
        await store.close();
      }
    });
  });
} else {
  process.stdout.write('MongoDB key store contract suite skipped: MONGODB_URL is not set\n');
  describe.skip('KeyStore contract: MongoDB (skipped: MONGODB_URL is not set)', () => {
    it('needs a running MongoDB replica set', () => undefined);
  });
}
