import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import { type ExportFormat, saveDownload } from '@/lib/download';
import type { PartnershipFilters } from '../list-search';

/** Rows per page: the API's maximum, so 2,000 partnerships are ten requests. */
export const LIST_PAGE_SIZE = 200;

/** The partnership list as the API filters and sorts it, one cursor page after the other. */
export const partnershipListQuery = (filters: PartnershipFilters, asOf: Day | undefined) =>
  infiniteQueryOptions({
    queryKey: ['partnerships', 'list', filters, asOf ?? 'now'],
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/partnerships', { params: { query: { ...filters, asOf, cursor: pageParam, limit: LIST_PAGE_SIZE } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

/** Every matching row as a file (the API writes it; the browser saves it). */
export async function downloadPartnershipList(filters: PartnershipFilters, asOf: Day | undefined, format: ExportFormat): Promise<void> {
  saveDownload(await api.GET('/api/partnerships', { params: { query: { ...filters, asOf, format } }, parseAs: 'blob' }), `partnerschappen.${format}`);
}
