import { randomUUID } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daysAgo, region } from '../support/fixtures';
import { startTestAppOn, TestApp } from '../support/test-app';

describe('the data directory deleted or replaced while the API runs', () => {
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-gone-'));
    t = await startTestAppOn(dataDir);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses writes with 503 storage_unavailable and Retry-After, and /health names the store, until the file is back', async () => {
    const { partnershipId } = await region(t.http);
    const record = () => t.http.post(`/api/partnerships/${partnershipId}/interactions`).send({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', occurredAt: daysAgo(3) });
    await record().expect(201);
    const log = join(dataDir, 'events.sqlite');
    renameSync(log, `${log}.moved`);

    const refused = await record().expect(503);
    expect(refused.body).toMatchObject({ code: 'storage_unavailable' });
    expect(refused.body.message).toContain('event log');
    expect(refused.body.message).not.toContain(dataDir);
    expect(refused.headers['retry-after']).toBe('30');
    const health = await t.http.get('/health').expect(503);
    expect(health.body.eventStore).toMatchObject({ status: 'down', fault: 'gone' });
    expect(health.body.eventStore.error).toContain(log);

    renameSync(`${log}.moved`, log);
    await record().expect(201);
    await t.http.get('/health').expect(200);
  });
});
