import { Command } from '@nestjs/cqrs';
import { PersonCommand } from '@crm/domain';
import { CommandEnvelope, CommandResult } from '../write-side/command-envelope';

export class ExecutePersonCommand extends Command<CommandResult> {
  constructor(
    readonly command: Exclude<PersonCommand, { type: 'RecordDeparture' }>,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** A departure touches the person and every partnership they are a contact of. */
export class RecordDepartureCommand extends Command<CommandResult> {
  constructor(
    readonly command: Extract<PersonCommand, { type: 'RecordDeparture' }>,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
