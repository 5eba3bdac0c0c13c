import { useQueries } from '@tanstack/react-query';
import { partnershipSummaryQuery } from '@/features/partnerships/api/queries';
import type { Day } from '@/lib/dates';
import type { WorklistItem } from '@/lib/views';

/**
 * School and partner names for worklist items that do not carry them yet (SPEC §3.5 R2 adds them to the answer):
 * one summary per partnership, shared with the partnership screen's cache.
 */
export function usePartnershipNames(items: WorklistItem[] | undefined, asOf: Day | undefined): Map<string, string> {
  const ids = [...new Set((items ?? []).filter((item) => !namesOf(item)).map((item) => item.partnershipId))];
  const results = useQueries({ queries: ids.map((id) => partnershipSummaryQuery(id, asOf)) });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    if (result.data) names.set(ids[index], `${result.data.school.name ?? '?'} – ${result.data.partner.name ?? '?'}`);
  });
  for (const item of items ?? []) {
    const own = namesOf(item);
    if (own) names.set(item.partnershipId, own);
  }
  return names;
}

function namesOf(item: WorklistItem): string | undefined {
  const school = item.partnership?.school?.name ?? item.schoolName;
  const partner = item.partnership?.partner?.name ?? item.partnerName;
  return school && partner ? `${school} – ${partner}` : undefined;
}
