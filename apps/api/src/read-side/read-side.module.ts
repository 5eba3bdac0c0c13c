import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { ALL_PROJECTIONS, keptOnDiskCollections, ProjectionEngine, PROJECTIONS, ProjectionsView, RemoteProjections } from '@crm/read-models';
import { createReadStore, READ_STORE, ReadStore } from '@crm/read-store';
import { Settings, SETTINGS } from '../config/settings';
import { Metrics } from '../observability/metrics';
import { TimedReadStore } from '../observability/timed-stores';
import { FiguresCache } from './figures-cache';
import { MinPositionGuard } from './min-position.guard';
import { ReadModels } from './read-models.service';
import { TextSearch } from './text-search';

/**
 * The read store and the projections that fill it. In embedded mode the projector runs in this process; with
 * MongoDB it is apps/projector. Either way the API answers from the live generation of each projection while a
 * rebuild builds the next one.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_STORE,
      inject: [SETTINGS, Metrics],
      useFactory: async (settings: Settings, metrics: Metrics) =>
        new TimedReadStore(
          await createReadStore({ dataDir: settings.dataDir, mongodbUrl: settings.mongodbUrl, keptOnDisk: keptOnDiskCollections(ALL_PROJECTIONS) }),
          metrics.readStoreDuration,
        ),
    },
    {
      provide: PROJECTIONS,
      inject: [SETTINGS, EVENT_STORE, READ_STORE],
      useFactory: (settings: Settings, events: EventStore, store: ReadStore): ProjectionsView =>
        // With MongoDB the projector is its own app (apps/projector); embedded, it runs here.
        settings.mongodbUrl
          ? new RemoteProjections(store, ALL_PROJECTIONS)
          : new ProjectionEngine(events, store, ALL_PROJECTIONS, {
              onError: (error) => new Logger('Projections').error(error.stack ?? error.message),
            }),
    },
    ReadModels,
    FiguresCache,
    MinPositionGuard,
    TextSearch,
  ],
  exports: [READ_STORE, PROJECTIONS, ReadModels, FiguresCache, MinPositionGuard, TextSearch],
})
export class ReadSideModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTIONS) private readonly projections: ProjectionsView,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.store.close();
  }
}
