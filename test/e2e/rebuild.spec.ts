import { randomUUID } from 'node:crypto';
import { daysAgo, region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('POST /admin/projections/rebuild', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('rebuilds from position 0 into a new generation that answers the same, while the old one keeps answering', async () => {
    const { partnershipId, teacherId, ownerId } = await region(t.http);
    for (let i = 0; i < 30; i++) {
      await t.http
        .post(`/api/partnerships/${partnershipId}/interactions`)
        .send({ interactionId: randomUUID(), kind: 'call', initiatedBy: i % 3 ? 'school' : 'partner', occurredAt: daysAgo(300 - i * 10), participantIds: [teacherId, ownerId] })
        .expect(201);
    }
    const last = await t.http.post(`/api/partnerships/${partnershipId}/contacts`).send({ side: 'school', personId: teacherId, role: 'primary' }).expect(200);
    const views = async () => ({
      health: (await t.http.get(`/api/partnerships/${partnershipId}/health`).query({ asOf: '2026-01-01' }).set('X-Min-Position', String(last.body.position))).body,
      list: (await t.http.get('/api/partnerships').query({ asOf: '2026-01-01' })).body,
      people: (await t.http.get('/api/people').query({ asOf: '2026-01-01' })).body,
      levels: (await t.http.get('/api/reports/levels').query({ asOf: '2026-01-01' })).body,
    });
    const before = await views();
    const generationBefore = (await t.http.get('/health')).body.readModels.projections[0].generation;

    const started = t.http.post('/api/admin/projections/rebuild').query({ wait: 'true' }).then((r) => r);
    const during = await t.http.get(`/api/partnerships/${partnershipId}/health`).query({ asOf: '2026-01-01' });
    expect(during.status).toBe(200);
    expect(during.body.score).toBe(before.health.score);
    const response = await started;
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('done');

    const health = (await t.http.get('/health')).body;
    expect(health.readModels.projections.every((p: { generation: number }) => p.generation === generationBefore + 1)).toBe(true);
    expect(await views()).toEqual(before);
  }, 60_000);
});
