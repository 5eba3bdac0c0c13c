import { START as ESDB_START, type Position as EsdbPosition, type ReadPosition } from '@eventstore/db-client';
import { Position, START } from '../event-store.port';

/**
 * Our single-number Position on EventStoreDB is the event's commit position in $all.
 *
 * Why that one: the gRPC API writes every event of an append as its own committed prepare record (flag
 * IsCommitted, no separate commit record), and $all reports such an event at TFPos(logPosition, logPosition) —
 * commit and prepare are equal, unique per event and increasing in $all order. Some older servers report the
 * transaction's first position as `prepare` for every event of the batch while `commit` stays the event's own
 * log position, so `commit` is the field that is unique everywhere. (Only legacy TCP explicit transactions share
 * a commit position between events; this product never writes those.) Log positions are byte offsets, so they
 * fit a JS number far beyond any realistic log size; we still refuse an unsafe integer rather than round it.
 *
 * Positions on EventStoreDB are increasing but not gap-free.
 */
export function positionOf(position: EsdbPosition | undefined): Position {
  if (!position) throw new Error('EventStoreDB returned an event without a $all position');
  const value = Number(position.commit);
  if (!Number.isSafeInteger(value)) throw new Error(`EventStoreDB position ${position.commit} does not fit a JS number`);
  return value;
}

/**
 * Where to start reading $all to see the events after `after`. Reads from a position are inclusive and
 * subscriptions exclusive; callers skip everything at or before `after` either way.
 */
export function readFrom(after: Position): ReadPosition {
  return after === START ? ESDB_START : { commit: BigInt(after), prepare: BigInt(after) };
}
