import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { OrganisationCommandHandler } from './organisation-command.handler';
import { OrganisationsController } from './organisations.controller';

@Module({
  imports: [WriteSideModule],
  controllers: [OrganisationsController],
  providers: [OrganisationCommandHandler],
})
export class OrganisationsModule {}
