import type { AllStreamRecordedEvent, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { RecordedEvent } from '../event-store.port';
import { IDEMPOTENCY_STREAM_PREFIX } from './event-ids';
import { positionOf } from './positions';

/** Whether a $all record is one of the product's events: not a system event, not our idempotency bookkeeping. */
export function isProductEvent(event: AllStreamRecordedEvent): boolean {
  return (
    event.isJson &&
    !event.type.startsWith('$') &&
    !event.streamId.startsWith('$') &&
    !event.streamId.startsWith(IDEMPOTENCY_STREAM_PREFIX)
  );
}

export function toRecorded(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: positionOf(event.position),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: (event.metadata ?? {}) as Record<string, unknown>,
  };
}
