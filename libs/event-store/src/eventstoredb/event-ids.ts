import { createHash } from 'node:crypto';
import { ExpectedRevision } from '../event-store.port';

export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';

/** The stream holding the stored outcome of one Idempotency-Key (hashed: keys are client-chosen text). */
export function idempotencyStream(key: string): string {
  return `${IDEMPOTENCY_STREAM_PREFIX}${sha256(key)}`;
}

/**
 * A UUID derived from the Idempotency-Key and the event's place in the append. The same request retried at the
 * same expected revision yields the same ids, which EventStoreDB recognises as an idempotent write and does not
 * store twice. The expected revision is part of the name so a re-decided command (new revision) gets fresh ids.
 */
export function deterministicEventId(key: string, streamId: string, expected: ExpectedRevision, index: number): string {
  return uuidFrom(sha256(JSON.stringify(['event', key, streamId, expected, index])));
}

/** Same outcome, same id (a retried write is absorbed); a competing outcome for the key gets another id. */
export function outcomeEventId(key: string, outcome: unknown): string {
  return uuidFrom(sha256(JSON.stringify(['outcome', key, outcome])));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** RFC 9562 version 8 (custom, here name-based on SHA-256) from the first 128 bits of a hex digest. */
function uuidFrom(hex: string): string {
  const bytes = Buffer.from(hex.slice(0, 32), 'hex');
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
