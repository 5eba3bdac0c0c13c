import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { organisationDecider, streamOf } from '@crm/domain';
import { CommandExecutor } from '../write-side/command-executor';
import { ExecuteOrganisationCommand } from './organisation-command';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, envelope }: ExecuteOrganisationCommand) {
    return this.executor.decide(envelope, {
      streamId: streamOf.organisation(command.organisationId),
      decider: organisationDecider,
      command,
      resultId: command.organisationId,
      context: (_state, now) => ({ now }),
    });
  }
}
