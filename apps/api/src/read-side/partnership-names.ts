import { OrganisationFacts, PartnershipFacts } from '@crm/read-models';

export interface OrganisationRef {
  organisationId: string;
  name: string | null;
}

/** A partnership as a person knows it: by its school and partner (SPEC §3.6 R2, names beside ids). */
export interface PartnershipRef {
  school: OrganisationRef;
  partner: OrganisationRef;
}

export const organisationRef = (organisationId: string, organisations: ReadonlyMap<string, OrganisationFacts>): OrganisationRef => ({
  organisationId,
  name: organisations.get(organisationId)?.name ?? null,
});

/** Each item with its partnership's school and partner names beside their ids. */
export function withPartnershipNames<T extends { partnershipId: string }>(
  items: readonly T[],
  partnerships: readonly PartnershipFacts[],
  organisations: ReadonlyMap<string, OrganisationFacts>,
): (T & PartnershipRef)[] {
  const byId = new Map(partnerships.map((facts) => [facts.partnershipId, facts]));
  return items.map((item) => {
    const facts = byId.get(item.partnershipId);
    return {
      ...item,
      school: organisationRef(facts?.schoolId ?? '', organisations),
      partner: organisationRef(facts?.partnerId ?? '', organisations),
    };
  });
}
