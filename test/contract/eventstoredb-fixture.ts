import { EventStoreDbEventStore } from '@crm/event-store';
import { InterruptedEventStoreDb } from '../support/interrupted-event-stores';
import type { StoreUnderTest } from './event-store.contract';

/**
 * The contract's fixture for the EventStoreDB adapter at `url`: the store and the fault-injecting ones, each passed
 * through `connect` first (a real server: as they are; the stand-in: pointed at the embedded log), closed at cleanup.
 */
export function eventStoreDbFixture(
  url: string,
  connect: <T extends EventStoreDbEventStore>(store: T) => T = (store) => store,
  afterClose: () => Promise<void> = async () => undefined,
): StoreUnderTest {
  const store = connect(new EventStoreDbEventStore(url));
  const opened: EventStoreDbEventStore[] = [store];
  const interrupted = (fault: (store: InterruptedEventStoreDb) => void) => {
    const faulty = connect(new InterruptedEventStoreDb(url));
    fault(faulty);
    opened.push(faulty);
    return faulty;
  };
  return {
    store,
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      await afterClose();
    },
    faults: {
      outcomeLost: () => interrupted((s) => (s.failOutcomes = 1)),
      stoppedAfterFirstStream: () => interrupted((s) => (s.streamsBeforeStop = 1)),
      racedBeforeStreams: (before) => interrupted((s) => (s.beforeStreamWrite = before)),
    },
  };
}
