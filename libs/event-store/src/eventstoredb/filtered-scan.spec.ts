import { STREAM_NAME, EVENT_TYPE } from '@eventstore/db-client';
import { caughtUpMessage, checkpointMessage, eventMessage, FakeCall, FakeSubscribingClient } from '../../../../test/support/esdb-fakes';
import { PRODUCT_STREAM_REGEX, PRODUCT_STREAMS, scanAll } from './filtered-scan';
import { ReadDeadlineError } from './read-until';

/**
 * The scan's own rules, with the client's real subscription transform fed by a fake server call (not a server: the
 * contract suite in test/contract runs against one when EVENTSTORE_URL is set).
 */
const clientAnswering = (...calls: FakeCall[]) => new FakeSubscribingClient((_options, i) => calls[i]);
const positions = (scan: { events: { position: { commit: bigint } }[] }) => scan.events.map((event) => Number(event.position.commit));

describe('scanAll (filtered reads of $all on EventStoreDB)', () => {
  it('asks the server to filter: product streams by name, or events by type, with checkpoints', async () => {
    const client = clientAnswering(new FakeCall([caughtUpMessage()]), new FakeCall([caughtUpMessage()]));
    await scanAll(client, PRODUCT_STREAMS, 0, 10);
    await scanAll(client, { kind: 'event-types', types: ['ContactPersonAssigned', 'Append.Intent'] }, 0, 10);

    const [products, types] = client.options.map((options) => options.filter);
    expect(products).toMatchObject({ filterOn: STREAM_NAME, regex: PRODUCT_STREAM_REGEX });
    expect(typeof products?.checkpointReached).toBe('function');
    expect(types).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:ContactPersonAssigned|Append\\.Intent)$' });
  });

  it('lets the product streams through and keeps system streams, metadata and idempotency bookkeeping on the server', () => {
    // The server matches with .NET Regex; lookahead and anchors mean the same in JavaScript.
    const passes = (stream: string) => new RegExp(PRODUCT_STREAM_REGEX).test(stream);
    expect(['person-1', 'partnership-9', 'organisation-x', 'login-a'].filter(passes)).toHaveLength(4);
    expect(['$$person-1', '$ce-person', '$settings', 'idempotency-3f2a', 'idempotency-sweep'].filter(passes)).toEqual([]);
  });

  it('gets past a long run of filtered-out records on the checkpoints alone, and cancels the call', async () => {
    const call = new FakeCall([checkpointMessage(400), checkpointMessage(800), checkpointMessage(1200)], true);
    const scan = await scanAll(clientAnswering(call), PRODUCT_STREAMS, 0, 1000);
    expect(scan).toEqual({ events: [], reachedTo: 1000 });
    expect(call.cancelled).toBe(1);
  });

  it('keeps every event the server sent before the checkpoint that ends the scan', async () => {
    const call = new FakeCall([...[10, 20, 30, 40, 50].map((p) => eventMessage(p)), checkpointMessage(90)], true);
    const scan = await scanAll(clientAnswering(call), PRODUCT_STREAMS, 0, 90);
    expect(positions(scan)).toEqual([10, 20, 30, 40, 50]);
    expect(scan.reachedTo).toBe(90);
  });

  it('stops at the limit and says the next scan starts after the last event it kept', async () => {
    const call = new FakeCall([10, 20, 30].map((p) => eventMessage(p)), true);
    const scan = await scanAll(clientAnswering(call), PRODUCT_STREAMS, 0, 100, 2);
    expect(positions(scan)).toEqual([10, 20]);
    expect(scan.reachedTo).toBe(20);
  });

  it('ends at the caught-up message with the head reached, and leaves out events beyond the head', async () => {
    const caughtUp = await scanAll(clientAnswering(new FakeCall([eventMessage(10), caughtUpMessage()], true)), PRODUCT_STREAMS, 0, 100);
    expect(caughtUp).toMatchObject({ reachedTo: 100 });
    expect(positions(caughtUp)).toEqual([10]);

    const beyond = await scanAll(clientAnswering(new FakeCall([eventMessage(10), eventMessage(150)], true)), PRODUCT_STREAMS, 0, 100);
    expect(positions(beyond)).toEqual([10]);
    expect(beyond.reachedTo).toBe(100);
  });

  it('fails instead of waiting when the server ends the subscription before the head (no caught-up message)', async () => {
    const call = new FakeCall([eventMessage(10), checkpointMessage(50)]);
    await expect(scanAll(clientAnswering(call), PRODUCT_STREAMS, 0, 100)).rejects.toThrow(
      'EventStoreDB ended a scan of $all for product streams before reaching position 100',
    );
  });

  it('fails instead of waiting when the connection drops mid-scan', async () => {
    const call = new FakeCall([eventMessage(10)], true);
    const scan = scanAll(clientAnswering(call), PRODUCT_STREAMS, 0, 100);
    setImmediate(() => call.destroy(Object.assign(new Error('connection reset'), { code: 14, details: 'connection reset' })));
    await expect(scan).rejects.toThrow();
  });

  it('gives up on a server that goes silent, cancelling the call', async () => {
    const call = new FakeCall([eventMessage(10)], true);
    await expect(scanAll(clientAnswering(call), PRODUCT_STREAMS, 0, 100, Number.POSITIVE_INFINITY, 20)).rejects.toBeInstanceOf(ReadDeadlineError);
    expect(call.cancelled).toBe(1);
  });

  it('does not subscribe when there is nothing after the position', async () => {
    const client = clientAnswering();
    expect(await scanAll(client, PRODUCT_STREAMS, 100, 100)).toEqual({ events: [], reachedTo: 100 });
    expect(client.options).toHaveLength(0);
  });
});
