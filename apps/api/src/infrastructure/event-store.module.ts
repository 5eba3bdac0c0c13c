import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { checkEventLogInWorker, EVENT_STORE, EventLogCorruptError, eventLogFile, EventStore } from '@crm/event-store';
import { createProtectedEventStore, KEY_STORE, ProtectedEventStore } from '@crm/privacy';
import { Settings, SETTINGS } from '../config/settings';
import { Metrics } from '../observability/metrics';
import { TimedEventStore } from '../observability/timed-stores';
import { EventLogScan } from './event-log-scan';

const PROTECTED_LOG = Symbol('PROTECTED_LOG');

/** The embedded log's integrity check, running in a worker while the other stores open (see checkDataIntegrity). */
export const EVENT_LOG_CHECK = Symbol('EVENT_LOG_CHECK');
export interface EventLogCheck {
  failure: Promise<EventLogCorruptError | undefined>;
}

/**
 * Optional: a decorator around the log every part of the app uses. Nothing in production provides one; a test
 * wraps the real log with it to inject a fault (test/support/interrupted-event-stores.ts).
 */
export const EVENT_STORE_DECORATOR = Symbol('EVENT_STORE_DECORATOR');
export type EventStoreDecorator = (store: EventStore) => EventStore;

@Global()
@Module({})
export class EventStoreDecoratorModule {
  static forRoot(decorate: EventStoreDecorator): DynamicModule {
    return { module: EventStoreDecoratorModule, providers: [{ provide: EVENT_STORE_DECORATOR, useValue: decorate }], exports: [EVENT_STORE_DECORATOR] };
  }
}

/** The background check of every event's checksum (EventLogScan), started once the app has started. */
export const EVENT_LOG_SCAN = Symbol('EVENT_LOG_SCAN');

/**
 * The event log, opened as every app opens it (createProtectedEventStore): the adapter picked by settings
 * (EventStoreDB when EVENTSTORE_URL is set, else SQLite under DATA_DIR) behind crypto-shredding, with the key
 * store (MongoDB `data_keys` when MONGODB_URL is set, else `<DATA_DIR>/keys.sqlite`).
 */
@Global()
@Module({
  providers: [
    {
      provide: PROTECTED_LOG,
      inject: [SETTINGS],
      useFactory: (settings: Settings) =>
        createProtectedEventStore({ dataDir: settings.dataDir, eventStoreUrl: settings.eventStoreUrl, mongodbUrl: settings.mongodbUrl, checkIntegrity: false }),
    },
    {
      provide: EVENT_LOG_CHECK,
      inject: [SETTINGS, PROTECTED_LOG],
      // Not a promise itself, or Nest would wait for it before opening anything else.
      useFactory: (settings: Settings): EventLogCheck => ({
        failure: settings.eventStoreUrl ? Promise.resolve(undefined) : checkEventLogInWorker(eventLogFile(settings.dataDir)),
      }),
    },
    // Timed (crm_event_store_operation_duration_seconds) around the protected log, so the latency includes encryption.
    {
      provide: EVENT_STORE,
      inject: [PROTECTED_LOG, Metrics, { token: EVENT_STORE_DECORATOR, optional: true }],
      useFactory: (log: ProtectedEventStore, metrics: Metrics, decorate?: EventStoreDecorator) => {
        const timed = new TimedEventStore(log.events, metrics.eventStoreDuration);
        return decorate ? decorate(timed) : timed;
      },
    },
    { provide: KEY_STORE, inject: [PROTECTED_LOG], useFactory: (log: ProtectedEventStore) => log.keys },
    {
      provide: EVENT_LOG_SCAN,
      inject: [SETTINGS, EVENT_LOG_CHECK],
      // After SQLite's own check of the file (the scan reads every row again; no need for both at once).
      useFactory: (settings: Settings, check: EventLogCheck) =>
        new EventLogScan(settings.eventStoreUrl ? undefined : eventLogFile(settings.dataDir), check.failure),
    },
  ],
  exports: [EVENT_STORE, KEY_STORE, EVENT_LOG_CHECK, EVENT_LOG_SCAN],
})
export class EventStoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private closing = false;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * On EventStoreDB, finishes the multi-stream appends an earlier process stopped in the middle of (a crash between
   * streams, no client retrying): in the background, as requests may arrive meanwhile (a retry completes its own).
   * Shutdown does not wait for it: what it has not reached, the next start does.
   */
  onApplicationBootstrap(): void {
    const logger = new Logger('EventStore');
    void this.store
      .completeUnfinishedAppends?.()
      .then(({ completed, abandoned }) => {
        if (completed.length > 0) logger.warn(`completed ${completed.length} append(s) left unfinished by an earlier process: ${completed.join(', ')}`);
        if (abandoned.length > 0) logger.warn(`${abandoned.length} unfinished append(s) could not take effect and wrote nothing: ${abandoned.join(', ')}`);
      })
      .catch((error: Error) => {
        if (!this.closing) logger.error(`completing unfinished appends failed: ${error.message}`);
      });
  }

  /** Closes the log and its key store. */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.store.close();
  }
}
