import {
  eventTypeFilter,
  streamNameFilter,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Filter,
  type Position as EsdbPosition,
} from '@eventstore/db-client';
import { Position } from '../event-store.port';
import { IDEMPOTENCY_STREAM_PREFIX } from './event-ids';
import { positionOf, readFrom } from './positions';
import { READ_DEADLINE_MS, ReadDeadlineError } from './read-until';

/** What the server should send of $all: the product's streams, or the events of some types. */
export type ServerFilter = { kind: 'product-streams' } | { kind: 'event-types'; types: readonly string[] };

export const PRODUCT_STREAMS: ServerFilter = { kind: 'product-streams' };

/**
 * Stream names the server sends for PRODUCT_STREAMS: neither a system stream (`$…`, metadata `$$…` included) nor
 * the idempotency bookkeeping (`idempotency-…`, the sweep's checkpoint too). EventStoreDB matches it with .NET's
 * Regex, which has lookahead. The adapter still drops any other record that is not a product event on its side
 * (isProductEvent), but the bulk (one intent and one outcome per keyed command, the server's own records) stays on
 * the server.
 */
export const PRODUCT_STREAM_REGEX = `^(?!\\$|${escapeRegex(IDEMPOTENCY_STREAM_PREFIX)})`;

/** A server signal, put into the subscription's stream at the place the server sent it (see withSignals). */
export type ScanSignal = { signal: 'checkpoint'; position: Position } | { signal: 'caught-up' };

/** What a signalled subscription yields: the server's events, and its signals in order with them. */
export type ScanItem = AllStreamResolvedEvent | ScanSignal;

export function isSignal(item: ScanItem): item is ScanSignal {
  return 'signal' in item;
}

/**
 * The client filter for a server filter. Its checkpointReached puts the checkpoint into the subscription's own
 * stream: the client calls it while transforming the server's message, after the events before it were pushed and
 * before the ones after it, so a reader that takes a checkpoint from the stream has consumed every event before it.
 * (Taken straight from the callback, it would run ahead of events still buffered, and a resume from it lose them.)
 */
export function clientFilter(filter: ServerFilter): Filter {
  const checkpointReached = (subscription: AllStreamSubscription, position: EsdbPosition): void => {
    if (!subscription.destroyed) subscription.push({ signal: 'checkpoint', position: positionOf(position) });
  };
  return filter.kind === 'product-streams'
    ? streamNameFilter({ regex: PRODUCT_STREAM_REGEX, checkpointReached })
    : eventTypeFilter({ regex: `^(?:${filter.types.map(escapeRegex).join('|')})$`, checkpointReached });
}

/** A filtered subscription to $all after `after` whose caught-up message is put into its stream in order too. */
export function subscribeFiltered(client: Pick<EventStoreDBClient, 'subscribeToAll'>, filter: ServerFilter, after: Position): AsyncIterable<ScanItem> & AllStreamSubscription {
  const subscription = client.subscribeToAll({ fromPosition: readFrom(after), filter: clientFilter(filter) });
  // Emitted while the server's message is transformed, like the checkpoint callback: pushed now, it keeps its place.
  subscription.on('caughtUp', () => {
    if (!subscription.destroyed) subscription.push({ signal: 'caught-up' });
  });
  return subscription as AsyncIterable<ScanItem> & AllStreamSubscription;
}

/** What a scan found, and how far it looked: the next scan starts after `reachedTo`. */
export interface Scan {
  events: AllStreamRecordedEvent[];
  /** The last event found when the limit was reached, else `head` (the server looked through it). */
  reachedTo: Position;
}

/**
 * The $all events the server filter lets through after `after` and up to `head`; at most `limit` of them, the first
 * ones (the scan stops once it has them).
 *
 * Client 6.x reads $all only unfiltered, so this is a filtered subscription stopped once the server has looked
 * through `head`: an event at or beyond it, a checkpoint at or beyond it, or the caught-up message (EventStoreDB
 * 23.10 and later, the minimum this adapter accepts). A long run of filtered-out records is crossed by the server's
 * checkpoints, which also keep the scan from looking idle. It never waits for ever: a subscription the server ends
 * first (an older server, a leader change) is an error, and so is one that sends nothing for `idleMs`.
 */
export async function scanAll(
  client: Pick<EventStoreDBClient, 'subscribeToAll'>,
  filter: ServerFilter,
  after: Position,
  head: Position,
  limit = Number.POSITIVE_INFINITY,
  idleMs = READ_DEADLINE_MS,
): Promise<Scan> {
  const events: AllStreamRecordedEvent[] = [];
  if (head <= after || limit <= 0) return { events, reachedTo: Math.max(after, head) };
  let reachedTo = after;
  const subscription = subscribeFiltered(client, filter, after);
  const finished = await consumeUntil(
    subscription,
    (item) => {
      if (isSignal(item)) {
        if (item.signal === 'caught-up' || item.position >= head) return (reachedTo = head), true;
        reachedTo = Math.max(reachedTo, item.position);
        return false;
      }
      const event = item.event;
      if (!event) return false;
      const position = positionOf(event.position);
      if (position <= after) return false;
      if (position > head) return (reachedTo = head), true;
      events.push(event);
      reachedTo = position;
      return events.length >= limit || position === head;
    },
    idleMs,
  );
  if (!finished) {
    const what = filter.kind === 'event-types' ? filter.types.join(', ') : 'product streams';
    throw new Error(`EventStoreDB ended a scan of $all for ${what} before reaching position ${head}`);
  }
  return { events, reachedTo };
}

/**
 * Iterates a subscription until `visit` returns true (true) or the server ends it (false), then cancels the server
 * call and destroys the stream. Nothing arriving for `idleMs` cancels it with a ReadDeadlineError: the client sets
 * no deadline on subscriptions, and a silent node would otherwise hold the caller for ever.
 */
export async function consumeUntil<T>(subscription: AsyncIterable<T> & AllStreamSubscription, visit: (item: T) => boolean, idleMs: number): Promise<boolean> {
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      expired = true;
      subscription.destroy(new ReadDeadlineError(idleMs));
    }, idleMs);
  };
  arm();
  try {
    for await (const item of subscription) {
      arm();
      if (visit(item)) return true;
    }
    return false;
  } catch (error) {
    throw expired ? new ReadDeadlineError(idleMs) : error;
  } finally {
    clearTimeout(timer);
    await subscription.unsubscribe().catch(() => undefined);
    subscription.destroy();
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
