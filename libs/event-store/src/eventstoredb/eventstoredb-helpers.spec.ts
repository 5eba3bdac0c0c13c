import type { AllStreamRecordedEvent } from '@eventstore/db-client';
import { deterministicEventId, idempotencyStream, outcomeEventId } from './event-ids';
import { positionOf, readFrom } from './positions';
import { isProductEvent } from './recorded-events';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('EventStoreDB adapter helpers', () => {
  it('derives the same event id for the same key, stream, expected revision and index only', () => {
    const id = deterministicEventId('key-1', 'organisation-1', 'no_stream', 0);
    expect(id).toMatch(UUID_V8);
    expect(deterministicEventId('key-1', 'organisation-1', 'no_stream', 0)).toBe(id);
    expect(new Set([
      id,
      deterministicEventId('key-2', 'organisation-1', 'no_stream', 0),
      deterministicEventId('key-1', 'organisation-2', 'no_stream', 0),
      deterministicEventId('key-1', 'organisation-1', 0, 0),
      deterministicEventId('key-1', 'organisation-1', 'no_stream', 1),
    ]).size).toBe(5);
  });

  it('gives competing outcomes for one key different ids, and hashes the key into the stream name', () => {
    const outcome = { fingerprint: 'f', resultId: 'r', revision: 0, position: 10 };
    expect(outcomeEventId('k', outcome)).toBe(outcomeEventId('k', { ...outcome }));
    expect(outcomeEventId('k', outcome)).not.toBe(outcomeEventId('k', { ...outcome, position: 11 }));
    expect(idempotencyStream('any text / with spaces')).toMatch(/^idempotency-[0-9a-f]{64}$/);
  });

  it('maps a $all position to its commit position and back', () => {
    expect(positionOf({ commit: 1234n, prepare: 1234n })).toBe(1234);
    expect(positionOf({ commit: 2000n, prepare: 1500n })).toBe(2000);
    expect(() => positionOf({ commit: 2n ** 60n, prepare: 0n })).toThrow('does not fit');
    expect(() => positionOf(undefined)).toThrow();
    expect(readFrom(0)).toBe('start');
    expect(readFrom(1234)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('keeps system events and idempotency bookkeeping out of the product log', () => {
    const base = { streamId: 'partnership-1', type: 'PartnershipOpened', isJson: true } as AllStreamRecordedEvent;
    expect(isProductEvent(base)).toBe(true);
    expect(isProductEvent({ ...base, type: '$metadata' } as AllStreamRecordedEvent)).toBe(false);
    expect(isProductEvent({ ...base, streamId: '$stats-127.0.0.1:2113' } as AllStreamRecordedEvent)).toBe(false);
    expect(isProductEvent({ ...base, streamId: idempotencyStream('k') } as AllStreamRecordedEvent)).toBe(false);
    expect(isProductEvent({ ...base, isJson: false } as AllStreamRecordedEvent)).toBe(false);
  });
});
