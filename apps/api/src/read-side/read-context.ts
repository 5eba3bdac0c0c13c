import { OrganisationFacts, PartnershipFacts, PeopleLookup } from '@crm/read-models';
import { ReadModels } from './read-models.service';

/** Partnership facts with the people and organisations they name: what the formulas and summaries need. */
export interface ReadContext {
  partnerships: PartnershipFacts[];
  people: PeopleLookup;
  organisations: Map<string, OrganisationFacts>;
}

export async function readContext(readModels: ReadModels, partnerships: PartnershipFacts[]): Promise<ReadContext> {
  const [people, organisations] = await Promise.all([
    readModels.peopleOf(partnerships),
    readModels.organisationsById(partnerships.flatMap((facts) => [facts.schoolId, facts.partnerId])),
  ]);
  return { partnerships, people, organisations };
}
