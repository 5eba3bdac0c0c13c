import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { PartnershipCommandHandler } from './partnership-command.handler';
import { PartnershipsController } from './partnerships.controller';

@Module({
  imports: [WriteSideModule],
  controllers: [PartnershipsController],
  providers: [PartnershipCommandHandler],
})
export class PartnershipsModule {}
