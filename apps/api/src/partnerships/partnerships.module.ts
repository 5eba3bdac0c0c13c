import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { PartnershipCommandHandler } from './partnership-command.handler';
import { PartnershipQueriesController } from './partnership-queries.controller';
import { PartnershipsController } from './partnerships.controller';
import { PartnershipQueries } from './queries/partnership-queries.service';
import { TimelineQuery } from './queries/timeline.query';

@Module({
  imports: [WriteSideModule],
  controllers: [PartnershipsController, PartnershipQueriesController],
  providers: [PartnershipCommandHandler, PartnershipQueries, TimelineQuery],
})
export class PartnershipsModule {}
