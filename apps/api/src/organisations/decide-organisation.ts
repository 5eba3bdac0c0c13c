import { IDENTIFIER_SCHEMES, identifierClaimDecider, identifierStream, OrganisationCommand, OrganisationContext, organisationDecider, OrganisationState, streamOf } from '@crm/domain';
import { UnitOfWork } from '../write-side/unit-of-work';

const identifiersOf = (state: OrganisationState) => (state.exists ? { kvk: state.kvk, brin: state.brin } : { kvk: undefined, brin: undefined });

/**
 * An organisation command with the claims on its identifiers: a KvK number or BRIN code it gets is claimed (409
 * `kvk_taken`/`brin_taken` when another organisation holds it), one it gives up is released, in the same append.
 */
export async function decideOrganisation(
  work: UnitOfWork,
  command: OrganisationCommand,
  /** What else the decision needs to know about the organisation as it is (a school's partnerships). */
  context: (state: OrganisationState) => Promise<Omit<OrganisationContext, 'now'>> = async () => ({}),
): Promise<void> {
  const streamId = streamOf.organisation(command.organisationId);
  const state = await work.state(streamId, organisationDecider);
  const before = identifiersOf(state);
  await work.decide(streamId, organisationDecider, command, { now: work.now, ...(await context(state)) });
  const after = identifiersOf(await work.state(streamId, organisationDecider));
  for (const scheme of IDENTIFIER_SCHEMES) {
    const [was, is] = [before[scheme], after[scheme]];
    if (was === is) continue;
    const claim = { scheme, organisationId: command.organisationId };
    if (was) await work.decide(identifierStream(scheme, was), identifierClaimDecider, { type: 'ReleaseIdentifier', value: was, ...claim }, {});
    if (is) await work.decide(identifierStream(scheme, is), identifierClaimDecider, { type: 'ClaimIdentifier', value: is, ...claim }, {});
  }
}
