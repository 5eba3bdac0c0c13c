import { partnershipDecider, streamOf } from '@crm/domain';
import { AggregateRepository } from '../write-side/aggregate-repository';
import { CommandEnvelope } from '../write-side/command-envelope';
import { CommandExecutor } from '../write-side/command-executor';
import { partnershipContextFor } from './partnership-context';

/**
 * An assignment and a departure of the same person can cross: the assignment decides while the person has not left,
 * the departure looks for the person's partnerships before the assignment is written, and both appends succeed (they
 * write different streams). Each side therefore reconciles after its own append: the assignment on its partnership,
 * the departure on every partnership the person is (now) found to be a contact of — ReconcileDepartedContact,
 * which unassigns a departed person and does nothing otherwise.
 *
 * Why that is enough: each side writes, then reads what the other writes (the assignment reads the person's stream,
 * the departure looks up the person's assignments). If the departure's look-up missed the assignment, it ran
 * before the assignment's append, which therefore came after the departure's append, so the assignment's own read
 * of the person sees the departure. One of the two always sees the other; when both do, the second finds nothing
 * left to unassign. The end state is the one where the assignment came first: assigned, then unassigned on leaving.
 *
 * The follow-up is the command's own consequence, recorded by the same user under the same correlation; it runs on
 * an idempotent replay too, so a client retrying after a crash between the append and the follow-up completes it.
 */
export async function reconcileDepartedContacts(
  executor: CommandExecutor,
  repository: AggregateRepository,
  envelope: CommandEnvelope,
  personId: string,
  partnershipIds: readonly string[],
): Promise<void> {
  const { recordedBy, recordedByPerson, scope, correlationId, causationId } = envelope;
  const followUp: CommandEnvelope = { recordedBy, scope, correlationId, causationId, ...(recordedByPerson !== undefined && { recordedByPerson }) };
  for (const partnershipId of partnershipIds) {
    const command = { type: 'ReconcileDepartedContact' as const, partnershipId, personId };
    await executor.decide(followUp, {
      streamId: streamOf.partnership(partnershipId),
      decider: partnershipDecider,
      command,
      resultId: partnershipId,
      context: (_state, now) => partnershipContextFor(command, now, async (streamId, decider) => (await repository.load(streamId, decider)).state),
    });
  }
}
