import { useQueries } from '@tanstack/react-query';
import { partnershipSummaryQuery } from '@/features/partnerships/api/queries';
import type { Day } from '@/lib/dates';

/**
 * School and partner names of partnerships an answer gives only by id (a departure's impact): one summary per
 * partnership, shared with the partnership screen's cache. Worklist items carry their names themselves.
 */
export function usePartnershipNames(partnershipIds: string[], asOf: Day | undefined): Map<string, string> {
  const ids = [...new Set(partnershipIds)];
  const results = useQueries({ queries: ids.map((id) => partnershipSummaryQuery(id, asOf)) });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    if (result.data) names.set(ids[index], `${result.data.school.name ?? '?'} – ${result.data.partner.name ?? '?'}`);
  });
  return names;
}
