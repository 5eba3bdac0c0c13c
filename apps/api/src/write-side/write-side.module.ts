import { Module } from '@nestjs/common';
import { AggregateRepository } from './aggregate-repository';
import { CommandExecutor } from './command-executor';

/** Load → decide → append, shared by every command handler. The EventStore comes from the global EventStoreModule. */
@Module({
  providers: [AggregateRepository, CommandExecutor],
  exports: [AggregateRepository, CommandExecutor],
})
export class WriteSideModule {}
