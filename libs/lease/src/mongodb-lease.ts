import { databaseNameOf } from '@crm/read-store';
import { Collection, MongoClient, MongoServerError } from 'mongodb';
import { Lease } from './lease.port';

interface LeaseDocument {
  _id: string;
  holder: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/** The collection of leases: in the read models' database, so a projector's commit can check its lease in the same transaction. */
export const LEASES_COLLECTION = 'leases';

/**
 * Leases in a MongoDB collection (production): one conditional upsert per acquire, so two standbys never both win.
 * Expiry is reckoned on the server's clock ($$NOW), never on the projector hosts' clocks, and written with
 * majority write concern, so a lease survives a primary's failover.
 */
export class MongoLease implements Lease {
  private constructor(
    private readonly client: MongoClient,
    private readonly collection: Collection<LeaseDocument>,
  ) {}

  static async connect(url: string): Promise<MongoLease> {
    const client = await new MongoClient(url).connect();
    const collection = client.db(databaseNameOf(url)).collection<LeaseDocument>(LEASES_COLLECTION, { writeConcern: { w: 'majority' } });
    return new MongoLease(client, collection);
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    try {
      // Matches only when the lease is ours or expired; otherwise the upsert collides with the holder's _id.
      const result = await this.collection.updateOne(
        { _id: name, $or: [{ holder }, { $expr: { $lte: ['$expiresAt', '$$NOW'] } }] },
        [{ $set: { holder, expiresAt: { $add: ['$$NOW', ttlMs] } } }],
        { upsert: true },
      );
      return result.matchedCount === 1 || result.upsertedCount === 1;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async release(name: string, holder: string): Promise<void> {
    await this.collection.deleteOne({ _id: name, holder });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
