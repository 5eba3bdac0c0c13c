import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { Settings } from './config/settings';
import { SettingsModule } from './config/settings.module';
import { ExportsCheckModule } from './exports/exports-check';
import { ImportsModule } from './imports/imports.module';
import { EventStoreDecorator, EventStoreDecoratorModule, EventStoreModule } from './infrastructure/event-store.module';
import { MeModule } from './me/me.module';
import { MetricsModule } from './observability/metrics.module';
import { AdminController } from './ops/admin.controller';
import { HealthController } from './ops/health.controller';
import { WebConfigController } from './ops/web-config.controller';
import { ReadSideModule } from './read-side/read-side.module';
import { ReportsModule } from './reports/reports.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PartnershipsModule } from './partnerships/partnerships.module';
import { PeopleModule } from './people/people.module';

@Module({})
export class AppModule {
  /** `decorateEventStore`: for tests only, a wrapper around the log that injects a fault (see EVENT_STORE_DECORATOR). */
  static forRoot(settings: Settings, options: { decorateEventStore?: EventStoreDecorator } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.forRoot(settings),
        ...(options.decorateEventStore ? [EventStoreDecoratorModule.forRoot(options.decorateEventStore)] : []),
        AuthModule,
        CqrsModule.forRoot(),
        MetricsModule,
        EventStoreModule,
        ReadSideModule,
        MeModule,
        OrganisationsModule,
        PeopleModule,
        PartnershipsModule,
        ReportsModule,
        ImportsModule,
        AuditModule,
        ExportsCheckModule,
      ],
      controllers: [HealthController, AdminController, WebConfigController],
    };
  }
}
