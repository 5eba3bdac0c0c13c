import { Command } from '@nestjs/cqrs';
import { PartnershipCommand } from '@crm/domain';
import { CommandEnvelope, CommandResult } from '../write-side/command-envelope';

export class ExecutePartnershipCommand extends Command<CommandResult> {
  constructor(
    readonly command: PartnershipCommand,
    /** The id the command answers with: the new interaction, agreement, … or the partnership itself. */
    readonly resultId: string,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
