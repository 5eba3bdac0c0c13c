import { SqliteLease } from '@crm/lease';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLeaseContract } from './lease.contract';

describeLeaseContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-lease-'));
  const lease = new SqliteLease(join(dir, 'leases.sqlite'));
  return {
    lease,
    cleanup: async () => {
      await lease.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
