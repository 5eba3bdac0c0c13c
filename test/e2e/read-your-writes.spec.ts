import { randomUUID } from 'node:crypto';
import { region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('read-your-writes with X-Min-Position', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('a query after a command sees that command, every time, in a loop of 1000', async () => {
    const { partnershipId, teacherId } = await region(t.http);
    const misses: number[] = [];
    for (let i = 1; i <= 1000; i++) {
      const interactionId = randomUUID();
      const written = await t.http
        .post(`/api/partnerships/${partnershipId}/interactions`)
        .send({ interactionId, kind: 'message', initiatedBy: i % 2 ? 'school' : 'partner', participantIds: [teacherId] })
        .expect(201);
      const read = await t.http.get(`/api/partnerships/${partnershipId}/health`).set('X-Min-Position', String(written.body.position)).expect(200);
      expect(read.headers['server-timing']).toMatch(/^read-models;dur=\d+\.\d$/);
      // Each interaction is a touchpoint of the last 365 days: the cadence reason counts them.
      const cadence = read.body.components.find((c: { name: string }) => c.name === 'cadence');
      if (!cadence.reason.startsWith(`${i} touchpoint`)) misses.push(i);
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it('reports and lists asked again right after a command count it (answers are reused only until the read models move)', async () => {
    const { schoolId, companyId } = await region(t.http);
    const vmboCount = async (minPosition: number) => {
      const report = await t.http.get('/api/reports/levels').set('X-Min-Position', String(minPosition)).expect(200);
      const list = await t.http.get('/api/partnerships').query({ level: 'vmbo', school: schoolId, limit: 200 }).set('X-Min-Position', String(minPosition)).expect(200);
      return { report: report.body.levels.find((row: { level: string }) => row.level === 'vmbo').partnerships, list: list.body.items.length };
    };
    let before = await vmboCount(0);
    for (let i = 0; i < 20; i++) {
      const written = await t.http.post('/api/partnerships').send({ schoolId, partnerId: companyId, levels: ['vmbo'], intensity: 'placement' }).expect(201);
      const after = await vmboCount(written.body.position);
      expect(after).toEqual({ report: before.report + 1, list: before.list + 1 });
      before = after;
    }
  }, 60_000);

  it('answers 503 read_models_behind when the position is not reached in time, and 400 for a malformed one', async () => {
    const head = await t.store.headPosition();
    const late = await t.http.get('/api/partnerships').set('X-Min-Position', String(head + 1000));
    expect(late.status).toBe(503);
    expect(late.body.code).toBe('read_models_behind');
    const bad = await t.http.get('/api/partnerships').set('X-Min-Position', 'soon');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_min_position');
  }, 20_000);
});
