import { IdempotentOutcome } from '../event-store.port';

/**
 * The write-ahead record of an append on EventStoreDB, which has no transaction across streams (client 6.x has no
 * multi-stream append; KurrentDB 25.1's atomic one is only in @kurrent/kurrentdb-client). Before the first event is
 * written, the whole append — every stream's expected revision and events, ids included — is written to the key's
 * own stream (idempotency-<sha256(key)>), which also claims the key. The append then writes the streams in order
 * and stores the outcome after the intent. Whoever finds an intent without an outcome (a retry with the same key,
 * the same request still in flight, a sweep) completes it with the same events, ids and expected revisions, which
 * the server recognises as the same write: the log, not the outcome record, is the truth.
 */
export const INTENT_EVENT_TYPE = 'AppendIntended';
/** The intent could not take effect (its first stream had moved before any of it was written): nothing was written. */
export const ABANDONED_EVENT_TYPE = 'AppendAbandoned';
/** The outcome of a completed intent: a cache, derivable again from the intent and the streams. */
export const OUTCOME_EVENT_TYPE = 'IdempotentOutcomeStored';

export interface IntendedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface IntendedWrite {
  streamId: string;
  /** The revision of the stream's last event before this write; -1 for a stream that must not exist yet. */
  after: number;
  events: IntendedEvent[];
}

export interface AppendIntent {
  fingerprint: string;
  resultId: string;
  writes: IntendedWrite[];
}

/** What the key's stream says, from its last event. */
export type KeyState =
  /** Never claimed, or its last intent abandoned: the next intent expects this revision of the key's stream (-1: none). */
  | { kind: 'free'; after: number }
  /** Claimed by an intent that may not have completed: complete it before answering. */
  | { kind: 'intended'; intent: AppendIntent; revision: number }
  | { kind: 'stored'; outcome: IdempotentOutcome };

export function keyState(events: readonly { type: string; revision: number; data: Record<string, unknown> }[]): KeyState {
  const last = events[events.length - 1];
  if (!last) return { kind: 'free', after: -1 };
  if (last.type === OUTCOME_EVENT_TYPE) return { kind: 'stored', outcome: outcomeFrom(last.data) };
  if (last.type === INTENT_EVENT_TYPE) return { kind: 'intended', intent: last.data as unknown as AppendIntent, revision: last.revision };
  return { kind: 'free', after: last.revision };
}

export function outcomeFrom(data: Record<string, unknown>): IdempotentOutcome {
  return { fingerprint: String(data.fingerprint), resultId: String(data.resultId), revision: Number(data.revision), position: Number(data.position) };
}

/**
 * Where an intended write landed, given the ids of the stream's events from revision `write.after + 1` on:
 * the revision of its last event, or undefined when its first event is not among them. An exact-revision write can
 * land only right after `after`; `anywhere` also finds one written later (after the stream had moved, see complete).
 */
export function landedAt(write: IntendedWrite, idsFromNext: readonly string[], anywhere: boolean): number | undefined {
  const first = write.events[0]?.id;
  if (first === undefined) return write.after;
  const index = anywhere ? idsFromNext.indexOf(first) : idsFromNext[0] === first ? 0 : -1;
  return index < 0 ? undefined : write.after + index + write.events.length;
}
