import { EventStoreDBClient, eventTypeFilter, type AllStreamRecordedEvent } from '@eventstore/db-client';
import { Position } from '../event-store.port';
import { positionOf, readFrom } from './positions';

/**
 * The $all events of the given types after `after` and up to `head`, filtered on the server; at most `limit` of
 * them, the first ones (the scan stops once it has them).
 *
 * The v6 client has no filtered read of $all, only a filtered subscription, so this subscribes and stops once the
 * server has looked past `head`: an event beyond it, a checkpoint at or beyond it, or the caught-up message
 * (sent by EventStoreDB 23.10 and later, and KurrentDB).
 */
export function scanTypes(
  client: EventStoreDBClient,
  types: readonly string[],
  after: Position,
  head: Position,
  limit = Number.POSITIVE_INFINITY,
): Promise<AllStreamRecordedEvent[]> {
  return new Promise((resolve, reject) => {
    const found: AllStreamRecordedEvent[] = [];
    let finishing = false;
    let settled = false;

    const subscription = client.subscribeToAll({
      fromPosition: readFrom(after),
      filter: eventTypeFilter({
        regex: `^(?:${types.map(escapeRegex).join('|')})$`,
        checkpointReached: (_sub, position) => {
          if (positionOf(position) >= head) finish();
        },
      }),
    });

    const stop = (): void => {
      void subscription
        .unsubscribe()
        .catch(() => undefined)
        .finally(() => subscription.destroy());
    };

    // Events the server sent before its signal may still sit in the stream's buffer: let them arrive first.
    const finish = (): void => {
      if (finishing) return;
      finishing = true;
      const drained = (): void => {
        if (subscription.readableLength > 0) return void setImmediate(drained);
        settled = true;
        stop();
        resolve(found.slice(0, limit));
      };
      drained();
    };

    subscription.on('data', (resolved: { event?: AllStreamRecordedEvent }) => {
      const event = resolved.event;
      if (settled || !event) return;
      const position = positionOf(event.position);
      if (position > head) return finish();
      if (position > after && found.length < limit) found.push(event);
      if (position === head || found.length >= limit) finish();
    });
    subscription.on('caughtUp', finish);
    // The server or the connection ended the subscription before it looked past `head`: say so instead of waiting.
    const ended = (): void => {
      if (settled || finishing) return;
      settled = true;
      reject(new Error(`EventStoreDB ended a scan of $all for ${types.join(', ')} before reaching position ${head}`));
    };
    subscription.on('end', ended);
    subscription.on('close', ended);
    subscription.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      stop();
      reject(error);
    });
  });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
