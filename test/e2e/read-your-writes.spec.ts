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
      // Each interaction is a touchpoint of the last 365 days: the cadence reason counts them.
      const cadence = read.body.components.find((c: { name: string }) => c.name === 'cadence');
      if (!cadence.reason.startsWith(`${i} touchpoint`)) misses.push(i);
    }
    expect(misses).toEqual([]);
  }, 120_000);

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
