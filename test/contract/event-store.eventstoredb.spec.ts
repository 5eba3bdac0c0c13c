import { EventStoreDbEventStore } from '@crm/event-store';
import { InterruptedEventStoreDb } from '../support/interrupted-event-stores';
import { describeEventStoreContract } from './event-store.contract';

/** Runs against a real EventStoreDB/KurrentDB, e.g. EVENTSTORE_URL=esdb://localhost:2113?tls=false; never a stand-in. */
const url = process.env.EVENTSTORE_URL;

if (url) {
  jest.setTimeout(30_000);
  describeEventStoreContract(`EventStoreDB (${url})`, async () => {
    const store = new EventStoreDbEventStore(url);
    const opened: EventStoreDbEventStore[] = [store];
    const interrupted = (fault: (store: InterruptedEventStoreDb) => void) => {
      const faulty = new InterruptedEventStoreDb(url);
      fault(faulty);
      opened.push(faulty);
      return faulty;
    };
    return {
      store,
      cleanup: async () => {
        await Promise.all(opened.map((s) => s.close()));
      },
      faults: {
        outcomeLost: () => interrupted((s) => (s.failOutcomes = 1)),
        stoppedAfterFirstStream: () => interrupted((s) => (s.streamsBeforeStop = 1)),
        racedBeforeStreams: (before) => interrupted((s) => (s.beforeStreamWrite = before)),
      },
    };
  });
} else {
  process.stdout.write('EventStoreDB contract suite skipped: EVENTSTORE_URL is not set\n');
  describe.skip('EventStore contract: EventStoreDB (skipped: EVENTSTORE_URL is not set)', () => {
    it('needs a running EventStoreDB/KurrentDB', () => undefined);
  });
}
