import { randomBytes } from 'node:crypto';
import { Binary, Collection, MongoClient, MongoServerError } from 'mongodb';
import { databaseNameOf } from '@crm/read-store';
import { checkSubjectId, KEY_BYTES, KeyLookup, KeyStore, SubjectErasedError } from '../key-store.port';

import { KEYS_COLLECTION } from './keys-collection';

export { KEYS_COLLECTION };

interface KeyDocument {
  _id: string;
  /** Absent once destroyed. */
  key?: Binary;
  createdAt: Date;
  destroyedAt?: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Data keys in the MongoDB collection `data_keys` (production), one document per subject: `{ _id: subject, key,
 * createdAt }`, and after destruction `{ _id, createdAt, destroyedAt }` without the key.
 *
 * Writes are acknowledged by a majority with journaling, reads are majority reads: a key handed out can never be
 * rolled back by a failover, which would leave events encrypted with a key nobody has.
 * Destroying `$unset`s the key. What MongoDB itself keeps of the old document for a while (WiredTiger journal and
 * checkpoints, the oplog window, backups) is outside this adapter: the oplog and backups must age out for an
 * erasure to be complete on disk.
 */
export class MongoKeyStore implements KeyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<KeyDocument>,
  ) {}

  /** The database is the one named in the URL's path, else `partnership_crm` (like the read store). */
  static async connect(url: string): Promise<MongoKeyStore> {
    const client = new MongoClient(url, { ignoreUndefined: true });
    try {
      await client.connect();
      const keys = client.db(databaseNameOf(url)).collection<KeyDocument>(KEYS_COLLECTION, {
        writeConcern: { w: 'majority', journal: true },
        readConcern: { level: 'majority' },
      });
      return new MongoKeyStore(client, keys);
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  async getOrCreate(subjectId: string): Promise<Buffer> {
    checkSubjectId(subjectId);
    for (let attempt = 1; ; attempt++) {
      try {
        // One atomic upsert: the first caller's key wins, every other caller gets that same key back.
        const document = await this.keys.findOneAndUpdate(
          { _id: subjectId },
          { $setOnInsert: { key: new Binary(randomBytes(KEY_BYTES)), createdAt: new Date() } },
          { upsert: true, returnDocument: 'after' },
        );
        if (!document?.key) throw new SubjectErasedError(subjectId);
        return Buffer.from(document.key.buffer);
      } catch (error) {
        // Two upserts of one new _id can collide; the retry finds the winner's document.
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY && attempt < 3) continue;
        throw error;
      }
    }
  }

  async get(subjectId: string): Promise<KeyLookup> {
    checkSubjectId(subjectId);
    const document = await this.keys.findOne({ _id: subjectId });
    if (!document) return { status: 'absent' };
    if (document.key) return { status: 'active', key: Buffer.from(document.key.buffer) };
    return { status: 'destroyed', destroyedAt: (document.destroyedAt ?? document.createdAt).toISOString() };
  }

  async destroy(subjectId: string): Promise<void> {
    checkSubjectId(subjectId);
    const now = new Date();
    for (let attempt = 1; ; attempt++) {
      try {
        // A pipeline update keeps the first destruction date on a repeat, and tombstones a subject never keyed.
        await this.keys.updateOne(
          { _id: subjectId },
          [
            {
              $set: {
                createdAt: { $ifNull: ['$createdAt', now] },
                destroyedAt: { $ifNull: ['$destroyedAt', now] },
              },
            },
            { $unset: 'key' },
          ],
          { upsert: true },
        );
        return;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY && attempt < 3) continue;
        throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
