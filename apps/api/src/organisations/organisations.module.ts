import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { OrganisationCommandHandler } from './organisation-command.handler';
import { OrganisationQueriesController } from './organisation-queries.controller';
import { OrganisationsController } from './organisations.controller';
import { OrganisationQueries } from './queries/organisation-queries.service';
import { SchoolPartnerships } from './school-partnerships';

@Module({
  imports: [WriteSideModule],
  controllers: [OrganisationsController, OrganisationQueriesController],
  providers: [OrganisationCommandHandler, OrganisationQueries, SchoolPartnerships],
})
export class OrganisationsModule {}
