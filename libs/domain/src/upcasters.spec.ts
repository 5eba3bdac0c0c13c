import { upcast } from './upcasters';

const metadata = (schemaVersion?: number) => ({
  recordedBy: 'u',
  recordedAt: '2024-03-01T10:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  ...(schemaVersion !== undefined && { schemaVersion }),
});

describe('upcast', () => {
  it('lifts a v1 CommitmentMade to v2, dating the promise when it was recorded', () => {
    const v1 = { type: 'CommitmentMade', data: { partnershipId: 'p', commitmentId: 'c1', side: 'school', description: 'x', dueAt: '2024-06-01T00:00:00.000Z' }, metadata: metadata(1) };
    expect(upcast(v1)).toEqual({ ...v1, data: { ...v1.data, madeAt: '2024-03-01T10:00:00.000Z' }, metadata: { ...v1.metadata, schemaVersion: 2 } });
  });

  it('treats an event without a schema version as v1', () => {
    const old = { type: 'CommitmentMade', data: { commitmentId: 'c1' }, metadata: metadata() };
    expect((upcast(old).data as Record<string, unknown>).madeAt).toBe('2024-03-01T10:00:00.000Z');
  });

  it('passes current events through untouched (same object)', () => {
    const v2 = { type: 'CommitmentMade', data: { commitmentId: 'c1', madeAt: '2024-01-01T00:00:00.000Z' }, metadata: metadata(2) };
    const other = { type: 'InteractionRecorded', data: { interactionId: 'i' }, metadata: metadata(1) };
    expect(upcast(v2)).toBe(v2);
    expect(upcast(other)).toBe(other);
  });
});
