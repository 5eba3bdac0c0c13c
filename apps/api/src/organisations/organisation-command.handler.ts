import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrganisationCommand, OrganisationState } from '@crm/domain';
import { CommandExecutor } from '../write-side/command-executor';
import { UnitOfWork } from '../write-side/unit-of-work';
import { decideOrganisation } from './decide-organisation';
import { ExecuteOrganisationCommand } from './organisation-command';
import { SchoolPartnerships } from './school-partnerships';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly schoolPartnerships: SchoolPartnerships,
  ) {}

  execute({ command, envelope }: ExecuteOrganisationCommand) {
    return this.executor.run(envelope, async (tools) => {
      const work = new UnitOfWork(tools);
      await decideOrganisation(work, command, async (state) =>
        changesSchoolProfile(command, state) ? { partnershipsAsSchool: await this.schoolPartnerships.of(command.organisationId) } : {},
      );
      return { resultId: command.organisationId, writes: work.writes() };
    });
  }
}

/** Only a change of a school's kind or levels needs its partnerships. */
const changesSchoolProfile = (command: OrganisationCommand, state: OrganisationState): boolean =>
  command.type === 'UpdateOrganisation' && state.exists && state.kind === 'school' && (command.changes.kind !== undefined || command.changes.levels !== undefined);
