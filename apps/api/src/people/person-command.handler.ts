import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, personDecider, PersonContext, streamOf } from '@crm/domain';
import { CommandScope } from '../scope/command-scope';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandExecutor } from '../write-side/command-executor';
import { ExecutePersonCommand } from './person-commands';
import { PersonErasure } from './person-erasure';

@CommandHandler(ExecutePersonCommand)
export class PersonCommandHandler implements ICommandHandler<ExecutePersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly repository: AggregateRepository,
    private readonly erasure: PersonErasure,
    private readonly scope: CommandScope,
  ) {}

  async execute({ command, envelope }: ExecutePersonCommand) {
    await this.scope.person(command, envelope.scope);
    if (command.type === 'ErasePerson') return this.erasure.erase(command, envelope);
    return this.executor.decide(envelope, {
      streamId: streamOf.person(command.personId),
      decider: personDecider,
      command,
      resultId: command.personId,
      context: async (_state, now): Promise<PersonContext> =>
        command.type === 'RegisterPerson'
          ? { now, organisation: (await this.repository.load(streamOf.organisation(command.organisationId), organisationDecider)).state }
          : { now },
    });
  }
}
