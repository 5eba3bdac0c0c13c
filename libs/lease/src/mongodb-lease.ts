import { Collection, MongoClient, MongoServerError } from 'mongodb';
import { Lease } from './lease.port';

interface LeaseDocument {
  _id: string;
  holder: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/** Leases in a MongoDB collection (production): one conditional upsert per acquire, so two standbys never both win. */
export class MongoLease implements Lease {
  private constructor(
    private readonly client: MongoClient,
    private readonly collection: Collection<LeaseDocument>,
  ) {}

  static async connect(url: string): Promise<MongoLease> {
    const client = await new MongoClient(url).connect();
    return new MongoLease(client, client.db().collection<LeaseDocument>('leases'));
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = new Date();
    try {
      // Matches only when the lease is ours or expired; otherwise the upsert collides with the holder's _id.
      const result = await this.collection.updateOne(
        { _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] },
        { $set: { holder, expiresAt: new Date(now.getTime() + ttlMs) } },
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
