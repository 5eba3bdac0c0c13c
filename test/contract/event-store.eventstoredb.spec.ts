import { describeEventStoreContract } from './event-store.contract';
import { eventStoreDbFixture } from './eventstoredb-fixture';

/** Runs against a real EventStoreDB/KurrentDB, e.g. EVENTSTORE_URL=esdb://localhost:2113?tls=false; never a stand-in. */
const url = process.env.EVENTSTORE_URL;

if (url) {
  jest.setTimeout(30_000);
  describeEventStoreContract(`EventStoreDB (${url})`, async () => eventStoreDbFixture(url));
} else {
  process.stdout.write('EventStoreDB contract suite skipped: EVENTSTORE_URL is not set\n');
  describe.skip('EventStore contract: EventStoreDB (skipped: EVENTSTORE_URL is not set)', () => {
    it('needs a running EventStoreDB/KurrentDB', () => undefined);
  });
}
