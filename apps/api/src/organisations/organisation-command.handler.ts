import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../write-side/command-executor';
import { UnitOfWork } from '../write-side/unit-of-work';
import { decideOrganisation } from './decide-organisation';
import { ExecuteOrganisationCommand } from './organisation-command';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, envelope }: ExecuteOrganisationCommand) {
    return this.executor.run(envelope, async (tools) => {
      const work = new UnitOfWork(tools);
      await decideOrganisation(work, command);
      return { resultId: command.organisationId, writes: work.writes() };
    });
  }
}
