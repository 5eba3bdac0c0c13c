import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { partnershipDecider, personDecider, PersonLeftOrganisation, streamOf } from '@crm/domain';
import { EVENT_STORE, EventStore } from '@crm/event-store';
import { PROJECTIONS, ProjectionsView } from '@crm/read-models';
import { READ_STORE, ReadStore } from '@crm/read-store';
import { reconcileDepartedContacts } from '../partnerships/reconcile-departed-contacts';
import { CommandScope } from '../scope/command-scope';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandExecutor, PlannedWrite } from '../write-side/command-executor';
import { partnershipsOnceAssigned } from './partnerships-once-assigned';
import { RecordDepartureCommand } from './person-commands';

/**
 * SPEC §2: a person leaving is unassigned from every partnership, one ContactPersonUnassigned
 * (left_organisation) per partnership, written together with PersonLeftOrganisation.
 */
@CommandHandler(RecordDepartureCommand)
export class RecordDepartureHandler implements ICommandHandler<RecordDepartureCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionsView,
    private readonly scope: CommandScope,
    private readonly repository: AggregateRepository,
  ) {}

  async execute({ command, envelope }: RecordDepartureCommand) {
    await this.scope.person(command, envelope.scope);
    const sources = { events: this.events, store: this.store, projections: this.projections };
    const result = await this.executor.run(envelope, async (tools) => {
      const person = await tools.load(streamOf.person(command.personId), personDecider);
      const { now, timeZone } = tools;
      const events = personDecider.decide(command, person.state, { now, timeZone });
      const { leftAt } = (events[0] as PersonLeftOrganisation).data;
      const writes: PlannedWrite[] = [{ streamId: streamOf.person(command.personId), decider: personDecider, loaded: person, events }];
      for (const partnershipId of await partnershipsOnceAssigned(command.personId, sources)) {
        const streamId = streamOf.partnership(partnershipId);
        const partnership = await tools.load(streamId, partnershipDecider);
        const unassign = partnershipDecider.decide(
          { type: 'UnassignDepartedContact', partnershipId, personId: command.personId, leftAt },
          partnership.state,
          { now, timeZone, organisations: {}, people: {} },
        );
        if (unassign.length > 0) writes.push({ streamId, decider: partnershipDecider, loaded: partnership, events: unassign });
      }
      return { resultId: command.personId, writes };
    });
    // Looked up again after the append: an assignment that crossed the departure is found now (reconcile-departed-contacts.ts).
    await reconcileDepartedContacts(this.executor, this.repository, envelope, command.personId, await partnershipsOnceAssigned(command.personId, sources));
    return result;
  }
}
