import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, EVENT_STORE, EventStore } from '@crm/event-store';
import { Settings, SETTINGS } from '../config/settings';

/** The event log adapter, picked by settings: EventStoreDB when EVENTSTORE_URL is set, else SQLite under DATA_DIR. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [SETTINGS],
      useFactory: (settings: Settings) => createEventStore({ dataDir: settings.dataDir, eventStoreUrl: settings.eventStoreUrl }),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
