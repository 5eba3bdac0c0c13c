import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from './auth/auth.module';
import { Settings } from './config/settings';
import { SettingsModule } from './config/settings.module';
import { ExportsCheckModule } from './exports/exports-check';
import { ImportsModule } from './imports/imports.module';
import { EventStoreModule } from './infrastructure/event-store.module';
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
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.forRoot(settings),
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
        ExportsCheckModule,
      ],
      controllers: [HealthController, AdminController, WebConfigController],
    };
  }
}
