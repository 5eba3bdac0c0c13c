import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  organisationDecider,
  OrganisationState,
  partnershipDecider,
  PartnershipContext,
  partnershipReferences,
  personDecider,
  PersonState,
  streamOf,
} from '@crm/domain';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandExecutor } from '../write-side/command-executor';
import { ExecutePartnershipCommand } from './partnership-command';

@CommandHandler(ExecutePartnershipCommand)
export class PartnershipCommandHandler implements ICommandHandler<ExecutePartnershipCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly repository: AggregateRepository,
  ) {}

  execute({ command, resultId, envelope }: ExecutePartnershipCommand) {
    return this.executor.decide(envelope, {
      streamId: streamOf.partnership(command.partnershipId),
      decider: partnershipDecider,
      command,
      resultId,
      context: (_state, now) => this.contextFor(command, now),
    });
  }

  /** Loads the organisations and people the command names, for the rules that span aggregates. */
  private async contextFor(command: ExecutePartnershipCommand['command'], now: string): Promise<PartnershipContext> {
    const { organisationIds, personIds } = partnershipReferences(command);
    const organisations: Record<string, OrganisationState> = {};
    const people: Record<string, PersonState> = {};
    await Promise.all([
      ...organisationIds.map(async (id) => {
        organisations[id] = (await this.repository.load(streamOf.organisation(id), organisationDecider)).state;
      }),
      ...personIds.map(async (id) => {
        people[id] = (await this.repository.load(streamOf.person(id), personDecider)).state;
      }),
    ]);
    return { now, organisations, people };
  }
}
