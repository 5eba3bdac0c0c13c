import { CommitBatch, EmbeddedReadStore, FencedOutError, ReadStore } from '@crm/read-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeaseGuardedReadStore, LeaseLostError } from './lease-guarded-read-store';

/** The real embedded store, refusing fenced batches of any holder but `current` as MongoDB does (it ignores fences itself). */
function fencing(inner: EmbeddedReadStore, current: () => string): ReadStore {
  return Object.assign(Object.create(inner) as ReadStore, {
    commit: async (batch: CommitBatch) => {
      if (batch.fence && batch.fence.holder !== current()) throw new FencedOutError(batch.fence.name);
      return inner.commit(batch);
    },
  });
}

describe('LeaseGuardedReadStore', () => {
  let dir: string;
  let inner: EmbeddedReadStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-guarded-'));
    inner = await EmbeddedReadStore.open(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    await inner.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const batch = (v: number): CommitBatch => ({ upserts: [{ collection: 'docs', document: { _id: 'x', v } }], checkpoints: { p: v } });
  const fence = { collection: 'leases', name: 'projector', holder: 'a' };

  it('sends its lease with every commit, and a batch the store fences out is lost lease: nothing written', async () => {
    let holder = 'a';
    const guarded = new LeaseGuardedReadStore(fencing(inner, () => holder), () => undefined, fence);
    await guarded.commit(batch(1));
    holder = 'b'; // a standby took over while this process was paused
    await expect(guarded.commit(batch(2))).rejects.toBeInstanceOf(LeaseLostError);
    expect(await inner.get('docs', 'x')).toEqual({ _id: 'x', v: 1 });
    expect(await inner.checkpoint('p')).toBe(1);
  });

  it('checks the lease keeper before writing at all', async () => {
    const guarded = new LeaseGuardedReadStore(inner, () => {
      throw new LeaseLostError();
    }, fence);
    await expect(guarded.commit(batch(1))).rejects.toBeInstanceOf(LeaseLostError);
    expect(await inner.get('docs', 'x')).toBeUndefined();
  });
});
