import { quarantineEvent } from '@crm/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventLogScan } from '../../apps/api/src/infrastructure/event-log-scan';
import { EVENT_LOG_SCAN } from '../../apps/api/src/infrastructure/event-store.module';
import { created, daysAgo, region } from '../support/fixtures';
import { healthWhen } from '../support/health-when';
import { startTestAppOn, TestApp } from '../support/test-app';


describe('one damaged event in the log (a row cut short on disk)', () => {
  let dataDir: string;
  let t: TestApp | undefined;
  let damaged: string;
  let healthy: string;
  let position: number;

  const record = (partnershipId: string, days: number) =>
    t!.http.post(`/api/partnerships/${partnershipId}/interactions`).send({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(days) });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-damaged-'));
    t = await startTestAppOn(dataDir);
    const { schoolId, companyId, partnershipId } = await region(t.http);
    damaged = partnershipId;
    healthy = await created(t.http, '/partnerships', { schoolId, partnerId: companyId, levels: ['vmbo'], intensity: 'placement', themes: [], openedAt: daysAgo(200) });
    for (const days of [100, 90, 80]) {
      const answer = await record(damaged, days).expect(201);
      if (days === 90) position = answer.body.position;
      await record(healthy, days).expect(201);
    }
    await t.close();
    // The read models are gone too (a new machine): the projections must read the damaged event again.
    rmSync(join(dataDir, 'read-models.sqlite'));
    const log = new Database(join(dataDir, 'events.sqlite'));
    log.prepare('UPDATE events SET data = substr(data, 1, length(data) - 1) WHERE position = ?').run(position);
    log.close();
    t = await startTestAppOn(dataDir);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, finds it in the background check of every event, and stops the projections naming stream, position and file', async () => {
    const scan = await t!.app.get<EventLogScan>(EVENT_LOG_SCAN).done;
    expect(scan).toMatchObject({ status: 'damaged', damaged: [{ position, streamId: `partnership-${damaged}` }] });
    const health = await healthWhen(t!, (body) => body.readModels.projections.some((p: { error?: string }) => p.error));
    const response = await t!.http.get('/health').expect(503);
    expect(response.body.integrity).toMatchObject({ status: 'damaged', damaged: [{ position }] });
    const errors = health.readModels.projections.map((p: { error?: string }) => p.error).filter(Boolean);
    expect(errors[0]).toMatch(new RegExp(`position ${position} of stream partnership-${damaged} in .*events\\.sqlite is damaged`));
  });

  it('answers that partnership with event_damaged while every other partnership keeps working', async () => {
    const timeline = await t!.http.get(`/api/partnerships/${damaged}/timeline`).expect(503);
    expect(timeline.body).toMatchObject({ code: 'event_damaged', position });
    const write = await record(damaged, 10).expect(503);
    expect(write.body.code).toBe('event_damaged');
    await t!.http.get(`/api/partnerships/${healthy}/timeline`).expect(200);
    await record(healthy, 10).expect(201);
  });

  it('answers a rebuild with the failure instead of hanging, and a second rebuild starts afresh (and fails alike)', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await t!.http.post('/api/admin/projections/rebuild').query({ wait: 'true' }).expect(503);
      expect(answer.body.code).toBe('rebuild_failed');
      expect(answer.body.message).toContain(`position ${position}`);
    }
  });

  it('after the documented repair (quarantine, with who and why) the read models heal and a rebuild succeeds', async () => {
    await t!.close();
    t = undefined;
    quarantineEvent(join(dataDir, 'events.sqlite'), position, { by: 'beheerder', reason: 'regel afgekapt op schijf' });
    t = await startTestAppOn(dataDir);
    await healthWhen(t, (body) => body.status === 'ok');
    const timeline = await t.http.get(`/api/partnerships/${damaged}/timeline`).expect(200);
    expect(timeline.body.items.find((item: { position: number }) => item.position === position)).toMatchObject({ type: '$quarantined', recordedBy: 'beheerder' });
    await record(damaged, 5).expect(201);
    const rebuilt = await t.http.post('/api/admin/projections/rebuild').query({ wait: 'true' }).expect(202);
    expect(rebuilt.body.status).toBe('done');
  });
});
