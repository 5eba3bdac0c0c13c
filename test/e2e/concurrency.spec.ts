import { randomUUID } from 'node:crypto';
import { streamOf } from '@crm/domain';
import { region } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('concurrent commands on one partnership', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('with the same If-Match, exactly one of 50 succeeds and the others get 409 with the current revision', async () => {
    const { partnershipId, teacherId } = await region(t.http);
    const before = await t.store.readStream(streamOf.partnership(partnershipId));
    const revision = before[before.length - 1].revision;

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.http
          .post(`/api/partnerships/${partnershipId}/interactions`)
          .set('If-Match', String(revision))
          .send({ interactionId: randomUUID(), kind: 'call', initiatedBy: 'school', participantIds: [teacherId] }),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const conflict of responses.filter((r) => r.status === 409)) {
      expect(conflict.body).toMatchObject({ code: 'revision_mismatch', currentRevision: revision + 1 });
    }
    const after = await t.store.readStream(streamOf.partnership(partnershipId));
    expect(after).toHaveLength(before.length + 1);
  });

  it('without If-Match, 50 parallel contacts are all recorded, each once', async () => {
    const { partnershipId, teacherId } = await region(t.http);
    const ids = Array.from({ length: 50 }, () => randomUUID());

    const responses = await Promise.all(
      ids.map((interactionId) =>
        t.http
          .post(`/api/partnerships/${partnershipId}/interactions`)
          .send({ interactionId, kind: 'email', initiatedBy: 'partner', participantIds: [teacherId] }),
      ),
    );

    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 201));
    const recorded = (await t.store.readStream(streamOf.partnership(partnershipId)))
      .filter((e) => e.type === 'InteractionRecorded')
      .map((e) => e.data.interactionId);
    expect(recorded.sort()).toEqual([...ids].sort());
  });
});
