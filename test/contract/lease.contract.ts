import { Lease } from '@crm/lease';
import { randomUUID } from 'node:crypto';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeLeaseContract(name: string, make: () => Promise<{ lease: Lease; cleanup(): Promise<void> }>) {
  describe(`Lease contract: ${name}`, () => {
    let lease: Lease;
    let cleanup: () => Promise<void>;
    const key = () => `projector-${randomUUID()}`;

    beforeEach(async () => ({ lease, cleanup } = await make()));
    afterEach(() => cleanup());

    it('gives a free lease to the first holder and refuses a second while it runs', async () => {
      const name = key();
      expect(await lease.acquire(name, 'a', 10_000)).toBe(true);
      expect(await lease.acquire(name, 'b', 10_000)).toBe(false);
    });

    it('lets the holder extend it', async () => {
      const name = key();
      expect(await lease.acquire(name, 'a', 200)).toBe(true);
      expect(await lease.acquire(name, 'a', 10_000)).toBe(true);
      await sleep(300);
      expect(await lease.acquire(name, 'b', 10_000)).toBe(false);
    });

    it('hands an expired lease to another holder', async () => {
      const name = key();
      expect(await lease.acquire(name, 'a', 100)).toBe(true);
      await sleep(200);
      expect(await lease.acquire(name, 'b', 10_000)).toBe(true);
      expect(await lease.acquire(name, 'a', 10_000)).toBe(false);
    });

    it('frees a released lease at once, and ignores a release by someone who does not hold it', async () => {
      const name = key();
      expect(await lease.acquire(name, 'a', 10_000)).toBe(true);
      await lease.release(name, 'b');
      expect(await lease.acquire(name, 'b', 10_000)).toBe(false);
      await lease.release(name, 'a');
      expect(await lease.acquire(name, 'b', 10_000)).toBe(true);
    });

    it('gives a contested free lease to exactly one of many', async () => {
      const name = key();
      const won = await Promise.all(Array.from({ length: 20 }, (_, i) => lease.acquire(name, `h${i}`, 10_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });
}
