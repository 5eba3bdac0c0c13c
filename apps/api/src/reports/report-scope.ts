import { expandLevels } from '@crm/domain';
import { isEndedBy, isOpenedBy, stageAt } from '@crm/read-models';
import { Filter } from '@crm/read-store';
import { FiguresCache } from '../read-side/figures-cache';
import { ReadContext, sharedReadContext } from '../read-side/read-context';
import { ReadModels } from '../read-side/read-models.service';
import { Scope } from '../scope/scope';

/** The filters every report takes: one school, the schools of one region, one level (or the `vo` alias). */
export interface ReportScopeQuery {
  school?: string;
  region?: string;
  level?: string;
  /** Only partnerships in this stage at asOf; `ended` is the one way to see ended partnerships in a risk report. */
  stage?: string;
}

/**
 * The partnerships a report covers (opened by asOf; in the stage asked, else not ended by then unless `includeEnded`),
 * in the query's school, level and school region, with their people and organisations (SPEC §3.6 R2), within the
 * caller's scope.
 */
export async function reportScope(
  cache: FiguresCache,
  readModels: ReadModels,
  scope: Scope,
  query: ReportScopeQuery,
  asOf: string,
  includeEnded = false,
): Promise<ReadContext> {
  const filter: Filter = {};
  if (query.school) filter.schoolId = query.school;
  if (query.level) filter.levels = { $in: expandLevels([query.level]) };
  const context = await sharedReadContext(cache, readModels, scope, filter);
  const inStage = (f: (typeof context.partnerships)[number]) =>
    query.stage ? stageAt(f, asOf) === query.stage : includeEnded || !isEndedBy(f, asOf);
  const facts = context.partnerships.filter((f) => isOpenedBy(f, asOf) && inStage(f));
  if (!query.region?.trim()) return { ...context, partnerships: facts };
  const region = query.region.trim().toLowerCase();
  const inRegion = facts.filter((f) => context.organisations.get(f.schoolId)?.region?.trim().toLowerCase() === region);
  return { ...context, partnerships: inRegion };
}
