import { type Position as EsdbPosition, type SubscribeToAllOptions } from '@eventstore/db-client';
import { caughtUpMessage, checkpointMessage, eventMessage, FakeCall, FakeSubscribingClient, fakeRead } from '../../../../test/support/esdb-fakes';
import { RecordedEvent } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { PRODUCT_STREAM_REGEX } from './filtered-scan';

/**
 * The adapter's subscription logic (what it asks the server for, where it resumes) against a fake of the client's
 * calls; the client's own subscription transform runs. Not a server: see test/contract with EVENTSTORE_URL.
 */
function storeOn(client: object): EventStoreDbEventStore {
  const store = new EventStoreDbEventStore('esdb://localhost:2113?tls=false');
  Object.assign(store as unknown as Record<string, unknown>, { client, supported: Promise.resolve() });
  return store;
}

/** A client with these heads of $all in turn (the last one repeated) and these subscription calls in turn. */
function fakeClient(heads: number[], calls: ((options: SubscribeToAllOptions) => FakeCall)[], onSubscribe: (index: number) => void) {
  let read = 0;
  const subscribing = new FakeSubscribingClient((options, index) => {
    onSubscribe(index);
    return (calls[index] ?? (() => new FakeCall([], true)))(options);
  });
  return {
    subscribing,
    client: {
      subscribeToAll: subscribing.subscribeToAll,
      readAll: () => fakeRead([heads[Math.min(read++, heads.length - 1)]]),
      dispose: async () => undefined,
    },
  };
}

const commitOf = (options: SubscribeToAllOptions) => Number((options.fromPosition as EsdbPosition).commit);

describe('EventStoreDB subscription (filtered on the server)', () => {
  it('catches up and goes live with the server filtering, and resumes after the last checkpoint when the live subscription ends', async () => {
    let third!: () => void;
    const resubscribed = new Promise<void>((resolve) => (third = resolve));
    const { client, subscribing } = fakeClient(
      [50, 50, 500],
      [
        // Catch-up scan: one product event, then the server's checkpoint at the head.
        () => new FakeCall([eventMessage(10), checkpointMessage(50)], true),
        // Live: one event, then 440 bytes of filtered-out records crossed by a checkpoint, then a leader change ends it.
        () => new FakeCall([caughtUpMessage(), eventMessage(60), checkpointMessage(500)]),
      ],
      (index) => index === 2 && third(),
    );
    const store = storeOn(client);
    const delivered: number[] = [];
    let caughtUp = 0;
    const subscription = store.subscribe({ from: 0, onEvent: (event: RecordedEvent) => void delivered.push(event.position), onCaughtUp: () => void caughtUp++ });
    await resubscribed;
    await subscription.close();

    expect(delivered).toEqual([10, 60]);
    expect(caughtUp).toBe(1);
    expect(subscribing.options.map((options) => (options.filter as { regex?: string } | undefined)?.regex)).toEqual([PRODUCT_STREAM_REGEX, PRODUCT_STREAM_REGEX, PRODUCT_STREAM_REGEX]);
    // Resumed from the checkpoint, not from event 60: the run of filtered-out records is not scanned again.
    expect(subscribing.options.map(commitOf)).toEqual([NaN, 50, 500]);
    expect(subscribing.calls[2].cancelled).toBe(1);
  });

  it('reads a page of the log in filtered scans up to the head, crossing filtered-out records on checkpoints', async () => {
    const { client, subscribing } = fakeClient(
      [1000],
      [
        () => new FakeCall([eventMessage(10), eventMessage(20)], true),
        () => new FakeCall([checkpointMessage(600), eventMessage(700), caughtUpMessage()], true),
      ],
      () => undefined,
    );
    const store = storeOn(client);
    // A limit of 2 fills the first scan; the rest of the log is one more scan, from the second event.
    expect((await store.readAll(0, 2)).map((event) => event.position)).toEqual([10, 20]);
    expect((await store.readAll(20, 5)).map((event) => event.position)).toEqual([700]);
    expect(subscribing.options.map(commitOf)).toEqual([NaN, 20]);
  });
});
