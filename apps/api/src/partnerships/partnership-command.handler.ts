import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { partnershipDecider, streamOf } from '@crm/domain';
import { CommandScope } from '../scope/command-scope';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandExecutor } from '../write-side/command-executor';
import { ExecutePartnershipCommand } from './partnership-command';
import { partnershipContextFor } from './partnership-context';
import { reconcileDepartedContacts } from './reconcile-departed-contacts';

@CommandHandler(ExecutePartnershipCommand)
export class PartnershipCommandHandler implements ICommandHandler<ExecutePartnershipCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly repository: AggregateRepository,
    private readonly scope: CommandScope,
  ) {}

  async execute({ command, resultId, envelope }: ExecutePartnershipCommand) {
    await this.scope.partnership(command, envelope.scope);
    const result = await this.executor.decide(envelope, {
      streamId: streamOf.partnership(command.partnershipId),
      decider: partnershipDecider,
      command,
      resultId,
      context: (_state, now) => partnershipContextFor(command, now, async (streamId, decider) => (await this.repository.load(streamId, decider)).state),
    });
    // A departure of this person may have crossed the assignment (reconcile-departed-contacts.ts).
    if (command.type === 'AssignContact') {
      await reconcileDepartedContacts(this.executor, this.repository, envelope, command.personId, [command.partnershipId]);
    }
    return result;
  }
}
