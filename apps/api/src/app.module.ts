import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Settings } from './config/settings';
import { SettingsModule } from './config/settings.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { HealthController } from './ops/health.controller';
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
        CqrsModule.forRoot(),
        EventStoreModule,
        OrganisationsModule,
        PeopleModule,
        PartnershipsModule,
      ],
      controllers: [HealthController],
    };
  }
}
