import { OrganisationFacts, PartnershipFacts, PeopleLookup } from '@crm/read-models';
import { Filter } from '@crm/read-store';
import { Scope } from '../scope/scope';
import { FiguresCache } from './figures-cache';
import { ReadModels } from './read-models.service';

/** Partnership facts with the people and organisations they name: what the formulas and summaries need. */
export interface ReadContext {
  partnerships: PartnershipFacts[];
  people: PeopleLookup;
  organisations: Map<string, OrganisationFacts>;
}

export async function readContext(readModels: ReadModels, scope: Scope, partnerships: PartnershipFacts[]): Promise<ReadContext> {
  const [people, organisations] = await Promise.all([
    readModels.peopleOf(scope, partnerships),
    readModels.organisationsById(scope, partnerships.flatMap((facts) => [facts.schoolId, facts.partnerId])),
  ]);
  return { partnerships, people, organisations };
}

/**
 * The partnerships a read-store filter selects, with their people and organisations, read once per read-model
 * snapshot (FiguresCache): whole-region questions share the read whatever their asOf, which by default changes
 * every second. Selecting by asOf is the caller's part. Shared between requests: callers must not change it.
 */
export function sharedReadContext(cache: FiguresCache, readModels: ReadModels, scope: Scope, filter: Filter): Promise<ReadContext> {
  return cache.answer(scope, `read context ${JSON.stringify(filter)}`, async () => readContext(readModels, scope, await readModels.partnerships(scope, filter)));
}
