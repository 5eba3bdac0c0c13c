import { Module } from '@nestjs/common';
import { WriteSideModule } from '../write-side/write-side.module';
import { PeopleController } from './people.controller';
import { PeopleQueriesController } from './people-queries.controller';
import { PeopleQueries } from './queries/people-queries.service';
import { WorklistController } from '../worklist/worklist.controller';
import { PersonCommandHandler } from './person-command.handler';
import { PersonErasure } from './person-erasure';
import { RecordDepartureHandler } from './record-departure.handler';

@Module({
  imports: [WriteSideModule],
  controllers: [PeopleController, PeopleQueriesController, WorklistController],
  providers: [PersonCommandHandler, PersonErasure, RecordDepartureHandler, PeopleQueries],
})
export class PeopleModule {}
