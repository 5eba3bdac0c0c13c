import { PartnershipFacts, recurringCooperation } from '@crm/read-models';
import { ReadContext } from '../read-side/read-context';

/** One partnership's recurring cooperation (SPEC §3.8) with its school, partner and levels: a row of the report, and the partnership's own answer. */
export function recurringCooperationRow(facts: PartnershipFacts, context: Pick<ReadContext, 'organisations'>, asOf: string) {
  const nameOf = (organisationId: string): string | null => context.organisations.get(organisationId)?.name ?? null;
  return {
    ...recurringCooperation(facts, asOf),
    schoolId: facts.schoolId,
    schoolName: nameOf(facts.schoolId),
    partnerId: facts.partnerId,
    partnerName: nameOf(facts.partnerId),
    levels: facts.levels,
  };
}
