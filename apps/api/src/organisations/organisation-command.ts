import { Command } from '@nestjs/cqrs';
import { OrganisationCommand } from '@crm/domain';
import { CommandEnvelope, CommandResult } from '../write-side/command-envelope';

export class ExecuteOrganisationCommand extends Command<CommandResult> {
  constructor(
    readonly command: OrganisationCommand,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
