import { Decider, organisationDecider, OrganisationState, PartnershipCommand, PartnershipContext, partnershipReferences, personDecider, PersonState, streamOf } from '@crm/domain';

/** Reads a stream's current state (from the repository, or from a unit of work with its own decisions folded in). */
export type StateLoader = <S>(streamId: string, decider: Decider<any, any, S, any>) => Promise<S>;

/** The organisations and people a partnership command names, for the rules that span aggregates. */
export async function partnershipContextFor(command: PartnershipCommand, now: string, load: StateLoader): Promise<PartnershipContext> {
  const { organisationIds, personIds } = partnershipReferences(command);
  const organisations: Record<string, OrganisationState> = {};
  const people: Record<string, PersonState> = {};
  await Promise.all([
    ...organisationIds.map(async (id) => {
      organisations[id] = await load(streamOf.organisation(id), organisationDecider);
    }),
    ...personIds.map(async (id) => {
      people[id] = await load(streamOf.person(id), personDecider);
    }),
  ]);
  return { now, organisations, people };
}
