import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LoginCommand, LoginContext, loginDecider, personDecider, streamOf } from '@crm/domain';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandEnvelope, CommandResult } from '../write-side/command-envelope';
import { CommandExecutor } from '../write-side/command-executor';

export class LinkLoginCommand extends Command<CommandResult> {
  constructor(
    readonly command: LoginCommand,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** An admin links a token `sub` to a person: recorded as LoginLinked on the login's own stream. */
@CommandHandler(LinkLoginCommand)
export class LinkLoginHandler implements ICommandHandler<LinkLoginCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly repository: AggregateRepository,
  ) {}

  execute({ command, envelope }: LinkLoginCommand) {
    return this.executor.decide(envelope, {
      streamId: streamOf.login(command.sub.trim()),
      decider: loginDecider,
      command,
      resultId: command.personId,
      context: async (_state, now): Promise<LoginContext> => ({
        now,
        person: (await this.repository.load(streamOf.person(command.personId), personDecider)).state,
      }),
    });
  }
}
