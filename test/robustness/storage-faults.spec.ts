import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { created, daysAgo, region } from '../support/fixtures';
import { healthWhen } from '../support/health-when';
import { rawSqliteOf } from '../support/raw-sqlite';
import { startTestAppOn, TestApp } from '../support/test-app';
import { mountTmpfs, Tmpfs } from './support/tmpfs';

/**
 * A disk that fills up, for real: DATA_DIR on a small tmpfs (root only; skipped with the reason otherwise). Every
 * refused write is answered 507 `storage_full` with Retry-After, /health names the store while writes fail, and once
 * the space is back the read models equal a rebuild without anyone asking. A file system turned read-only cannot be
 * made here (a tmpfs with files open for writing refuses `remount,ro`): SQLite is made to fail as it then does
 * (`PRAGMA query_only`: SQLITE_READONLY on every write).
 */
jest.setTimeout(180_000);

const fs = mountTmpfs(24);
const describeOnTmpfs = 'unavailable' in fs ? describe.skip : describe;
if ('unavailable' in fs) console.log(`storage-faults skipped: ${fs.unavailable}`);

/** Fills the file system with one file until it is full (ENOSPC); returns its path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return filler;
}


describeOnTmpfs('DATA_DIR on a disk that fills up or turns read-only', () => {
  const tmpfs = fs as Tmpfs;
  let t: TestApp;
  let partnerships: string[];

  beforeAll(async () => {
    t = await startTestAppOn(join(tmpfs.dir, 'data'));
    const { schoolId, companyId, partnershipId } = await region(t.http);
    partnerships = [partnershipId];
    for (let i = 0; i < 7; i++) {
      partnerships.push(await created(t.http, '/partnerships', { schoolId, partnerId: companyId, levels: ['vmbo'], intensity: 'placement', themes: [], openedAt: daysAgo(300) }));
    }
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    tmpfs.unmount();
  });

  const record = (partnershipId: string) =>
    t.http
      .post(`/api/partnerships/${partnershipId}/interactions`)
      .send({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(5), summary: 'Gesprek over stageplaatsen. '.repeat(55) });

  /** What the read models say about every partnership, as a client sees it. */
  const views = async () => ({
    list: (await t.http.get('/api/partnerships').query({ asOf: '2026-06-01', limit: 100 })).body,
    health: await Promise.all(partnerships.map(async (id) => (await t.http.get(`/api/partnerships/${id}/health`).query({ asOf: '2026-06-01' })).body)),
  });

  it('full: refuses with 507 storage_full and Retry-After, never 500; /health names the store; heals to equal a rebuild', async () => {
    const filler = fillDisk(tmpfs.dir);
    const answers: { status: number; code?: string; retryAfter?: string }[] = [];
    // 16 at a time until refusals come (some writes may still fit in pages SQLite had already allocated).
    for (let round = 0; round < 20 && !answers.some((a) => a.status === 507); round++) {
      const batch = await Promise.all(Array.from({ length: 16 }, (_, i) => record(partnerships[i % partnerships.length])));
      answers.push(...batch.map((r) => ({ status: r.status, code: r.body.code, retryAfter: r.headers['retry-after'] })));
    }
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.status === 507 && a.code === 'storage_full' && a.retryAfter === '30')).toBe(true);
    const health = await t.http.get('/health').expect(503);
    expect([health.body.eventStore, health.body.readStore, health.body.keyStore].some((s) => s.fault === 'full')).toBe(true);

    unlinkSync(filler);
    for (const id of partnerships) await record(id).expect(201);
    await healthWhen(t, (body) => body.status === 'ok');
    const live = await views();
    await t.http.post('/api/admin/projections/rebuild').query({ wait: 'true' }).expect(202);
    expect(await views()).toEqual(live);
  });

  it('read-only: refuses with 503 storage_read_only and Retry-After, nothing written; writable again, writes go on', async () => {
    const log = rawSqliteOf(t.store);
    const head = await t.store.headPosition();
    log.pragma('query_only = 1');
    try {
      const refused = await record(partnerships[0]);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('storage_read_only');
      expect(refused.headers['retry-after']).toBe('30');
      expect(await t.store.headPosition()).toBe(head);
    } finally {
      log.pragma('query_only = 0');
    }
    await record(partnerships[0]).expect(201);
    await healthWhen(t, (body) => body.status === 'ok');
  });
});
