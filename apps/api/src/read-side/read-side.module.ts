import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { ALL_PROJECTIONS, ProjectionEngine } from '@crm/read-models';
import { createReadStore, READ_STORE, ReadStore } from '@crm/read-store';
import { Settings, SETTINGS } from '../config/settings';
import { MinPositionInterceptor } from './min-position.interceptor';
import { ReadModels } from './read-models.service';

/**
 * The read store and the projections that fill it. In embedded mode the projector runs in this process;
 * the API answers from the live generation of each projection while a rebuild builds the next one.
 */
@Global()
@Module({
  providers: [
    {
      provide: READ_STORE,
      inject: [SETTINGS],
      useFactory: (settings: Settings) => createReadStore({ dataDir: settings.dataDir, mongodbUrl: settings.mongodbUrl }),
    },
    {
      provide: ProjectionEngine,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, store: ReadStore) =>
        new ProjectionEngine(events, store, ALL_PROJECTIONS, {
          onError: (error) => new Logger('Projections').error(error.stack ?? error.message),
        }),
    },
    ReadModels,
    MinPositionInterceptor,
  ],
  exports: [READ_STORE, ProjectionEngine, ReadModels, MinPositionInterceptor],
})
export class ReadSideModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
    await this.store.close();
  }
}
