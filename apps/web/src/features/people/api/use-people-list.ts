import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { unwrap } from '@/lib/api-errors';
import type { Day } from '@/lib/dates';
import { type ExportFormat, saveDownload } from '@/lib/download';

const peopleQuery = (text: string, withLeft: boolean, asOf: Day | undefined) => ({ text: text.trim() || undefined, left: withLeft ? undefined : ('false' as const), asOf, sort: 'name' as const });

/** People whose name or role holds `text`, with those who left when `withLeft`. */
export function usePeopleList(text: string, withLeft: boolean, asOf: Day | undefined) {
  return useQuery({
    queryKey: ['people', 'list', text, withLeft, asOf ?? 'now'],
    queryFn: async () => unwrap(await api.GET('/api/people', { params: { query: { ...peopleQuery(text, withLeft, asOf), limit: 200 } } })),
    placeholderData: keepPreviousData,
  });
}

/** Every person the list's search matches, as the file the API writes. */
export async function downloadPeople(text: string, withLeft: boolean, asOf: Day | undefined, format: ExportFormat): Promise<void> {
  saveDownload(await api.GET('/api/people', { params: { query: { ...peopleQuery(text, withLeft, asOf), format } }, parseAs: 'blob' }), `mensen.${format}`);
}

/** What a person carries, and what their departure would leave behind (the API's departureImpact). */
export function useExposure(personId: string | undefined) {
  return useQuery({
    queryKey: ['people', personId, 'exposure'],
    queryFn: async () => unwrap(await api.GET('/api/people/{id}/exposure', { params: { path: { id: personId! } } })),
    enabled: !!personId,
  });
}
