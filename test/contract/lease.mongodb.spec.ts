import { MongoLease } from '@crm/lease';
import { describeLeaseContract } from './lease.contract';

const url = process.env.MONGODB_URL;

if (url) {
  describeLeaseContract('MongoDB', async () => {
    const lease = await MongoLease.connect(url);
    return { lease, cleanup: () => lease.close() };
  });
} else {
  console.log('MongoDB lease contract suite skipped: MONGODB_URL is not set');
  describe.skip('Lease contract: MongoDB (MONGODB_URL is not set)', () => it('runs against a real server', () => undefined));
}
