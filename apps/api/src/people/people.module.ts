import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { PeopleController } from './people.controller';
import { PersonCommandHandler } from './person-command.handler';
import { RecordDepartureHandler } from './record-departure.handler';

@Module({
  imports: [WriteSideModule],
  controllers: [PeopleController],
  providers: [PersonCommandHandler, RecordDepartureHandler],
})
export class PeopleModule {}
