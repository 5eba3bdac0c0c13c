import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrganisationCommand, OrganisationContext, organisationDecider, OrganisationState, streamOf } from '@crm/domain';
import { CommandExecutor } from '../write-side/command-executor';
import { ExecuteOrganisationCommand } from './organisation-command';
import { SchoolPartnerships } from './school-partnerships';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly schoolPartnerships: SchoolPartnerships,
  ) {}

  execute({ command, envelope }: ExecuteOrganisationCommand) {
    return this.executor.decide(envelope, {
      streamId: streamOf.organisation(command.organisationId),
      decider: organisationDecider,
      command,
      resultId: command.organisationId,
      context: async (state, now): Promise<OrganisationContext> =>
        changesSchoolProfile(command, state) ? { now, partnershipsAsSchool: await this.schoolPartnerships.of(command.organisationId) } : { now },
    });
  }
}

/** Only a change of a school's kind or levels needs its partnerships. */
const changesSchoolProfile = (command: OrganisationCommand, state: OrganisationState): boolean =>
  command.type === 'UpdateOrganisation' && state.exists && state.kind === 'school' && (command.changes.kind !== undefined || command.changes.levels !== undefined);
